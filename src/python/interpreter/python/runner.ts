/**
 * Python source (run inside Pyodide) that compiles and runs rule code: the import allowlist
 * (stdlib modules, Python 2 module shims, Java packages, plugin modules from the classpath),
 * the per-run builtins, and the conversion of exceptions into failures the host reports.
 */
export const runnerSource = String.raw`
import builtins as _b, sys as _sys, types as _types, posixpath as _posixpath, string as _string

_ALLOWED_MODULES = {
    "re", "json", "itertools", "collections", "functools", "math", "datetime", "time", "random", "copy",
    "operator", "traceback", "hashlib", "base64", "textwrap", "fnmatch", "decimal", "uuid", "pprint",
    "posixpath", "heapq", "bisect", "calendar", "struct", "binascii", "keyword", "logging", "tempfile", "glob",
    "filecmp", "shlex", "difflib", "unicodedata", "numbers", "abc", "contextlib", "weakref", "xml",
    "xml.etree", "xml.etree.ElementTree", "xml.dom", "xml.dom.minidom", "html", "urllib", "urllib.parse",
}


def _module(module_name, **attributes):
    module = _types.ModuleType(module_name)
    module.__dict__.update(attributes)
    return module


class _Stream(object):
    def __init__(self, level):
        self._level = level
        self._pending = ""
        self.softspace = 0

    def write(self, text):
        self._pending += str(text)
        while "\n" in self._pending:
            line, self._pending = self._pending.split("\n", 1)
            _pw_host.log(self._level, line)

    def flush(self):
        if self._pending:
            _pw_host.log(self._level, self._pending)
            self._pending = ""


_stdout = _Stream("info")
_stderr = _Stream("warn")


def _py2_string_module():
    module = _module("string")
    for name in dir(_string):
        if not name.startswith("_"):
            setattr(module, name, getattr(_string, name))
    module.letters = _string.ascii_letters
    module.lowercase = _string.ascii_lowercase
    module.uppercase = _string.ascii_uppercase
    module.maketrans = str.maketrans
    module.join = lambda words, separator=" ": separator.join(words)
    module.joinfields = module.join
    module.split = lambda text, separator=None, limit=-1: text.split(separator, limit)
    module.strip = lambda text, characters=None: text.strip(characters)
    module.lstrip = lambda text, characters=None: text.lstrip(characters)
    module.rstrip = lambda text, characters=None: text.rstrip(characters)
    module.upper = lambda text: text.upper()
    module.lower = lambda text: text.lower()
    module.replace = lambda text, old, new, count=-1: text.replace(old, new, count)
    module.find = lambda text, sub, *bounds: text.find(sub, *bounds)
    module.atoi = lambda text, base=10: int(text, base)
    module.zfill = lambda text, width: str(text).zfill(width)
    return module


def _shim_modules():
    import io
    os_module = _module("os", path=_posixpath, sep="/", linesep="\n", pathsep=":", curdir=".", pardir="..",
                        name="java", environ={}, getenv=lambda name, default=None: default,
                        getcwd=lambda: "/")
    return {
        "sys": _module("sys", version="2.7.3 (Planwright)", version_info=(2, 7, 3, "final", 0),
                       maxint=2147483647, maxsize=2147483647, platform="java", argv=[""], path=[],
                       stdout=_stdout, stderr=_stderr, exc_info=_sys.exc_info,
                       getrecursionlimit=_sys.getrecursionlimit, exit=_b.exit, modules={}),
        "os": os_module,
        "os.path": _posixpath,
        "sets": _module("sets", Set=set, ImmutableSet=frozenset),
        "string": _py2_string_module(),
        "StringIO": _module("StringIO", StringIO=io.StringIO),
        "cStringIO": _module("cStringIO", StringIO=io.StringIO),
        "exceptions": _module("exceptions", **{name: getattr(_b, name) for name in dir(_b)
                                              if isinstance(getattr(_b, name), type)
                                              and issubclass(getattr(_b, name), BaseException)}),
        "__future__": __import__("__future__"),
    }


_SHIMS = _shim_modules()
_real_import = _b.__import__
_plugin_modules = {}
# compiled filename -> (file for diagnostics, line of the source's first line, column of its first character)
_known_files = {}


def _plugin_module(name):
    module = _plugin_modules.get(name)
    if module is not None:
        return module
    found = _pw_host.resolveModule(name)
    if found is None:
        return None
    module = _types.ModuleType(name)
    module.__dict__["__builtins__"] = _rule_builtins()
    module.__file__ = found.file
    if found.package:
        module.__path__ = []
    _plugin_modules[name] = module
    try:
        filename = "%s:%d:module" % (found.file, found.line)
        _known_files[filename] = (found.file, found.line, 1)
        exec(_compile_py2(found.source, filename, "exec"), module.__dict__)
    except BaseException:
        del _plugin_modules[name]
        raise
    return module


def _import_plugin(name, fromlist):
    parts = name.split(".")
    top = None
    parent = None
    for depth in range(1, len(parts) + 1):
        module = _plugin_module(".".join(parts[:depth]))
        if module is None:
            if depth < len(parts):
                module = _types.ModuleType(".".join(parts[:depth]))
                module.__path__ = []
                _plugin_modules[".".join(parts[:depth])] = module
            else:
                return None
        if parent is not None:
            setattr(parent, parts[depth - 1], module)
        if top is None:
            top = module
        parent = module
    if fromlist:
        for item in fromlist:
            if item != "*" and not hasattr(parent, item):
                submodule = _plugin_module(name + "." + item)
                if submodule is not None:
                    setattr(parent, item, submodule)
        return parent
    return top


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level:
        raise ImportError("relative import of %s is not supported" % name, name=name)
    root = name.split(".")[0]
    if root in _JAVA_ROOTS:
        return _java_import(name, fromlist)
    if name in _SHIMS:
        return _SHIMS[name] if fromlist or "." not in name else _SHIMS[root]
    if name in _ALLOWED_MODULES:
        return _real_import(name, globals, locals, fromlist, level)
    module = _import_plugin(name, fromlist)
    if module is not None:
        return module
    raise ImportError("No module named %s" % name, name=name)


def _reload(module):
    name = module.__name__
    if name in _plugin_modules:
        del _plugin_modules[name]
        return _plugin_module(name)
    return module


_RULE_BUILTINS = {name: value for name, value in _b.__dict__.items()
                  if name not in ("open", "input", "breakpoint", "help", "exit", "quit", "copyright",
                                  "credits", "license", "__loader__", "__spec__", "__build_class__")}
_RULE_BUILTINS["__build_class__"] = _b.__build_class__
_RULE_BUILTINS.update(_PY2_BUILTINS)
_RULE_BUILTINS.update({"__import__": _guarded_import, "reload": _reload, "wrap": wrap, "Type": _CiType,
                       "print": lambda *values, **options: _b.print(*map(_py2_text_of, values), file=options.get("file") or _stdout,
                                                                    end=options.get("end", "\n"),
                                                                    sep=options.get("sep", " "))})


def _rule_builtins():
    return dict(_RULE_BUILTINS)


_JYTHON_NAMES = {"ModuleNotFoundError": "ImportError", "RecursionError": "RuntimeError",
                 "FileNotFoundError": "IOError", "PermissionError": "IOError", "JsException": "JavaException"}


class _Failure(object):
    pass


def _failure(error):
    _stdout.flush()
    _stderr.flush()
    if isinstance(error, KeyboardInterrupt):
        return _pw_host.makeFailure("timeout", "", None, None, None, None, None)
    if isinstance(error, _HostError) or (isinstance(error, _JsException) and getattr(error, "js_error", None) is not None):
        return _pw_host.makeFailure("host", str(error), None, None, None, None, error.js_error)
    python_type = _JYTHON_NAMES.get(type(error).__name__, type(error).__name__)
    message = str(error) if not isinstance(error, KeyError) else repr(error.args[0]) if error.args else ""
    where = None
    if isinstance(error, SyntaxError) and error.filename in _known_files:
        file, first_line, first_column = _known_files[error.filename]
        line = error.lineno or 1
        column = (error.offset or 1) + (first_column - 1 if line == 1 else 0)
        where = (file, first_line + line - 1, column)
        message = error.msg
    else:
        trace = error.__traceback__
        while trace is not None:
            filename = trace.tb_frame.f_code.co_filename
            if filename in _known_files:
                file, first_line, first_column = _known_files[filename]
                where = (file, first_line + trace.tb_lineno - 1, None)
            trace = trace.tb_next
    import_name = getattr(error, "name", None) if isinstance(error, ImportError) else None
    if where is None:
        return _pw_host.makeFailure("python", message, python_type, None, None, None, import_name)
    return _pw_host.makeFailure("python", message, python_type, where[0], where[1], where[2], import_name)


def _compile(source, filename, file, line, column, mode):
    _known_files[filename] = (file, line, column)
    try:
        return _compile_py2(source, filename, mode)
    except BaseException as error:
        return _failure(error)


def _run(code, mode, names, values):
    scope = {"__builtins__": _rule_builtins(), "__name__": "__main__"}
    for name, value in zip(names, values):
        scope[name] = _to_py(value)
    try:
        if mode == "eval":
            return _export(eval(code, scope))
        exec(code, scope)
        _stdout.flush()
        _stderr.flush()
        return None
    except BaseException as error:
        return _failure(error)
`;
