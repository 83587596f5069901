import { createHash } from "node:crypto";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import type { Classpath } from "../workspace/model.js";
import type { LoadedRules } from "./load-rules.js";

export interface RulesWatchOptions {
  /** planner.conf `xl.file-watch.interval`; 0 means never rescan (manual, "Rescan the rules file"). */
  intervalMs: number;
  /** The classpath to look at on each tick; a fresh one sees added and removed rules files. */
  classpath: () => Classpath;
  /** Reads every rules file again from that classpath. */
  load: (classpath: Classpath) => LoadedRules;
  /** A rescan without errors replaced the rule set. */
  onChange?: (loaded: LoadedRules) => void;
  /** A rescan had errors: the previous rule set stays in force. Reported once per distinct content. */
  onError?: (diagnostics: Diagnostic[]) => void;
}

export interface RulesWatch {
  /** The rule set in force: the last one that loaded without errors. */
  current(): LoadedRules;
  /** Checks now instead of waiting for the interval; true when the rule set changed. */
  rescan(): boolean;
  stop(): void;
}

/**
 * Rescans the rules on planner.conf's interval (issue 4, item 6): when any xl-rules.xml on the
 * classpath, or a planning script one of them names, has changed, every rules file is read
 * again. A result with errors keeps the previous rule set and reports the errors; otherwise the
 * new set replaces the old one in one assignment, so a reader never sees half of each.
 */
export function watchRules(initial: LoadedRules, options: RulesWatchOptions): RulesWatch {
  let current = initial;
  let seen = fingerprint(options.classpath(), initial);
  const rescan = (): boolean => {
    const classpath = options.classpath();
    const now = fingerprint(classpath, current);
    if (now === seen) return false;
    seen = now;
    const loaded = options.load(classpath);
    if (hasErrors(loaded.diagnostics)) {
      options.onError?.(loaded.diagnostics);
      return false;
    }
    current = loaded;
    // The new set may name other scripts; fingerprint what it depends on.
    seen = fingerprint(classpath, current);
    options.onChange?.(loaded);
    return true;
  };
  const timer = options.intervalMs > 0 ? setInterval(rescan, options.intervalMs) : undefined;
  timer?.unref();
  return {
    current: () => current,
    rescan,
    stop: () => clearInterval(timer),
  };
}

/** A digest of every rules file and of the planning scripts the rule set in force names. */
function fingerprint(classpath: Classpath, loaded: LoadedRules): string {
  const hash = createHash("sha1");
  for (const resource of classpath.findAll("xl-rules.xml")) {
    hash.update(`${resource.displayPath}\0`).update(resource.bytes()).update("\0");
  }
  for (const rule of loaded.rules.all()) {
    if (rule.kind !== "script") continue;
    const script = classpath.find(rule.scriptPath);
    hash
      .update(`${rule.scriptPath}\0`)
      .update(script ? script.bytes() : new Uint8Array())
      .update("\0");
  }
  return hash.digest("hex");
}
