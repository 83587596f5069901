/**
 * Python source (run inside Pyodide) for the object bridge: how JS values (in the value model
 * of ../../values/model.ts or the API forms of ../../api.ts) appear to Python, and how Python
 * results go back. `_pw_host` is the JS module registered by pyodide-host.ts.
 *
 * CIs, deltas, delta specifications and host objects are wrapped, not copied, so writes reach
 * the JS objects (`deployed.x = v`, `ci.values["x"] = v`). Lists, dicts and sets are copied.
 */
export const bridgeSource = `
import _pw_host
from pyodide.ffi import JsProxy as _JsProxy, JsException as _JsException, jsnull as _jsnull, to_js as _to_js

_KIND_OTHER, _KIND_CI, _KIND_DELTA, _KIND_SPECIFICATION, _KIND_HOST = 0, 1, 2, 3, 4
_KIND_LIST, _KIND_DICT, _KIND_SET, _KIND_STR, _KIND_FLOAT, _KIND_LONG = 5, 6, 7, 8, 9, 10
_KIND_TUPLE, _KIND_JAVA_NAME, _KIND_FUNCTION, _KIND_CHECKPOINT = 11, 12, 13, 14


def _to_py(value):
    if isinstance(value, str):
        return unicode(value)
    if value is _jsnull:
        return None
    if not isinstance(value, _JsProxy):
        return value
    kind = _pw_host.kind(value)
    if kind == _KIND_CI:
        return _CI(value)
    if kind == _KIND_LIST:
        return [_to_py(item) for item in value]
    if kind == _KIND_DICT:
        flat = _pw_host.entries(value)
        return {_to_py(flat[i]): _to_py(flat[i + 1]) for i in range(0, len(flat), 2)}
    if kind == _KIND_STR:
        return str(value.value)
    if kind == _KIND_DELTA:
        return _Delta(value)
    if kind == _KIND_SPECIFICATION:
        return _DeltaSpecification(value)
    if kind == _KIND_HOST:
        return _HostObject(value)
    if kind == _KIND_SET:
        return set(_to_py(item) for item in _pw_host.members(value))
    if kind == _KIND_FLOAT:
        return float(value.value)
    if kind == _KIND_LONG:
        return long(int(_pw_host.bigintText(value)))
    if kind == _KIND_TUPLE:
        return tuple(_to_py(item) for item in value.items)
    if kind == _KIND_JAVA_NAME:
        return Operation._of(value.name) if value.javaType == "Operation" else _CiType(value.name)
    if kind == _KIND_FUNCTION:
        return _HostFunction(value)
    if kind == _KIND_CHECKPOINT:
        return Checkpoint(_to_py(value.delta), _to_py(value.name), _to_py(value.operation))
    if value == _jsnull:
        return None
    return value


def _export(value):
    """Python value -> value model (../../values/model.ts)."""
    kind = type(value)
    if value is None:
        return _jsnull
    if kind is bool:
        return value
    if kind is unicode:
        return str.__str__(value)
    if kind is str:
        return _pw_host.makeStr(value)
    if kind is int:
        return value if -2147483648 <= value <= 2147483647 else _pw_host.makeLong(str(value))
    if kind is long:
        return _pw_host.makeLong(int.__repr__(value))
    if kind is float:
        return _pw_host.makeFloat(value)
    if kind is list:
        return _to_js([_export(item) for item in value], depth=1)
    if kind is tuple:
        return _pw_host.makeTuple(_to_js([_export(item) for item in value], depth=1))
    if kind is dict:
        flat = []
        for key, item in value.items():
            flat.append(_export(key))
            flat.append(_export(item))
        return _pw_host.makeDict(_to_js(flat, depth=1))
    if kind is set or kind is frozenset or isinstance(value, HashSet):
        return _pw_host.makeSet(_to_js([_export(item) for item in value], depth=1))
    if isinstance(value, (_CI, _Delta, _DeltaSpecification, _HostObject, _HostFunction)):
        return value._js
    if isinstance(value, Operation):
        return _pw_host.makeJavaName("Operation", str.__str__(value))
    if isinstance(value, _CiType):
        return _pw_host.makeJavaName("Type", str.__str__(value))
    if isinstance(value, Checkpoint):
        return _pw_host.makeCheckpoint(_export(value.delta), _export(value.name), _export(value.operation))
    if isinstance(value, _JsProxy):
        return value
    if isinstance(value, str):
        return _pw_host.makeStr(str.__str__(value))
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return _export(int(value))
    if isinstance(value, float):
        return _pw_host.makeFloat(float(value))
    if isinstance(value, list):
        return _export(list(value))
    if isinstance(value, dict):
        return _export(dict(value))
    return _pw_host.makeOpaque(type(value).__name__, repr(value))


class _HostError(BaseException):
    """What a host function threw. Jython's \`except Exception\` does not catch a Java exception,
    only a bare except does; deriving from BaseException gives the same here."""

    def __init__(self, js_error):
        BaseException.__init__(self, str(js_error))
        self.js_error = js_error


def _call_js(function, arguments, keywords):
    exported = _to_js([_export(argument) for argument in arguments], depth=1)
    flat = None
    if keywords:
        flat = []
        for key, item in keywords.items():
            flat.append(key)
            flat.append(_export(item))
        flat = _to_js(flat, depth=1)
    try:
        result = _pw_host.call(function, exported, flat)
    except _JsException as error:
        if getattr(error, "js_error", None) is None:
            raise
        raise _HostError(error.js_error) from None
    return _to_py(result)


class _HostFunction(object):
    __slots__ = ("_js",)

    def __init__(self, js):
        self._js = js

    def __call__(self, *arguments, **keywords):
        return _call_js(self._js, arguments, keywords)

    def __repr__(self):
        return "<java function>"


class _HostObject(object):
    __slots__ = ("_js",)

    def __init__(self, js):
        object.__setattr__(self, "_js", js)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        js = object.__getattribute__(self, "_js")
        value = _pw_host.hostGet(js, name)
        if value is None and not _pw_host.hostHas(js, name):
            raise AttributeError("'%s' object has no attribute '%s'" % (js.pyTypeName, name))
        return _to_py(value)

    def __setattr__(self, name, value):
        _pw_host.hostSet(object.__getattribute__(self, "_js"), name, _export(value))

    def __eq__(self, other):
        return isinstance(other, _HostObject) and other._js == self._js

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return id(type(self))

    def __repr__(self):
        return "<%s>" % self._js.pyTypeName


_STR_ONLY_METHODS = frozenset(name for name in dir(str) if not name.startswith("_"))


def _java_name_refuses(operation):
    def refuse(self, *arguments):
        raise TypeError("unsupported operation for %s: %s" % (type(self)._jython_name, operation))
    return refuse


class _JavaNameBehaviour(object):
    """A Java object that only compares equal to its name: no str operations, as in Jython."""
    __slots__ = ()

    __getitem__ = _java_name_refuses("[]")
    __len__ = _java_name_refuses("len()")
    __iter__ = _java_name_refuses("iteration")
    __contains__ = _java_name_refuses("in")
    __add__ = __radd__ = _java_name_refuses("+")
    __mul__ = __rmul__ = _java_name_refuses("*")
    __mod__ = __rmod__ = _java_name_refuses("%")
    __lt__ = __le__ = __gt__ = __ge__ = _java_name_refuses("ordering")

    def __bool__(self):
        return True

    def __getattribute__(self, name):
        # Jython sees a Java object: none of str's methods.
        if name in _STR_ONLY_METHODS:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self)._jython_name, name))
        return object.__getattribute__(self, name)


class _CiType(_JavaNameBehaviour, str):
    """com.xebialabs.deployit.plugin.api.reflect.Type: equal to its name."""
    __slots__ = ()
    _jython_name = "Type"

    def __repr__(self):
        return str.__str__(self)

    def instanceOf(self, other):
        return bool(_pw_host.isSubtypeOf(str.__str__(self), str.__str__(str(other))))

    def isSubTypeOf(self, other):
        return self.instanceOf(other)

    def getName(self):
        return unicode(str.rsplit(self, ".", 1)[-1])

    def getPrefix(self):
        return unicode(str.rsplit(self, ".", 1)[0])

    def getDescriptor(self):
        return _pw_host.descriptor(str.__str__(self))

    @staticmethod
    def valueOf(*parts):
        if len(parts) == 1:
            return _CiType(str(parts[0]))
        return _CiType("%s.%s" % parts[:2])

    def __eq__(self, other):
        return str.__eq__(self, other)

    def __ne__(self, other):
        return str.__ne__(self, other)

    def __hash__(self):
        return str.__hash__(self)


Type = _CiType


def _accessor_property(name):
    return name[3].lower() + name[4:] if len(name) > 3 else None


class _CI(object):
    """A configuration item: properties as attributes, ci['x'], ci.values['x'], type, id, name."""
    __slots__ = ("_js",)
    _jython_name = "CI"

    def __init__(self, js):
        object.__setattr__(self, "_js", js)

    def _get(self, name, missing):
        js = object.__getattribute__(self, "_js")
        value = _pw_host.ciValue(js, name)
        if value is None and not _pw_host.ciKnows(js, name):
            raise missing
        return _to_py(value)

    def __getattr__(self, name):
        js = object.__getattribute__(self, "_js")
        if name == "id":
            return unicode(js.id)
        if name == "name":
            return unicode(js.name)
        if name == "type":
            return _CiType(js.type)
        if name == "values":
            return _CiValues(self)
        if name == "_delegate":
            return self
        if name.startswith("__"):
            raise AttributeError(name)
        accessor = _CI_METHODS.get(name)
        if accessor is not None:
            return accessor.__get__(self)
        try:
            return self._get(name, AttributeError("'%s' object has no attribute '%s'" % (js.type, name)))
        except AttributeError:
            if name[:3] in ("get", "set") and len(name) > 3 and _pw_host.ciKnows(js, _accessor_property(name)):
                property_name = _accessor_property(name)
                if name.startswith("get"):
                    return lambda: self._get(property_name, AttributeError(name))
                return lambda value: self.__setattr__(property_name, value)
            if name.startswith("is") and len(name) > 2 and _pw_host.ciKnows(js, name[2].lower() + name[3:]):
                property_name = name[2].lower() + name[3:]
                return lambda: self._get(property_name, AttributeError(name))
            raise

    def __setattr__(self, name, value):
        _pw_host.ciSet(object.__getattribute__(self, "_js"), name, _export(value))

    def __getitem__(self, name):
        if not isinstance(name, str):
            raise TypeError("CI property names are strings, not %s" % type(name).__name__)
        return self._get(name, KeyError(name))

    def __setitem__(self, name, value):
        self.__setattr__(name, value)

    def __contains__(self, name):
        # A Java object is not a container in Jython (ci.values is).
        raise TypeError("argument of type 'CI' is not iterable")

    def __eq__(self, other):
        return isinstance(other, _CI) and other._js.id == self._js.id

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._js.id)

    def __str__(self):
        return str(self._js.id)

    def __repr__(self):
        return str(self._js.id)


def _ci_get_property(self, name):
    return self._get(name, AttributeError(name))


def _ci_set_property(self, name, value):
    self.__setattr__(name, value)


_CI_METHODS = {
    "getId": lambda self: unicode(self._js.id),
    "getName": lambda self: unicode(self._js.name),
    "getType": lambda self: _CiType(self._js.type),
    "getProperty": _ci_get_property,
    "setProperty": _ci_set_property,
    "hasProperty": lambda self, name: bool(_pw_host.ciKnows(self._js, name)),
    "getSyntheticProperties": lambda self: _CiValues(self),
}


class _CiValues(object):
    """ci.values: the CI's property map (read and write)."""
    __slots__ = ("_ci",)

    def __init__(self, ci):
        self._ci = ci

    def __getitem__(self, name):
        return self._ci._get(name, KeyError(name))

    def __setitem__(self, name, value):
        self._ci.__setattr__(name, value)

    def __contains__(self, name):
        return _pw_host.ciValue(self._ci._js, name) is not None

    def get(self, name, default=None):
        value = _pw_host.ciValue(self._ci._js, name)
        return default if value is None else _to_py(value)

    def keys(self):
        return [unicode(name) for name in _pw_host.ciValueNames(self._ci._js)]

    def items(self):
        return [(name, self[name]) for name in self.keys()]

    def values(self):
        return [self[name] for name in self.keys()]

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def put(self, name, value):
        self[name] = value


class _Delta(object):
    __slots__ = ("_js",)
    _jython_name = "Delta"

    def __init__(self, js):
        self._js = js

    @property
    def operation(self):
        return Operation._of(self._js.operation)

    @property
    def deployed(self):
        return _to_py(self._js.deployed)

    @property
    def previous(self):
        return _to_py(self._js.previous)

    @property
    def deployedOrPrevious(self):
        return _to_py(self._js.deployedOrPrevious)

    @property
    def changedProperties(self):
        return [unicode(name) for name in self._js.changedProperties]

    @property
    def _delegate(self):
        return self

    def getOperation(self):
        return self.operation

    def getDeployed(self):
        return self.deployed

    def getPrevious(self):
        return self.previous

    def getDeployedOrPrevious(self):
        return self.deployedOrPrevious

    def __eq__(self, other):
        return isinstance(other, _Delta) and other._js == self._js

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._js.id)

    def __repr__(self):
        return "Delta[%s %s]" % (self._js.operation, self._js.id)


class _DeltaSpecification(object):
    __slots__ = ("_js",)
    _jython_name = "DeltaSpecification"

    def __init__(self, js):
        self._js = js

    @property
    def deltas(self):
        return [_Delta(delta) for delta in self._js.deltas]

    @property
    def operation(self):
        return Operation._of(self._js.operation)

    @property
    def deployedApplication(self):
        return _to_py(self._js.deployedApplication)

    @property
    def previousDeployedApplication(self):
        return _to_py(self._js.previousDeployedApplication)

    @property
    def deployedOrPreviousApplication(self):
        return _to_py(self._js.deployedOrPreviousApplication)

    @property
    def rollback(self):
        return bool(self._js.rollback)

    def isRollback(self):
        return self.rollback

    def getDeltas(self):
        return self.deltas

    def getOperation(self):
        return self.operation

    def getDeployedApplication(self):
        return self.deployedApplication

    def getPreviousDeployedApplication(self):
        return self.previousDeployedApplication

    def __repr__(self):
        return "DeltaSpecification[%s]" % self._js.operation
`;
