/**
 * Python source (run inside Pyodide) with the Java classes real planning scripts import
 * (reference/corpus-survey.md §6.3), arranged as importable Java packages. A class that has
 * no meaning without a JVM or the host (files, connections) is listed as unavailable, so its
 * import fails with an ImportError naming it.
 */
export const javaStandinsSource = String.raw`
import types as _types


class Operation(_JavaNameBehaviour, str):
    """com.xebialabs.deployit.plugin.api.deployment.specification.Operation: equal to its name."""
    __slots__ = ()
    _jython_name = "Operation"
    _instances = {}

    @classmethod
    def _of(cls, name):
        if name is None:
            return None
        instance = cls._instances.get(name)
        if instance is None:
            instance = cls._instances[name] = str.__new__(cls, name)
        return instance

    def __repr__(self):
        return str.__str__(self)

    def name(self):
        return unicode(self)

    def toString(self):
        return unicode(self)

    def ordinal(self):
        return ("CREATE", "DESTROY", "MODIFY", "NOOP").index(self)

    @classmethod
    def valueOf(cls, name):
        if name not in ("CREATE", "DESTROY", "MODIFY", "NOOP"):
            raise ValueError("No enum constant com.xebialabs.deployit.plugin.api.deployment.specification.Operation." + name)
        return cls._of(str(name))

    @classmethod
    def values(cls):
        return [cls._of(name) for name in ("CREATE", "DESTROY", "MODIFY", "NOOP")]

    def __eq__(self, other):
        return str.__eq__(self, other)

    def __ne__(self, other):
        return str.__ne__(self, other)

    def __hash__(self):
        return str.__hash__(self)


for _operation in ("CREATE", "DESTROY", "MODIFY", "NOOP"):
    setattr(Operation, _operation, Operation._of(_operation))


class DefaultOrders(object):
    PRE_FLIGHT = 0
    STOP_ARTIFACTS = 10
    STOP_CONTAINERS = 20
    UNDEPLOY_ARTIFACTS = 30
    DESTROY_RESOURCES = 40
    CREATE_RESOURCES = 60
    DEPLOY_ARTIFACTS = 70
    START_CONTAINERS = 80
    START_ARTIFACTS = 90
    POST_FLIGHT = 100


class Checkpoint(object):
    """Checkpoint(delta[, intermediateCheckpointName][, operation]); context.addCheckpoint gives it meaning."""

    def __init__(self, delta, name=None, operation=None):
        if operation is None and isinstance(name, Operation):
            name, operation = None, name
        self.delta = delta
        self.name = name
        self.operation = operation

    def getDelta(self):
        return self.delta

    def getIntermediateCheckpointName(self):
        return self.name

    def getOperation(self):
        return self.operation

    def __repr__(self):
        return "Checkpoint[%s]" % (self.name or self.operation or "")


class PropertyKind(str):
    __slots__ = ()

    def __repr__(self):
        return str.__str__(self)

    def name(self):
        return unicode(self)


for _kind in ("BOOLEAN", "INTEGER", "STRING", "ENUM", "DATE", "CI", "SET_OF_STRING", "SET_OF_CI", "LIST_OF_STRING",
              "LIST_OF_CI", "MAP_STRING_STRING"):
    setattr(PropertyKind, _kind, PropertyKind(_kind))


def _java_text(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return str.__str__(value)
    return str(value)


class _JavaCollection(object):
    """What java.util's HashSet and ArrayList share; Jython prints both as [a, b]."""

    def size(self):
        return len(self)

    def isEmpty(self):
        return len(self) == 0

    def contains(self, item):
        return item in self

    def iterator(self):
        return iter(list(self))

    def toArray(self):
        return list(self)

    def __repr__(self):
        return "[" + ", ".join(_java_text(item) for item in self) + "]"

    __str__ = __repr__


def _java_object(value):
    """A Python str stored in a Java collection is a java.lang.String: Jython gives it back as unicode."""
    return unicode(value) if type(value) is str else value


class HashSet(_JavaCollection, set):
    def __init__(self, items=()):
        set.__init__(self, (_java_object(item) for item in items))

    def add(self, item):
        item = _java_object(item)
        if item in self:
            return False
        set.add(self, item)
        return True

    def addAll(self, items):
        before = len(self)
        self.update(_java_object(item) for item in items)
        return len(self) != before

    # Jython gives a Java set Python's remove (None, KeyError when missing), not Set.remove's boolean.

    def removeAll(self, items):
        before = len(self)
        self.difference_update(items)
        return len(self) != before


class HashMap(dict):
    def __init__(self, entries=()):
        dict.__init__(self)
        self.putAll(entries)

    def put(self, key, value):
        key = _java_object(key)
        previous = dict.get(self, key)
        self[key] = _java_object(value)
        return previous

    def putAll(self, other):
        for key, value in (other.items() if isinstance(other, dict) else other):
            self.put(key, value)

    def get(self, key, default=None):
        return dict.get(self, key, default)

    def getOrDefault(self, key, default):
        return dict.get(self, key, default)

    def containsKey(self, key):
        return key in self

    def containsValue(self, value):
        return value in dict.values(self)

    def remove(self, key):
        return self.pop(key, None)

    def size(self):
        return len(self)

    def isEmpty(self):
        return len(self) == 0

    def keySet(self):
        return HashSet(dict.keys(self))

    def entrySet(self):
        return [_MapEntry(key, value) for key, value in dict.items(self)]


class _MapEntry(tuple):
    def __new__(cls, key, value):
        return tuple.__new__(cls, (key, value))

    def getKey(self):
        return self[0]

    def getValue(self):
        return self[1]


class ArrayList(_JavaCollection, list):
    def add(self, *arguments):
        if len(arguments) == 2:
            self.insert(arguments[0], arguments[1])
            return None
        self.append(arguments[0])
        return True

    def addAll(self, items):
        self.extend(items)
        return True

    def get(self, index):
        if index < 0 or index >= len(self):
            raise IndexError("Index: %d, Size: %d" % (index, len(self)))
        return self[index]

    def set(self, index, item):
        previous = self[index]
        self[index] = item
        return previous

    def indexOf(self, item):
        return self.index(item) if item in self else -1

    def remove(self, item):
        if isinstance(item, int) and not isinstance(item, bool):
            return self.pop(item)
        if item in self:
            list.remove(self, item)
            return True
        return False


class StringBuilder(object):
    def __init__(self, initial=""):
        self._parts = [] if isinstance(initial, int) else [_java_text(initial)]

    def append(self, value):
        self._parts.append(_java_text(value))
        return self

    def length(self):
        return len(self.toString())

    def toString(self):
        return unicode("".join(self._parts))

    __str__ = toString


class String(object):
    @staticmethod
    def format(template, *arguments):
        return unicode(template % tuple(arguments))

    @staticmethod
    def valueOf(value):
        return unicode(_java_text(value))

    @staticmethod
    def join(separator, items):
        return unicode(separator.join(items))


class Integer(object):
    MAX_VALUE = 2147483647
    MIN_VALUE = -2147483648

    @staticmethod
    def parseInt(text, radix=10):
        return int(text, radix)

    @staticmethod
    def valueOf(text):
        return int(text)

    @staticmethod
    def toString(value):
        return unicode(value)


class Boolean(object):
    TRUE = True
    FALSE = False

    @staticmethod
    def parseBoolean(text):
        return text is not None and str(text).lower() == "true"

    valueOf = parseBoolean


class _PrintStream(object):
    def __init__(self, level):
        self._level = level

    def println(self, value=""):
        _pw_host.log(self._level, _java_text(value))

    def print_(self, value):
        _pw_host.log(self._level, _java_text(value))


class System(object):
    out = _PrintStream("info")
    err = _PrintStream("warn")

    @staticmethod
    def currentTimeMillis():
        import time
        return long(int(time.time() * 1000))

    @staticmethod
    def getProperty(name, default=None):
        return {"line.separator": unicode("\n"), "file.separator": unicode("/")}.get(name, default)

    @staticmethod
    def getenv(name=None):
        return None if name is not None else HashMap()

    @staticmethod
    def lineSeparator():
        return unicode("\n")


class _Logger(object):
    def __init__(self, name):
        self._name = name

    def _log(self, level, message, *arguments):
        text = _java_text(message)
        for argument in arguments:
            text = text.replace("{}", _java_text(argument), 1)
        _pw_host.log(level, text)

    def trace(self, message, *arguments):
        self._log("debug", message, *arguments)

    def debug(self, message, *arguments):
        self._log("debug", message, *arguments)

    def info(self, message, *arguments):
        self._log("info", message, *arguments)

    def warn(self, message, *arguments):
        self._log("warn", message, *arguments)

    def error(self, message, *arguments):
        self._log("error", message, *arguments)

    def isDebugEnabled(self):
        return True

    def isInfoEnabled(self):
        return True


class LoggerFactory(object):
    @staticmethod
    def getLogger(name):
        return _Logger(str(name))


class OperatingSystemFamily(str):
    __slots__ = ()

    def __repr__(self):
        return str.__str__(self)


for _family in ("UNIX", "WINDOWS", "ZOS"):
    setattr(OperatingSystemFamily, _family, OperatingSystemFamily(_family))


class _Wrapped(object):
    """What wrap(obj) gives: the object itself, readable and writable through Java-style accessors."""

    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name):
        target = object.__getattribute__(self, "_target")
        return getattr(target, name)

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, "_target"), name, value)


def wrap(target):
    """XL Deploy's implicit wrap(): makes a Java object usable where a CI is expected."""
    return target


class LazyHost(object):
    """com.xebialabs.deployit.provision.host.LazyHost: a host known only after provisioning."""

    def __init__(self, *arguments):
        self.hostTemplate = None
        self.provisionedBlueprint = None
        self.sourceProvisioned = None
        self.type = _CiType("overthere.Host")

    def setHostTemplate(self, template):
        self.hostTemplate = template

    def setProvisionedBlueprint(self, blueprint):
        self.provisionedBlueprint = blueprint

    def setSourceProvisioned(self, provisioned):
        self.sourceProvisioned = provisioned

    def getHostTemplate(self):
        return self.hostTemplate


# Java packages: name -> {class name: stand-in, or None when the class exists but cannot work here}.
_JAVA_PACKAGES = {
    "java.util": {"HashSet": HashSet, "LinkedHashSet": HashSet, "TreeSet": HashSet, "Set": HashSet,
                  "HashMap": HashMap, "LinkedHashMap": HashMap, "TreeMap": HashMap, "Map": HashMap,
                  "ArrayList": ArrayList, "LinkedList": ArrayList, "List": ArrayList},
    "java.lang": {"String": String, "StringBuilder": StringBuilder, "StringBuffer": StringBuilder,
                  "Integer": Integer, "Boolean": Boolean, "System": System, "Exception": Exception,
                  "RuntimeException": RuntimeError, "IllegalArgumentException": ValueError,
                  "IllegalStateException": RuntimeError, "Thread": None, "Runtime": None, "Class": None},
    "java.io": {"File": None, "BufferedReader": None, "InputStreamReader": None, "FileReader": None,
                "FileInputStream": None, "FileOutputStream": None, "FileWriter": None},
    "com.xebialabs.deployit.plugin.api.deployment.specification": {"Operation": Operation, "Delta": _Delta,
                                                                   "DeltaSpecification": _DeltaSpecification},
    "com.xebialabs.deployit.plugin.api.deployment.planning": {"DefaultOrders": DefaultOrders,
                                                              "Checkpoint": Checkpoint},
    "com.xebialabs.deployit.plugin.api.reflect": {"Type": _CiType, "PropertyKind": PropertyKind,
                                                  "Descriptor": None, "DescriptorRegistry": None,
                                                  "PropertyDescriptor": None},
    "com.xebialabs.deployit.provision.host": {"LazyHost": LazyHost},
    "com.xebialabs.xldeploy.provisioner.host": {"LazyHost": LazyHost},
    "com.xebialabs.overthere": {"OperatingSystemFamily": OperatingSystemFamily},
    "com.xebialabs.overthere.local": {"LocalConnection": None, "LocalFile": None},
    "com.xebialabs.deployit.plugin.generic.step": {"ScriptExecutionStep": None},
    "com.xebialabs.deployit.io": {"ArtifactAwareLocalFile": None},
    "com.xebialabs.xldeploy.notifier": {"XldBotNotifier": None},
    "org.apache.commons.io": {"IOUtils": None},
    "org.slf4j": {"LoggerFactory": LoggerFactory, "Logger": _Logger},
}


class _JavaPackage(_types.ModuleType):
    """A Java package as Jython shows it: sub-packages and classes as attributes."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        full = self.__name__ + "." + name
        classes = _JAVA_PACKAGES.get(self.__name__, {})
        if name in classes:
            raise ImportError("Java class %s is not available in Planwright (no JVM during planning)" % full,
                              name=full)
        raise ImportError("No module named %s" % full, name=full)


def _build_java_packages():
    roots = {}
    packages = {}
    for package_name, classes in _JAVA_PACKAGES.items():
        parts = package_name.split(".")
        for depth in range(1, len(parts) + 1):
            name = ".".join(parts[:depth])
            if name not in packages:
                packages[name] = _JavaPackage(name)
                if depth > 1:
                    setattr(packages[".".join(parts[:depth - 1])], parts[depth - 1], packages[name])
        for class_name, standin in classes.items():
            if standin is not None:
                setattr(packages[package_name], class_name, standin)
    for name, package in packages.items():
        if "." not in name:
            roots[name] = package
    return roots, packages


_JAVA_ROOTS, _JAVA_PACKAGE_MODULES = _build_java_packages()


def _java_import(name, fromlist):
    parts = name.split(".")
    current = _JAVA_ROOTS.get(parts[0])
    if current is None:
        raise ImportError("No module named %s" % name, name=name)
    for part in parts[1:]:
        current = getattr(current, part)
    if fromlist:
        for item in fromlist:
            if item != "*":
                getattr(current, item)
        return current
    return _JAVA_ROOTS[parts[0]]
`;
