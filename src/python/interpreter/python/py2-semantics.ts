/**
 * Python source (run inside Pyodide) giving Python 3 the Python 2.7 behaviour Jython scripts
 * rely on: the `unicode` and `long` types (kept apart from `str`/`int` so results convert to
 * the value model with the right type), list-returning builtins, integer division, `u''`
 * literals, `has_key`/`iteritems`, `sort(cmp=...)`, and the AST rewrite that wires these in.
 * `from __future__ import division` switches the division rewrite off, as in Python 2.
 */
export const py2SemanticsSource = String.raw`
import ast as _ast, builtins as _b, decimal as _decimal, functools as _functools, math as _math
import operator as _operator

_ROUND_CONTEXT = _decimal.Context(prec=1200)


def _py2_quote(text, prefix):
    quote = '"' if ("'" in text and '"' not in text) else "'"
    out = [prefix, quote]
    for ch in text:
        code = ord(ch)
        if ch == quote or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 32 or 127 <= code < 256:
            out.append("\\x%02x" % code)
        elif code >= 0x10000:
            out.append("\\U%08x" % code)
        elif code >= 256:
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append(quote)
    return "".join(out)


def _as_unicode(value):
    if type(value) is str:
        return unicode(value)
    if type(value) is list:
        return [_as_unicode(item) for item in value]
    if type(value) is tuple:
        return tuple(_as_unicode(item) for item in value)
    return value


class unicode(str):
    """Python 2's unicode: Java Strings (CI properties, ids, names) and u'' literals."""
    __slots__ = ()

    def __new__(cls, value="", *decoding):
        if not decoding and not isinstance(value, str):
            value = _py2_str_of(value)
        return str.__new__(cls, value, *decoding)

    def __repr__(self):
        return _py2_quote(self, "u")

    def __add__(self, other):
        if isinstance(other, str) and not _is_java_name(other):
            return unicode(str.__add__(self, other))
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, str) and not _is_java_name(other):
            return unicode(str.__add__(other, self))
        return NotImplemented

    def __mod__(self, arguments):
        return unicode(str.__mod__(self, arguments))

    def __rmod__(self, template):
        if isinstance(template, str):
            return unicode(str.__mod__(template, self))
        return NotImplemented

    def __mul__(self, count):
        return unicode(str.__mul__(self, count))

    __rmul__ = __mul__

    def __getitem__(self, index):
        return unicode(str.__getitem__(self, index))

    def __iter__(self):
        return (unicode(ch) for ch in str.__iter__(self))

    def __hash__(self):
        return str.__hash__(self)

    def __eq__(self, other):
        return str.__eq__(self, other)

    def __ne__(self, other):
        return str.__ne__(self, other)

    def __contains__(self, item):
        if _is_java_name(item):
            raise TypeError("'in <string>' requires string as left operand, not %s" % type(item)._jython_name)
        return str.__contains__(self, item)

    def __lt__(self, other):
        return NotImplemented if _is_java_name(other) else str.__lt__(self, other)

    def __le__(self, other):
        return NotImplemented if _is_java_name(other) else str.__le__(self, other)

    def __gt__(self, other):
        return NotImplemented if _is_java_name(other) else str.__gt__(self, other)

    def __ge__(self, other):
        return NotImplemented if _is_java_name(other) else str.__ge__(self, other)

    def encode(self, encoding="utf-8", errors="strict"):
        return str(self)

    def decode(self, encoding="utf-8", errors="strict"):
        return self


def _unicode_method(name):
    method = getattr(str, name)

    def wrapper(self, *arguments, **keywords):
        return _as_unicode(method(self, *arguments, **keywords))

    wrapper.__name__ = name
    return wrapper


for _name in ("capitalize", "center", "expandtabs", "format", "join", "ljust", "lower", "lstrip", "partition",
              "replace", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "strip", "swapcase",
              "title", "translate", "upper", "zfill"):
    setattr(unicode, _name, _unicode_method(_name))


def _str_decode(self, encoding="utf-8", errors="strict"):
    return unicode(self)


class long(int):
    """Python 2's long; stays long through arithmetic, as in Python 2."""
    __slots__ = ()

    def __repr__(self):
        return int.__repr__(self) + "L"

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return int.__format__(int(self), spec)


def _long_method(name):
    method = getattr(int, name)

    def wrapper(self, *arguments):
        result = method(self, *arguments)
        return long(result) if type(result) is int else result

    wrapper.__name__ = name
    return wrapper


for _name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__floordiv__", "__rfloordiv__",
              "__mod__", "__rmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__and__", "__rand__",
              "__or__", "__ror__", "__xor__", "__rxor__", "__lshift__", "__rshift__", "__invert__"):
    setattr(long, _name, _long_method(_name))


def _pw_div(left, right):
    if isinstance(left, int) and isinstance(right, int):
        if right == 0:
            raise ZeroDivisionError("integer division or modulo by zero")
        result = left // right
        return long(result) if type(left) is long or type(right) is long else result
    return left / right


def _pw_mod(left, right):
    if isinstance(left, str) and not _is_java_name(left):
        return _py2_percent(left, right)
    return _ARITHMETIC["mod"](left, right)


_INT_MIN, _INT_MAX = -2147483648, 2147483647


def _pw_int(value):
    """Jython's int is 32 bits: an int result outside that range is a long."""
    if type(value) is int and not _INT_MIN <= value <= _INT_MAX:
        return long(value)
    return value


def _py2_arithmetic(operation):
    """A binary operator whose int result is a long when an operand is (bool + long too) or when it overflows."""
    def apply(left, right):
        result = operation(left, right)
        if type(result) is int and (type(left) is long or type(right) is long or not _INT_MIN <= result <= _INT_MAX):
            return long(result)
        return result
    return apply


_ARITHMETIC = {name: _py2_arithmetic(getattr(_operator, name))
               for name in ("add", "sub", "mul", "lshift", "floordiv", "mod")}


def _pw_pow(base, exponent):
    try:
        return _py2_power(base, exponent)
    except OverflowError:
        # Jython's float power overflows to infinity instead of raising.
        if isinstance(base, float) or isinstance(exponent, float):
            negative = base < 0 and float(exponent).is_integer() and int(exponent) % 2 == 1
            return float("-inf") if negative else float("inf")
        raise


_py2_power = _py2_arithmetic(_operator.pow)


def _pw_neg(value):
    return _pw_int(-value)


def _pw_invert(value):
    return _pw_int(~value)


def _py2_int_of(value=0, *base):
    return _pw_int(int(value, *base))


class _Py2IntType(type):
    """Metaclass of Python 2's int: isinstance excludes long; int() gives a long beyond 32 bits."""

    def __instancecheck__(cls, value):
        if cls is _py2_int:
            return isinstance(value, int) and not isinstance(value, long)
        return type.__instancecheck__(cls, value)

    def __subclasscheck__(cls, klass):
        if cls is _py2_int:
            return issubclass(klass, int) and not issubclass(klass, long)
        return type.__subclasscheck__(cls, klass)

    def __call__(cls, *arguments, **keywords):
        if cls is _py2_int:
            return _py2_int_of(*arguments, **keywords)
        return type.__call__(cls, *arguments, **keywords)

    def __eq__(cls, other):
        return type.__eq__(cls, other) is True or (cls is _py2_int and other is int)

    def __hash__(cls):
        return hash(int) if cls is _py2_int else type.__hash__(cls)


class _py2_int(int, metaclass=_Py2IntType):
    __slots__ = ()


_py2_int.__name__ = _py2_int.__qualname__ = "int"


def _pw_has_key(mapping, key):
    return key in mapping


def _pw_listing(target, name):
    result = getattr(target, name)()
    return list(result) if isinstance(target, dict) else result


def _pw_iterating(target, name):
    if isinstance(target, dict):
        return iter(getattr(target, name)())
    return getattr(target, "iter" + name)()


def _py2_round(number, digits=0):
    """Jython's round(): half away from zero on the float's exact decimal value; no negative zero
    except for values so small that Jython decides they round to zero before computing."""
    if not isinstance(number, (int, float)):
        raise TypeError("a float is required")
    number = float(number)
    if number != number or number in (float("inf"), float("-inf")) or number == 0.0 or digits > 1000:
        return number
    if _math.frexp(number)[1] - 1 < _math.ceil(-digits * _math.log2(10)) - 2:
        return _math.copysign(0.0, number)
    quantum = _decimal.Decimal(1).scaleb(-digits)
    rounded = float(_decimal.Decimal(number).quantize(quantum, _decimal.ROUND_HALF_UP, _ROUND_CONTEXT))
    return rounded if rounded else 0.0


def _py2_map(function, *iterables):
    if function is None:
        if len(iterables) == 1:
            return list(iterables[0])
        return _py2_zip_longest(*iterables)
    if len(iterables) > 1:
        lists = [list(items) for items in iterables]
        width = max(len(items) for items in lists)
        padded = [items + [None] * (width - len(items)) for items in lists]
        return list(_b.map(function, *padded))
    return list(_b.map(function, *iterables))


def _py2_zip_longest(*iterables):
    import itertools
    return [tuple(row) for row in itertools.zip_longest(*iterables)]


def _py2_filter(function, iterable):
    if type(iterable) in (str, unicode):
        return type(iterable)("".join(item for item in iterable if (function(item) if function else item)))
    if type(iterable) is tuple:
        return tuple(_b.filter(function, iterable))
    return list(_b.filter(function, iterable))


def _py2_raw_input(prompt=""):
    raise EOFError("EOF when reading a line")


_PY2_BUILTINS = {
    "unicode": unicode, "long": long, "str": _py2_str, "repr": _py2_repr, "basestring": _py2_basestring, "int": _py2_int,
    "xrange": _b.range, "unichr": _b.chr, "format": _py2_format, "min": _py2_min, "max": _py2_max,
    "reduce": _functools.reduce, "cmp": _py2_cmp3, "round": _py2_round, "sorted": _py2_sorted,
    "map": _py2_map, "filter": _py2_filter, "zip": lambda *iterables: list(_b.zip(*iterables)),
    "range": lambda *arguments: list(_b.range(*arguments)), "raw_input": _py2_raw_input,
    "apply": lambda function, arguments=(), keywords={}: function(*arguments, **keywords),
    "intern": lambda text: text,
    "_pw_div": _pw_div, "_pw_mod": _pw_mod, "_pw_has_key": _pw_has_key, "_pw_listing": _pw_listing,
    "_pw_iterating": _pw_iterating, "_pw_sort": _pw_sort, "_pw_long": long, "_pw_u": unicode,
    "_pw_add": _ARITHMETIC["add"], "_pw_sub": _ARITHMETIC["sub"], "_pw_mul": _ARITHMETIC["mul"],
    "_pw_lshift": _ARITHMETIC["lshift"], "_pw_floordiv": _ARITHMETIC["floordiv"], "_pw_pow": _pw_pow, "_pw_neg": _pw_neg, "_pw_invert": _pw_invert,
    "_pw_lt": _pw_lt, "_pw_le": _pw_le, "_pw_gt": _pw_gt, "_pw_ge": _pw_ge, "_pw_chain": _pw_chain,
    "_pw_method": _pw_method,
}

_ITERATING = {"iteritems": "items", "itervalues": "values", "iterkeys": "keys"}
_ORDERING = {_ast.Lt: "_pw_lt", _ast.LtE: "_pw_le", _ast.Gt: "_pw_gt", _ast.GtE: "_pw_ge"}
_COMPARISON_NAMES = {_ast.Lt: "<", _ast.LtE: "<=", _ast.Gt: ">", _ast.GtE: ">=", _ast.Eq: "==", _ast.NotEq: "!=",
                     _ast.In: "in", _ast.NotIn: "not in", _ast.Is: "is", _ast.IsNot: "is not"}
_OVERFLOWING = {_ast.Add: "_pw_add", _ast.Sub: "_pw_sub", _ast.Mult: "_pw_mul", _ast.LShift: "_pw_lshift",
                _ast.FloorDiv: "_pw_floordiv"}
_NO_ARGUMENTS = _ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None,
                               defaults=[])


def _name(identifier, node):
    return _ast.copy_location(_ast.Name(id=identifier, ctx=_ast.Load()), node)


def _call(identifier, arguments, node, keywords=()):
    return _ast.copy_location(_ast.Call(func=_name(identifier, node), args=list(arguments), keywords=list(keywords)), node)


class _Py2Rewrite(_ast.NodeTransformer):
    def __init__(self, true_division):
        self.true_division = true_division

    def visit_Constant(self, node):
        if isinstance(node.value, str) and getattr(node, "kind", None) == "u":
            return _call("_pw_u", [node], node)
        if type(node.value) is int and node.value > _INT_MAX:
            return _call("_pw_long", [node], node)
        return node

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, _ast.USub) and not (isinstance(node.operand, _ast.Constant)
                                                   and type(node.operand.value) in (int, float)):
            return _call("_pw_neg", [node.operand], node)
        if isinstance(node.op, _ast.Invert):
            return _call("_pw_invert", [node.operand], node)
        return node

    def visit_Compare(self, node):
        self.generic_visit(node)
        if not any(type(operator) in _ORDERING for operator in node.ops):
            return node
        if len(node.ops) == 1:
            return _call(_ORDERING[type(node.ops[0])], [node.left, node.comparators[0]], node)
        names = _ast.copy_location(_ast.Tuple(elts=[_ast.Constant(_COMPARISON_NAMES[type(operator)])
                                                    for operator in node.ops], ctx=_ast.Load()), node)
        thunks = [_ast.copy_location(_ast.Lambda(args=_NO_ARGUMENTS, body=operand), operand)
                  for operand in node.comparators]
        return _call("_pw_chain", [node.left, names] + thunks, node)

    def visit_JoinedStr(self, node):
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, _ast.Div) and not self.true_division:
            return _call("_pw_div", [node.left, node.right], node)
        if isinstance(node.op, _ast.Mod):
            return _call("_pw_mod", [node.left, node.right], node)
        if isinstance(node.op, _ast.Pow):
            return _call("_pw_pow", [node.left, node.right], node)
        if type(node.op) in _OVERFLOWING:
            return _call(_OVERFLOWING[type(node.op)], [node.left, node.right], node)
        return node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        if isinstance(node.op, _ast.Div) and not self.true_division or isinstance(node.op, _ast.Mod):
            helper = "_pw_mod" if isinstance(node.op, _ast.Mod) else "_pw_div"
            load = _as_load(node.target)
            if load is not None:
                return _ast.copy_location(_ast.Assign(targets=[node.target], value=_call(helper, [load, node.value], node)), node)
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        function = node.func
        if not isinstance(function, _ast.Attribute):
            return node
        if function.attr == "has_key" and len(node.args) == 1 and not node.keywords:
            return _call("_pw_has_key", [function.value, node.args[0]], node)
        if function.attr in _ITERATING and not node.args and not node.keywords:
            return _call("_pw_iterating", [function.value, _ast.Constant(_ITERATING[function.attr])], node)
        if function.attr in ("keys", "values", "items") and not node.args and not node.keywords:
            return _call("_pw_listing", [function.value, _ast.Constant(function.attr)], node)
        if function.attr == "sort":
            return _call("_pw_sort", [function.value] + node.args, node, node.keywords)
        if function.attr in _PY2_COERCING_METHODS:
            return _call("_pw_method", [function.value, _ast.Constant(function.attr)] + node.args, node, node.keywords)
        return node


def _as_load(target):
    if isinstance(target, _ast.Name):
        return _ast.copy_location(_ast.Name(id=target.id, ctx=_ast.Load()), target)
    if isinstance(target, _ast.Attribute):
        return _ast.copy_location(_ast.Attribute(value=target.value, attr=target.attr, ctx=_ast.Load()), target)
    if isinstance(target, _ast.Subscript):
        return _ast.copy_location(_ast.Subscript(value=target.value, slice=target.slice, ctx=_ast.Load()), target)
    return None


def _uses_future(tree, feature):
    if not isinstance(tree, _ast.Module):
        return False
    for statement in tree.body:
        if isinstance(statement, _ast.ImportFrom) and statement.module == "__future__":
            if any(alias.name == feature for alias in statement.names):
                return True
    return False


def _compile_py2(source, filename, mode):
    """Python 2 source -> code object. Raises SyntaxError with the source's own line numbers."""
    text = source
    if mode == "exec":
        text = _fix_py2(source, print_statement="print_function" not in source)
    else:
        text = _fix_py2(source, print_statement=False)
    tree = _ast.parse(text, filename, mode)
    tree = _Py2Rewrite(_uses_future(tree, "division")).visit(tree)
    _ast.fix_missing_locations(tree)
    return compile(tree, filename, mode, dont_inherit=True)
`;
