import { diagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CiValue, ConfigurationItem } from "../repository/model.js";
import { stringMap } from "./property-values.js";

const placeholderPattern = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function hasPlaceholder(text: string): boolean {
  return text.includes("{{");
}

/** The text with its placeholders filled, and the keys no dictionary knew. */
export interface Resolution {
  value: string;
  missing: string[];
}

interface Dictionary {
  id: string;
  entries: Record<string, string>;
  encryptedEntries: Record<string, string>;
  containers?: Set<string>;
  applications?: Set<string>;
}

/**
 * An environment's dictionaries in its order (reference §3.5). A dictionary applies to a
 * deployed only when all its restrictions match; the first applying dictionary with the key
 * wins. Scopes are cached per (container, application) since 10,000 deployeds share few.
 */
export class EnvironmentDictionaries {
  private readonly dictionaries: Dictionary[];
  private readonly scopes = new Map<string, DictionaryScope>();

  constructor(
    dictionaries: readonly ConfigurationItem[],
    private readonly report: (diagnostic: Diagnostic) => void,
  ) {
    this.dictionaries = dictionaries.map((ci) => ({
      id: ci.id,
      entries: stringMap(ci.values.entries),
      encryptedEntries: stringMap(ci.values.encryptedEntries),
      containers: idSet(ci.values.restrictToContainers),
      applications: idSet(ci.values.restrictToApplications),
    }));
  }

  /** Dictionaries for a deployed on `containerId` of `applicationId`; no container = deployment level. */
  scope(containerId: string | undefined, applicationId: string): DictionaryScope {
    const key = `${containerId ?? ""}\u0000${applicationId}`;
    let scope = this.scopes.get(key);
    if (!scope) {
      const applying = this.dictionaries.filter(
        (d) =>
          (!d.containers || (containerId !== undefined && d.containers.has(containerId))) &&
          (!d.applications || d.applications.has(applicationId)),
      );
      scope = new DictionaryScope(applying, this.report);
      this.scopes.set(key, scope);
    }
    return scope;
  }
}

export class DictionaryScope {
  private readonly reportedCycles = new Set<string>();
  private readonly resolved = new Map<string, Resolution>();
  private readonly resolvedPasswords = new Map<string, Resolution>();

  constructor(
    private readonly dictionaries: readonly Dictionary[],
    private readonly report: (diagnostic: Diagnostic) => void,
  ) {}

  /** The raw entry for `key`, first applying dictionary first. Encrypted entries only serve password properties. */
  lookup(key: string, password = false): string | undefined {
    for (const dictionary of this.dictionaries) {
      const value = dictionary.entries[key] ?? (password ? dictionary.encryptedEntries[key] : undefined);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Fills `{{KEY}}` placeholders; entry values may hold placeholders of their own. */
  resolve(text: string, password = false): Resolution {
    // The same text recurs on every container the deployable goes to.
    const cache = password ? this.resolvedPasswords : this.resolved;
    let resolution = cache.get(text);
    if (!resolution) {
      const missing: string[] = [];
      resolution = { value: this.fill(text, password, [], missing), missing };
      cache.set(text, resolution);
    }
    return resolution;
  }

  private fill(text: string, password: boolean, stack: string[], missing: string[]): string {
    if (!hasPlaceholder(text)) return text;
    return text.replace(placeholderPattern, (whole, key: string) => {
      if (stack.includes(key)) {
        if (!this.reportedCycles.has(key)) {
          this.reportedCycles.add(key);
          this.report(diagnostic("PW7014", { key }));
        }
        missing.push(key);
        return whole;
      }
      const entry = this.lookup(key, password);
      if (entry === undefined) {
        missing.push(key);
        return whole;
      }
      return this.fill(entry, password, [...stack, key], missing);
    });
  }
}

/** Ids of a set_of_ci restriction; undefined when there is no restriction. */
function idSet(value: CiValue | undefined): Set<string> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return new Set(value.map((item) => (typeof item === "string" ? item : item.id)));
}
