/**
 * Python source (run inside Pyodide) giving ordering comparisons Python 2.7's total order, as
 * Jython 2.7 has it: `<`, `<=`, `>`, `>=` between values Python 3 refuses to order (None and
 * numbers, str and list, dicts, ...) fall back to Jython's default comparison: None first,
 * then numbers, then other types by type name; lists and tuples item by item; dicts by size,
 * then by their smallest differing key. `min`, `max`, `sorted`, `list.sort` and `cmp` use the
 * same order. The AST rewrite (py2-semantics.ts) turns ordering comparisons into these calls.
 */
export const py2OrderingSource = `
import operator as _operator


def _jython_type_name(value):
    """The type name Jython's default comparison sorts by ("" for numbers, which come first)."""
    if isinstance(value, (bool, int, float)):
        return ""
    return getattr(type(value), "_jython_name", type(value).__name__)


def _py2_cmp3(left, right):
    """cmp(left, right) as Jython 2.7 computes it: -1, 0 or 1."""
    if isinstance(left, (set, frozenset)) or isinstance(right, (set, frozenset)):
        raise TypeError("cannot compare sets using cmp()")
    if left is right:
        return 0
    if _pw_eq(left, right):
        return 0
    if _pw_native_lt(left, right):
        return -1
    if _pw_native_lt(right, left):
        return 1
    return _py2_default_cmp(left, right)


def _pw_eq(left, right):
    try:
        return bool(left == right)
    except TypeError:
        return False


_UNORDERED = object()


def _pw_native_lt(left, right):
    """left < right where Python 3 orders them as Python 2 does; False where it refuses."""
    try:
        return bool(left < right)
    except TypeError:
        return False


def _py2_default_cmp(left, right):
    """The order of values Python 3 refuses to compare."""
    if left is right:
        return 0
    kind = type(left)
    if kind is type(right):
        if kind is list or kind is tuple:
            return _py2_sequence_cmp(left, right)
        if kind is dict:
            return _py2_dict_cmp(left, right)
        if _pw_eq(left, right):
            return 0
    if left is None:
        return -1
    if right is None:
        return 1
    left_name, right_name = _jython_type_name(left), _jython_type_name(right)
    if left_name != right_name:
        return -1 if left_name < right_name else 1
    left_id, right_id = id(type(left)), id(type(right))
    if left_id != right_id:
        return -1 if left_id < right_id else 1
    return -1 if id(left) < id(right) else 1


def _py2_sequence_cmp(left, right):
    for left_item, right_item in zip(left, right):
        if not _pw_eq(left_item, right_item):
            return _py2_cmp3(left_item, right_item)
    return (len(left) > len(right)) - (len(left) < len(right))


def _py2_smallest_difference(mapping, other):
    found, smallest_key, smallest_value = False, None, None
    for key, value in mapping.items():
        if found and _py2_cmp3(key, smallest_key) >= 0:
            continue
        if key not in other or not _pw_eq(other[key], value):
            found, smallest_key, smallest_value = True, key, value
    return found, smallest_key, smallest_value


def _py2_dict_cmp(left, right):
    if len(left) != len(right):
        return -1 if len(left) < len(right) else 1
    found, left_key, left_value = _py2_smallest_difference(left, right)
    if not found:
        return 0
    _, right_key, right_value = _py2_smallest_difference(right, left)
    order = _py2_cmp3(left_key, right_key)
    return order if order else _py2_cmp3(left_value, right_value)


def _py2_ordering(native, wanted):
    def compare(left, right):
        try:
            return native(left, right)
        except TypeError:
            if isinstance(left, (set, frozenset)) or isinstance(right, (set, frozenset)):
                raise TypeError("can only compare to a set")
            kind = type(left)
            if (kind is list or kind is tuple) and kind is type(right):
                # As Python 2: the first items that differ decide, with this same operator.
                for left_item, right_item in zip(left, right):
                    if not _pw_eq(left_item, right_item):
                        return compare(left_item, right_item)
                return native(len(left), len(right))
            return wanted(_py2_default_cmp(left, right))
    return compare


_pw_lt = _py2_ordering(_operator.lt, lambda order: order < 0)
_pw_le = _py2_ordering(_operator.le, lambda order: order <= 0)
_pw_gt = _py2_ordering(_operator.gt, lambda order: order > 0)
_pw_ge = _py2_ordering(_operator.ge, lambda order: order >= 0)


def _pw_contains(left, right):
    return left in right


def _pw_not_contains(left, right):
    return left not in right


_PY2_COMPARISONS = {
    "<": _pw_lt, "<=": _pw_le, ">": _pw_gt, ">=": _pw_ge, "==": _operator.eq, "!=": _operator.ne,
    "in": _pw_contains, "not in": _pw_not_contains, "is": _operator.is_, "is not": _operator.is_not,
}


def _pw_chain(left, operators, *operands):
    """A chained comparison a < b == c ...: each operand evaluated at most once, left to right, lazily."""
    result = True
    for operator_name, operand in zip(operators, operands):
        right = operand()
        result = _PY2_COMPARISONS[operator_name](left, right)
        if not result:
            return result
        left = right
    return result


class _Py2Key(object):
    """A sort key ordering values with Python 2's "<"."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return _pw_lt(self.value, other.value)


def _py2_sort_key(key):
    if key is None:
        return _Py2Key
    return lambda item: _Py2Key(key(item))


def _py2_sorted(iterable, cmp=None, key=None, reverse=False):
    items = list(iterable)
    _py2_sort_list(items, cmp, key, reverse)
    return items


def _py2_sort_list(items, cmp=None, key=None, reverse=False):
    if cmp is not None:
        import functools
        items.sort(key=functools.cmp_to_key(cmp if key is None else (lambda a, b: cmp(key(a), key(b)))),
                   reverse=reverse)
    else:
        items.sort(key=_py2_sort_key(key), reverse=reverse)


def _pw_sort(target, *arguments, **keywords):
    if isinstance(target, list):
        return _py2_sort_list(target, *arguments, **keywords)
    return target.sort(*arguments, **keywords)


def _py2_extreme(name, better):
    def extreme(*arguments, **keywords):
        key = keywords.pop("key", None)
        if keywords:
            raise TypeError("%s() got an unexpected keyword argument" % name)
        if not arguments:
            raise TypeError("%s expected 1 arguments, got 0" % name)
        iterator = iter(arguments[0] if len(arguments) == 1 else arguments)
        best = best_key = _UNORDERED
        for item in iterator:
            item_key = item if key is None else key(item)
            if best is _UNORDERED or better(item_key, best_key):
                best, best_key = item, item_key
        if best is _UNORDERED:
            raise ValueError("%s() arg is an empty sequence" % name)
        return best
    extreme.__name__ = name
    return extreme


_py2_min = _py2_extreme("min", _pw_lt)
_py2_max = _py2_extreme("max", _pw_gt)
`;
