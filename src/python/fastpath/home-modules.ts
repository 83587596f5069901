import type { SourceText } from "../../rules/model.js";

/** A Python module found on the plugin classpath (`from rules.helpers import x`). */
export interface HomeModuleSource extends SourceText {
  /** True for a package's `__init__.py`. */
  package: boolean;
}

/** Finds a module of the plugin classpath by dotted name (the runtime's `resolveModule`). */
export type ResolveModule = (dottedName: string) => HomeModuleSource | undefined;

/** A home module as a value (`import helpers`): its globals are its attributes. */
export class ScriptModule {
  /** Python's `type(m).__name__` (values/model.ts pythonTypeName reads it). */
  readonly pythonTypeName = "module";

  constructor(
    readonly name: string,
    readonly globals: Record<string, unknown>,
  ) {}
}

/**
 * The modules a runtime has imported, by dotted name. As in the interpreter (runner.ts), a
 * module's top level runs once, when it is first imported, and stays for later runs of the
 * same runtime; a module whose top level failed is forgotten.
 */
export type ModuleRegistry = Map<string, ScriptModule>;

// What the interpreter resolves before the plugin classpath (runner.ts, java-standins.ts):
// Java packages by their first name, its Python 2 shims and stdlib modules by full name.
const javaRoots = new Set(["com", "java", "javax", "org"]);
const interpreterModules = new Set(
  (
    "sys os os.path sets string StringIO cStringIO exceptions __future__ " +
    "re json itertools collections functools math datetime time random copy operator traceback hashlib " +
    "base64 textwrap fnmatch decimal uuid pprint posixpath heapq bisect calendar struct binascii keyword " +
    "logging tempfile glob filecmp shlex difflib unicodedata numbers abc contextlib weakref xml xml.etree " +
    "xml.etree.ElementTree xml.dom xml.dom.minidom html urllib urllib.parse"
  ).split(" "),
);

/** Whether an import of `dottedName` would look on the plugin classpath (nothing the interpreter provides shadows it). */
export function isHomeModuleName(dottedName: string): boolean {
  return !javaRoots.has(dottedName.split(".")[0]!) && !interpreterModules.has(dottedName);
}
