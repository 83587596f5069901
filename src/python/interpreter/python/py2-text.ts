/**
 * Python source (run inside Pyodide) for Python 2.7's text conversions as Jython 2.7 does
 * them: `str()` of a float (12 significant digits), the `str` type that excludes unicode and
 * Java names, `%` formatting (every conversion; a dict is both the mapping and each positional
 * argument; unicode when a %s argument is), `str.format`/`format` (objects without their own
 * format format their str()), and str methods that turn unicode when an argument is.
 */
export const py2TextSource = `
import builtins as _b, string as _string_module


def _py2_float_str(number):
    """str(float) in Python 2: 12 significant digits, always with a point or an exponent."""
    if number != number:
        return "nan"
    if number in (float("inf"), float("-inf")):
        return "inf" if number > 0 else "-inf"
    text = "%.12g" % number
    if "." not in text and "e" not in text:
        text += ".0"
    return text


_CONTAINERS = (list, tuple, dict, set, frozenset)


def _py2_repr(value):
    """repr(value) with Python 2's set([...]) form, also inside lists, tuples and dicts."""
    kind = type(value)
    if kind is list:
        return "[" + ", ".join(_py2_repr(item) for item in value) + "]"
    if kind is tuple:
        if len(value) == 1:
            return "(" + _py2_repr(value[0]) + ",)"
        return "(" + ", ".join(_py2_repr(item) for item in value) + ")"
    if kind is dict:
        return "{" + ", ".join(_py2_repr(key) + ": " + _py2_repr(item) for key, item in value.items()) + "}"
    if kind is set or kind is frozenset:
        return kind.__name__ + "([" + ", ".join(_py2_repr(item) for item in value) + "])"
    return repr(value)


def _py2_str_of(value):
    """str(value) as Python 2 computes it: a plain str; unicode must be ASCII."""
    kind = type(value)
    if kind is float:
        return _py2_float_str(value)
    if kind is _b.str:
        return value
    if kind in _CONTAINERS:
        return _py2_repr(value)
    if isinstance(value, unicode):
        _b.str.encode(value, "ascii")
    return _b.str.__str__(value) if isinstance(value, _b.str) else _b.str(value)


def _py2_text_of(value):
    """What print and %s write: unicode as it is, anything else as str()."""
    return value if isinstance(value, unicode) else _py2_str_of(value)


def _is_java_name(value):
    return isinstance(value, (Operation, _CiType))


class _Py2TextType(type):
    """Metaclass of Python 2's str and basestring: isinstance excludes what Jython keeps apart."""

    def __instancecheck__(cls, value):
        if cls is _py2_str:
            return isinstance(value, _b.str) and not isinstance(value, unicode) and not _is_java_name(value)
        if cls is _py2_basestring:
            return isinstance(value, _b.str) and not _is_java_name(value)
        return type.__instancecheck__(cls, value)

    def __subclasscheck__(cls, klass):
        if cls is _py2_str:
            return issubclass(klass, _b.str) and not issubclass(klass, (unicode, Operation, _CiType))
        if cls is _py2_basestring:
            return issubclass(klass, _b.str) and not issubclass(klass, (Operation, _CiType))
        return type.__subclasscheck__(cls, klass)

    def __call__(cls, *arguments, **keywords):
        if cls is _py2_str:
            return _py2_str_of(arguments[0]) if arguments else ""
        if cls is _py2_basestring:
            raise TypeError("The basestring type cannot be instantiated")
        return type.__call__(cls, *arguments, **keywords)

    def __eq__(cls, other):
        return type.__eq__(cls, other) is True or (cls is _py2_str and other is _b.str)

    def __hash__(cls):
        return _b.hash(_b.str) if cls is _py2_str else type.__hash__(cls)


class _py2_str(_b.str, metaclass=_Py2TextType):
    __slots__ = ()


class _py2_basestring(_b.str, metaclass=_Py2TextType):
    __slots__ = ()


_py2_str.__name__ = _py2_str.__qualname__ = "str"
_py2_basestring.__name__ = _py2_basestring.__qualname__ = "basestring"


def _percent_number(value, conversion, integral):
    if isinstance(value, (int, float)):
        if integral:
            if isinstance(value, float) and value != value:
                raise ValueError("cannot convert float NaN to integer")
            if isinstance(value, float) and value in (float("inf"), float("-inf")):
                raise OverflowError("cannot convert float infinity to integer")
            return _b.int(value)
        return _b.float(value)
    if integral:
        raise TypeError("%%%s format: a number is required, not %s" % (conversion, type(value).__name__))
    raise TypeError("float argument required, not %s" % type(value).__name__)


def _percent_pad(text, width, flags, numeric):
    if len(text) >= width:
        return text
    if "-" in flags:
        return text.ljust(width)
    if numeric and "0" in flags and not text.lower().endswith(("inf", "nan")):
        head = 1 if text[:1] in "-+ " else 0
        if text[head:head + 2] in ("0x", "0X"):
            head += 2
        return text[:head] + text[head:].rjust(width - head, "0")
    return text.rjust(width)


def _percent_integer(conversion, number, flags, precision):
    negative = number < 0
    magnitude = -number if negative else number
    prefix = ""
    if conversion == "o":
        digits = "%o" % magnitude
        if "#" in flags and not digits.startswith("0"):
            prefix = "0"
    elif conversion in "xX":
        digits = "%x" % magnitude
        if "#" in flags:
            prefix = "0x"
        if conversion == "X":
            digits, prefix = digits.upper(), prefix.upper()
    else:
        digits = "%d" % magnitude
    if precision is not None:
        digits = digits.rjust(precision, "0")
    sign = "-" if negative else "+" if "+" in flags else " " if " " in flags else ""
    return sign + prefix + digits


def _percent_float(conversion, number, flags, precision):
    spec = "%" + "".join(flag for flag in "+ #" if flag in flags) + "." + _b.str(6 if precision is None else precision)
    return (spec + conversion) % number


def _percent_character(value, unicode_format):
    if isinstance(value, _b.str) and not _is_java_name(value):
        if len(value) != 1:
            raise TypeError("%c requires int or char")
        return value, isinstance(value, unicode)
    if isinstance(value, (int, float)):
        code = _b.int(value)
        if unicode_format:
            if not 0 <= code <= 0x10FFFF:
                raise OverflowError("%c arg not in range(0x110000)")
            return _b.chr(code), True
        if not 0 <= code <= 255:
            raise OverflowError("unsigned byte integer is greater than maximum")
        return _b.chr(code), False
    raise TypeError("%c requires int or char")


def _is_percent_mapping(value):
    return isinstance(value, dict) or (hasattr(type(value), "__getitem__")
                                       and not isinstance(value, (_b.str, list, tuple)))


def _py2_percent(template, arguments):
    """template % arguments as Jython's StringFormatter does it."""
    unicode_result = isinstance(template, unicode)
    if type(arguments) is tuple:
        positional, mapping = arguments, None
    elif _is_percent_mapping(arguments):
        positional, mapping = (), arguments
    else:
        positional, mapping = (arguments,), None
    used = 0

    def next_argument():
        nonlocal used
        if mapping is not None:
            return mapping
        if used >= len(positional):
            raise TypeError("not enough arguments for format string")
        used += 1
        return positional[used - 1]

    out = []
    length = len(template)
    index = 0
    while index < length:
        percent = template.find("%", index)
        if percent < 0:
            out.append(template[index:])
            break
        out.append(template[index:percent])
        index = percent + 1
        key = None
        if index < length and template[index] == "(":
            depth, end = 1, index + 1
            while end < length and depth > 0:
                depth += {"(": 1, ")": -1}.get(template[end], 0)
                end += 1
            if depth > 0:
                raise ValueError("incomplete format key")
            key = template[index + 1:end - 1]
            index = end
        flags = ""
        while index < length and template[index] in "-+ #0":
            flags += template[index]
            index += 1
        width = 0
        if index < length and template[index] == "*":
            width = next_argument()
            if not isinstance(width, int) or isinstance(width, long):
                raise TypeError("* wants int")
            if width < 0:
                flags, width = flags + "-", -width
            index += 1
        else:
            while index < length and template[index].isdigit():
                width = width * 10 + _b.int(template[index])
                index += 1
        precision = None
        if index < length and template[index] == ".":
            index += 1
            if index < length and template[index] == "*":
                precision = next_argument()
                if not isinstance(precision, int) or isinstance(precision, long):
                    raise TypeError("* wants int")
                precision = max(0, precision)
                index += 1
            else:
                precision = 0
                while index < length and template[index].isdigit():
                    precision = precision * 10 + _b.int(template[index])
                    index += 1
        while index < length and template[index] in "hlL":
            index += 1
        if index >= length:
            raise ValueError("incomplete format")
        conversion = template[index]
        index += 1
        if conversion == "%":
            out.append("%")
            continue
        if conversion not in "srdiuoxXeEfFgGc":
            raise ValueError("unsupported format character '%s' (0x%x) at index %d"
                             % (conversion, ord(conversion), index - 1))
        if key is not None:
            if mapping is None:
                raise TypeError("format requires a mapping")
            value = mapping[key]
        else:
            value = next_argument()
        numeric = False
        if conversion == "s":
            if isinstance(value, unicode):
                unicode_result = True
            text = _py2_text_of(value)
            if precision is not None:
                text = text[:precision]
        elif conversion == "r":
            text = _py2_repr(value)
            if precision is not None:
                text = text[:precision]
        elif conversion in "diuoxX":
            text = _percent_integer(conversion, _percent_number(value, conversion, True), flags, precision)
            numeric = True
        elif conversion in "eEfFgG":
            text = _percent_float(conversion, _percent_number(value, conversion, False), flags, precision)
            numeric = True
        else:
            text, is_unicode = _percent_character(value, unicode_result)
            unicode_result = unicode_result or is_unicode
        out.append(_percent_pad(text, width, flags, numeric))
    if mapping is None and used < len(positional):
        raise TypeError("not all arguments converted during string formatting")
    result = "".join(out)
    return unicode(result) if unicode_result else result


def _py2_format(value, spec=""):
    """format(value, spec): floats as str() with no spec; objects without a format of their own format their str()."""
    kind = type(value)
    if kind is float and spec == "":
        return _py2_float_str(value)
    if kind is bool:
        # Jython formats a bool as the int it is.
        return _b.format(int(value), spec)
    if kind.__format__ is object.__format__:
        return _b.format(_py2_str_of(value), spec)
    return _b.format(value, spec)


class _Py2Formatter(_string_module.Formatter):
    """str.format of Python 2; a str template (not unicode) needs ASCII unicode arguments."""

    def __init__(self, ascii_arguments):
        self.ascii_arguments = ascii_arguments

    def format_field(self, value, spec):
        if self.ascii_arguments and isinstance(value, unicode):
            _b.str.encode(value, "ascii")
        return _py2_format(value, spec)

    def convert_field(self, value, conversion):
        if conversion == "s":
            return _py2_str_of(value)
        if conversion == "r":
            return _py2_repr(value)
        if conversion is None:
            return value
        raise ValueError("Unknown conversion specifier %s" % conversion)


_PY2_STR_FORMATTER = _Py2Formatter(True)
_PY2_UNICODE_FORMATTER = _Py2Formatter(False)

# str methods whose result turns unicode when an argument is unicode (Python 2 coerces the str).
_PY2_COERCING_METHODS = frozenset(("join", "replace", "split", "rsplit", "strip", "lstrip", "rstrip", "partition",
                                   "rpartition", "center", "ljust", "rjust", "format"))


def _pw_method(target, name, *arguments, **keywords):
    """target.name(*arguments) for a coercing str method name, with Python 2's str/unicode rules."""
    if type(target) is _b.str:
        if name == "format":
            return _PY2_STR_FORMATTER.vformat(target, arguments, keywords)
        if name == "join":
            items = list(arguments[0]) if len(arguments) == 1 and not keywords else None
            if items is not None:
                result = target.join(items)
                return unicode(result) if any(isinstance(item, unicode) for item in items) else result
        result = getattr(target, name)(*arguments, **keywords)
        if any(isinstance(argument, unicode) for argument in arguments):
            return _as_unicode(result)
        return result
    if name == "format" and isinstance(target, unicode):
        return unicode(_PY2_UNICODE_FORMATTER.vformat(target, arguments, keywords))
    return getattr(target, name)(*arguments, **keywords)
`;
