import { existsSync } from "node:fs";
import path from "node:path";
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseAllDocuments,
  visit,
  type YAMLMap,
} from "yaml";
import { diagnostic } from "../diagnostics/catalogue.js";
import { type Diagnostic, formatLocation, type SourceLocation } from "../diagnostics/diagnostic.js";
import type { PropertyDescriptor, TypeRegistry } from "../types/model.js";
import { artifactChecksum } from "./artifact-checksum.js";
import { suggestionText } from "./closest-name.js";
import { lastSegment } from "./ids.js";
import { InMemoryRepository } from "./in-memory-repository.js";
import type { CiValue, ConfigurationItem } from "./model.js";
import { readPlainBlockYaml } from "./plain-block-yaml.js";
import { convertPropertyValue, describeNode, expectationFor, type IdReference, scalarText } from "./property-value.js";

/** A repository YAML file: its text, where it is on disk (for `!file`) and how diagnostics name it. */
export interface RepositorySource {
  /** Absolute path of the YAML file. */
  path: string;
  /** Relative to the home, e.g. `repository/infrastructure.yaml`. */
  displayPath: string;
  text: string;
}

export interface RepositoryReadResult {
  repository: InMemoryRepository;
  diagnostics: Diagnostic[];
}

/** `kind` → the repository root its items live under. */
const rootsByKind: Record<string, string> = {
  Infrastructure: "Infrastructure",
  Environments: "Environments",
  Applications: "Applications",
  Configuration: "Configuration",
};
const repositoryRoots = new Set(Object.values(rootsByKind));
const apiVersion = "xl-deploy/v1";
const documentKeys = ["apiVersion", "kind", "metadata", "spec"];
const ciKinds = new Set(["ci", "set_of_ci", "list_of_ci"]);
/** Kinds whose absence is a missing value; an unset boolean is false and an unset collection empty. */
const requiredCheckedKinds = new Set(["string", "integer", "enum", "date", "ci"]);
/**
 * Properties a nested item takes from its parent when not given (DESIGN §2.2): a deployed
 * lives under its container, a deployed application under its environment.
 */
const parentValuedProperties = new Set(["container", "environment"]);

const fileTag = { tag: "!file", resolve: (text: string) => text };

interface FileContext {
  source: RepositorySource;
  lineCounter: LineCounter;
}

/** A CI being read, with what is needed to finish it once every file is read. */
interface Draft {
  ci: ConfigurationItem;
  parent?: Draft;
  children: Draft[];
  file: FileContext;
}

interface PendingReferences {
  owner: Draft;
  descriptor: PropertyDescriptor;
  references: IdReference[];
  /** CIs defined inline in a CI-list property; they are part of the value as they are. */
  nested: ConfigurationItem[];
  many: boolean;
  file: FileContext;
}

/**
 * Reads XL-as-code YAML (DESIGN §2.2) into a repository. Files are read in the given order,
 * references are resolved after all of them, then parent-derived values and defaults are
 * filled in. Every problem is a diagnostic at its file:line:col; reading continues past it.
 */
export function readRepository(sources: readonly RepositorySource[], types: TypeRegistry): RepositoryReadResult {
  const reader = new RepositoryReader(types);
  for (const source of sources) reader.readFile(source);
  return reader.finish();
}

class RepositoryReader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly drafts = new Map<string, Draft>();
  private readonly pending: PendingReferences[] = [];
  /** Ids of items that could not be read (unknown type, ...): references to them and below stay quiet. */
  private readonly failedIds = new Set<string>();
  private typeNames?: string[];
  /** `rootOf` per type: thousands of items share a handful of types. */
  private readonly rootsByType = new Map<string, string | undefined>();

  constructor(private readonly types: TypeRegistry) {}

  readFile(source: RepositorySource): void {
    const lineCounter = new LineCounter();
    const file: FileContext = { source, lineCounter };
    const plain = readPlainBlockYaml(source.text, lineCounter);
    if (plain !== undefined) {
      this.readDocument(plain, file);
      return;
    }
    const documents = parseAllDocuments(source.text, {
      lineCounter,
      customTags: [fileTag],
      prettyErrors: false,
      merge: true,
    });
    for (const document of documents) {
      if (document.errors.length > 0) {
        for (const error of document.errors) {
          const detail = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
          this.report("PW3001", { detail }, file, error.pos[0]);
        }
        continue;
      }
      for (const warning of document.warnings) {
        if (warning.code === "TAG_RESOLVE_FAILED") {
          const tag = /tag (\S+)/.exec(warning.message)?.[1] ?? "";
          this.report("PW3020", { tag }, file, warning.pos[0]);
        }
      }
      if (document.contents === null) continue;
      inlineAliases(document);
      this.readDocument(document.contents as Node, file);
    }
  }

  private readDocument(contents: Node, file: FileContext): void {
    if (!isMap(contents)) {
      this.report("PW3004", { what: "A repository document", expected: "a mapping" }, file, contents.range?.[0]);
      return;
    }
    for (const pair of contents.items) {
      const key = scalarText(pair.key as Node);
      if (key === undefined || documentKeys.includes(key)) continue;
      this.report(
        "PW3022",
        { key, suggestion: suggestionText(key, documentKeys) },
        file,
        (pair.key as Node).range?.[0],
      );
    }
    const version = scalarText(contents.get("apiVersion", true) as Node | undefined);
    if (version !== apiVersion) {
      const at = (contents.get("apiVersion", true) as Node | undefined) ?? contents;
      this.report("PW3002", { apiVersion: version ?? "(none)" }, file, at.range?.[0]);
    }
    const kindNode = contents.get("kind", true) as Node | undefined;
    const kind = scalarText(kindNode);
    const root = kind === undefined ? undefined : rootsByKind[kind];
    if (root === undefined) {
      const kinds = Object.keys(rootsByKind).join(", ");
      this.report("PW3003", { kind: kind ?? "(none)", kinds }, file, (kindNode ?? contents).range?.[0]);
      return;
    }
    const metadata = contents.get("metadata", true) as Node | undefined;
    const home = isMap(metadata) ? scalarText(metadata.get("home", true) as Node | undefined) : undefined;
    const spec = contents.get("spec", true) as Node | undefined;
    if (spec === undefined || (isScalar(spec) && spec.value === null)) return;
    if (!isSeq(spec)) {
      this.report("PW3004", { what: "`spec`", expected: "a list of configuration items" }, file, spec.range?.[0]);
      return;
    }
    for (const item of spec.items) this.readItem(item as Node, file, { root, home });
  }

  /** Reads one item and its nested items; returns its draft, or undefined when it could not be read. */
  private readItem(
    node: Node,
    file: FileContext,
    place: { parent: Draft } | { root: string; home: string | undefined },
  ): Draft | undefined {
    if (!isMap(node)) {
      this.report("PW3004", { what: "A configuration item", expected: "a mapping" }, file, node?.range?.[0]);
      return undefined;
    }
    const pairs = new Map<string, Pair<Node, Node | null>>();
    const merged: Node[] = [];
    for (const pair of (node as YAMLMap<Node, Node | null>).items) {
      const key = scalarText(pair.key);
      if (key === "<<" && pair.value) merged.push(...(isSeq(pair.value) ? (pair.value.items as Node[]) : [pair.value]));
      else if (key !== undefined) pairs.set(key, pair);
    }
    // `<<: *defaults` merge keys: explicit keys win, then earlier sources over later ones.
    for (const source of merged) {
      if (!isMap(source)) continue;
      for (const pair of (source as YAMLMap<Node, Node | null>).items) {
        const key = scalarText(pair.key);
        if (key !== undefined && key !== "<<" && !pairs.has(key)) pairs.set(key, pair);
      }
    }
    const nameNode = pairs.get("name")?.value ?? undefined;
    const name = scalarText(nameNode);
    if (!name) {
      this.report("PW3005", { key: "name" }, file, node.range?.[0]);
      return undefined;
    }
    const id = "parent" in place ? `${place.parent.ci.id}/${name}` : topLevelId(name, place.root, place.home);
    const typeNode = pairs.get("type")?.value ?? undefined;
    const type = scalarText(typeNode);
    if (!type) {
      this.failedIds.add(id);
      this.report("PW3005", { key: "type" }, file, node.range?.[0]);
      return undefined;
    }
    const definition = this.types.get(type);
    if (!definition) {
      this.failedIds.add(id);
      this.typeNames ??= this.types.all().map((t) => t.name);
      this.report("PW3006", { type, suggestion: suggestionText(type, this.typeNames) }, file, typeNode?.range?.[0]);
      return undefined;
    }
    if (definition.virtual) {
      this.failedIds.add(id);
      const subtypes = this.types.concreteSubtypes(type).slice(0, 8).join(", ") || "(none defined)";
      this.report("PW3007", { type, subtypes }, file, typeNode?.range?.[0]);
      return undefined;
    }
    const root = this.rootOf(type);
    if (root !== undefined && !id.startsWith(`${root}/`)) {
      this.failedIds.add(id);
      this.report("PW3021", { id, type, root }, file, nameNode?.range?.[0]);
      return undefined;
    }
    const location = this.location(file, node.range?.[0]);
    const existing = this.drafts.get(id);
    if (existing) {
      this.report("PW3014", { id, first: describeLocation(existing.ci.location) }, file, nameNode?.range?.[0]);
      return undefined;
    }
    const ci: ConfigurationItem = { id, name: lastSegment(id), type, values: {}, location };
    const draft: Draft = { ci, children: [], file };
    if ("parent" in place) {
      draft.parent = place.parent;
      place.parent.children.push(draft);
    }
    this.drafts.set(id, draft);

    const isArtifact = this.types.isSubtypeOf(type, "udm.Artifact");
    let artifactPath: string | undefined;
    let fileGiven = false;
    let givenChecksum: string | undefined;
    for (const [key, pair] of pairs) {
      const value = pair.value ?? undefined;
      if (key === "name" || key === "type") continue;
      if (key === "children") {
        this.readChildren(value, draft, file);
        continue;
      }
      if (isArtifact && key === "checksum") {
        givenChecksum = scalarText(value);
        if (this.types.property(type, "checksum") && givenChecksum) ci.values.checksum = givenChecksum;
        continue;
      }
      if (key === "file") {
        if (!isArtifact) this.report("PW3015", { type }, file, pair.key.range?.[0]);
        else {
          fileGiven = true;
          artifactPath = this.artifactPath(value, file);
        }
        continue;
      }
      const descriptor = this.types.property(type, key);
      if (!descriptor) {
        if (key === "deployables") {
          this.readChildren(value, draft, file);
          continue;
        }
        const names = this.types.properties(type).map((p) => p.name);
        const suggestion = suggestionText(key, [...names, "children", ...(isArtifact ? ["file", "checksum"] : [])]);
        this.report("PW3008", { type, property: key, suggestion }, file, pair.key.range?.[0]);
        continue;
      }
      if (descriptor.hidden) {
        this.report("PW3018", { type, property: key }, file, pair.key.range?.[0]);
        continue;
      }
      if (value !== undefined) this.readProperty(draft, descriptor, value, file);
    }
    if (artifactPath !== undefined) {
      try {
        ci.artifact = { path: artifactPath, checksum: givenChecksum ?? artifactChecksum(artifactPath) };
        if (!givenChecksum && this.types.property(type, "checksum")) ci.values.checksum = ci.artifact.checksum;
      } catch (error) {
        const shown = path.relative(path.dirname(file.source.path), artifactPath);
        this.report("PW3017", { path: shown, detail: String(error) }, file, node.range?.[0]);
      }
    } else if (isArtifact && !fileGiven && this.types.isSubtypeOf(type, "udm.Deployable")) {
      this.report("PW3016", { id }, file, node.range?.[0]);
    }
    return draft;
  }

  private readChildren(value: Node | undefined, parent: Draft, file: FileContext): void {
    if (value === undefined || (isScalar(value) && value.value === null)) return;
    if (!isSeq(value)) {
      this.report("PW3004", { what: "`children`", expected: "a list of configuration items" }, file, value.range?.[0]);
      return;
    }
    for (const item of value.items) this.readItem(item as Node, file, { parent });
  }

  private readProperty(draft: Draft, descriptor: PropertyDescriptor, value: Node, file: FileContext): void {
    const { ci } = draft;
    // A CI list may define its items inline; they become children of this item.
    if ((descriptor.kind === "set_of_ci" || descriptor.kind === "list_of_ci") && isSeq(value)) {
      if (value.items.some((item) => isMap(item))) {
        const nested: ConfigurationItem[] = [];
        const references: IdReference[] = [];
        for (const item of value.items) {
          if (isMap(item)) {
            const child = this.readItem(item as Node, file, { parent: draft });
            if (child) nested.push(child.ci);
          } else if (isScalar(item) && scalarText(item)) references.push({ id: scalarText(item)!, node: item });
          else this.wrongKind(ci, descriptor, `an item is ${describeNode(item as Node)}`, item as Node, file);
        }
        this.pending.push({ owner: draft, descriptor, references, nested, many: true, file });
        return;
      }
    }
    const converted = convertPropertyValue(descriptor, value);
    switch (converted.kind) {
      case "value":
        ci.values[descriptor.name] = converted.value;
        return;
      case "references":
        this.pending.push({
          owner: draft,
          descriptor,
          references: converted.references,
          nested: [],
          many: converted.many,
          file,
        });
        return;
      case "unset":
        return;
      case "enum":
        this.report(
          "PW3010",
          {
            value: converted.value,
            property: descriptor.name,
            type: ci.type,
            values: (descriptor.enumValues ?? []).join(", "),
          },
          file,
          converted.node.range?.[0],
        );
        return;
      case "wrong":
        this.wrongKind(ci, descriptor, converted.problem, converted.node, file);
        return;
    }
  }

  private wrongKind(
    ci: ConfigurationItem,
    descriptor: PropertyDescriptor,
    problem: string,
    node: Node,
    file: FileContext,
  ): void {
    this.report(
      "PW3009",
      {
        property: descriptor.name,
        type: ci.type,
        kind: descriptor.kind,
        problem,
        expected: expectationFor(descriptor.kind),
      },
      file,
      node.range?.[0],
    );
  }

  private artifactPath(value: Node | undefined, file: FileContext): string | undefined {
    const relative = scalarText(value);
    if (!relative) {
      this.report("PW3004", { what: "`file`", expected: "`!file relative/path`" }, file, value?.range?.[0]);
      return undefined;
    }
    const absolute = path.resolve(path.dirname(file.source.path), relative);
    if (!existsSync(absolute)) {
      this.report("PW3013", { path: relative }, file, value?.range?.[0]);
      return undefined;
    }
    return absolute;
  }

  finish(): RepositoryReadResult {
    this.resolveReferences();
    for (const draft of this.drafts.values()) this.fillFromParent(draft);
    for (const draft of this.drafts.values()) this.fillDefaults(draft);
    for (const draft of this.drafts.values()) this.checkRequired(draft);
    const repository = new InMemoryRepository(
      [...this.drafts.values()].map((draft) => draft.ci),
      this.types,
    );
    return { repository, diagnostics: this.diagnostics };
  }

  private resolveReferences(): void {
    let ids: string[] | undefined;
    for (const entry of this.pending) {
      const targets: ConfigurationItem[] = [...entry.nested];
      const expected = entry.descriptor.referencedType;
      for (const reference of entry.references) {
        const target = this.drafts.get(reference.id)?.ci;
        if (!target) {
          if (this.isUnderFailedItem(reference.id)) continue;
          ids ??= [...this.drafts.keys()];
          const suggestion = suggestionText(reference.id, ids);
          this.report("PW3011", { id: reference.id, suggestion }, entry.file, reference.node.range?.[0]);
          continue;
        }
        if (expected && this.types.has(expected) && !this.types.isSubtypeOf(target.type, expected)) {
          this.report(
            "PW3012",
            {
              property: entry.descriptor.name,
              type: entry.owner.ci.type,
              expected,
              id: target.id,
              actual: target.type,
            },
            entry.file,
            reference.node.range?.[0],
          );
          continue;
        }
        targets.push(target);
      }
      const values = entry.owner.ci.values;
      if (!entry.many) {
        if (targets[0]) values[entry.descriptor.name] = targets[0];
      } else {
        values[entry.descriptor.name] = entry.descriptor.kind === "set_of_ci" ? uniqueById(targets) : targets;
      }
    }
  }

  /** As-containment (DESIGN §2.2) and the container/environment a nested deployed or deployed application lives in. */
  private fillFromParent(draft: Draft): void {
    const { ci, parent } = draft;
    for (const descriptor of this.types.properties(ci.type)) {
      if (ci.values[descriptor.name] !== undefined) continue;
      if (descriptor.kind === "ci" && parent) {
        if (!descriptor.asContainment && !parentValuedProperties.has(descriptor.name)) continue;
        if (this.accepts(descriptor, parent.ci)) ci.values[descriptor.name] = parent.ci;
      } else if (descriptor.kind === "set_of_ci" || descriptor.kind === "list_of_ci") {
        // The parent side of containment: a package's deployables, embedded items.
        if (!descriptor.asContainment && descriptor.name !== "deployables") continue;
        const contained = draft.children.map((child) => child.ci).filter((child) => this.accepts(descriptor, child));
        if (contained.length > 0) ci.values[descriptor.name] = contained;
      }
    }
  }

  private accepts(descriptor: PropertyDescriptor, target: ConfigurationItem): boolean {
    const expected = descriptor.referencedType;
    return !expected || !this.types.has(expected) || this.types.isSubtypeOf(target.type, expected);
  }

  private fillDefaults(draft: Draft): void {
    const { values } = draft.ci;
    for (const descriptor of this.types.properties(draft.ci.type)) {
      if (values[descriptor.name] !== undefined || descriptor.defaultValue === undefined) continue;
      if (ciKinds.has(descriptor.kind)) continue;
      values[descriptor.name] = copyDefault(descriptor.defaultValue);
    }
  }

  /**
   * Infrastructure, environments, dictionaries and applications must be complete when stored.
   * Deployables hold strings that may be placeholders, and deployeds are checked when planned,
   * so neither is checked here; nor are transient properties, which are never stored.
   */
  private checkRequired(draft: Draft): void {
    const { ci } = draft;
    if (this.types.isSubtypeOf(ci.type, "udm.Deployable") || this.types.isSubtypeOf(ci.type, "udm.Deployed")) return;
    for (const descriptor of this.types.properties(ci.type)) {
      if (!descriptor.required || descriptor.transient || descriptor.hidden) continue;
      if (!requiredCheckedKinds.has(descriptor.kind) || ci.values[descriptor.name] !== undefined) continue;
      this.diagnostics.push(
        diagnostic("PW3019", { property: descriptor.name, type: ci.type, id: ci.id }, ci.location ?? {}),
      );
    }
  }

  /** The repository root of a type: its own `root`, else the nearest supertype's. */
  private rootOf(type: string): string | undefined {
    if (this.rootsByType.has(type)) return this.rootsByType.get(type);
    let found: string | undefined;
    for (const ancestor of this.types.ancestors(type)) {
      found = this.types.get(ancestor)?.root;
      if (found) break;
    }
    this.rootsByType.set(type, found || undefined);
    return found || undefined;
  }

  private isUnderFailedItem(id: string): boolean {
    for (let at = id; at !== ""; at = at.slice(0, Math.max(0, at.lastIndexOf("/")))) {
      if (this.failedIds.has(at)) return true;
    }
    return false;
  }

  private report(code: string, args: Record<string, string>, file: FileContext, offset: number | undefined): void {
    this.diagnostics.push(diagnostic(code, args, this.location(file, offset)));
  }

  private location(file: FileContext, offset: number | undefined): SourceLocation {
    if (offset === undefined) return { file: file.source.displayPath };
    const { line, col } = file.lineCounter.linePos(offset);
    return { file: file.source.displayPath, line, column: col };
  }
}

/**
 * Replaces every alias (`*name`) by the node it names, so the reader sees plain values. An
 * alias inside the node it names (a recursive structure) is left alone and read as nothing.
 */
function inlineAliases(document: Document): void {
  visit(document, {
    Alias(_key, alias, path) {
      const target = alias.resolve(document);
      return target && !path.includes(target) ? target : undefined;
    },
  });
}

/** A top-level name is a full id; one without a repository root goes under `metadata.home` or the kind's root. */
function topLevelId(name: string, root: string, home: string | undefined): string {
  const trimmed = name.replace(/^\/+|\/+$/g, "");
  const first = trimmed.split("/")[0]!;
  if (repositoryRoots.has(first)) return trimmed;
  return `${(home ?? root).replace(/\/+$/, "")}/${trimmed}`;
}

function describeLocation(location: SourceLocation | undefined): string {
  return location ? formatLocation(location) : "an unknown place";
}

function uniqueById(items: ConfigurationItem[]): ConfigurationItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

function copyDefault(value: unknown): CiValue {
  if (Array.isArray(value)) return [...value] as string[];
  if (typeof value === "object" && value !== null) return { ...(value as Record<string, string>) };
  return value as CiValue;
}
