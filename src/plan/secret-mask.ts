import type { ConfigurationItem } from "../repository/model.js";
import { isConfigurationItem } from "../repository/model.js";
import type { TypeRegistry } from "../types/model.js";
import type { Plan } from "./model.js";

/** All the renderers need of the type system: which properties are passwords. */
export type PropertyLookup = Pick<TypeRegistry, "properties">;

export const maskedSecret = "********";

/**
 * Values of password properties must never reach a rendered plan (DESIGN §2.4), yet by the
 * time a rule put `deployed.password` into a step parameter it is a plain string. So the
 * mask collects the password values of every CI the deployment reaches and hides them
 * wherever they appear: a whole value becomes `********`; inside a longer text, secrets
 * of at least `minimumEmbeddedLength` characters are replaced (shorter ones would hide
 * ordinary words).
 */
export class SecretMask {
  private readonly secrets = new Set<string>();
  /** Lengths of the secrets: most texts are ruled out without hashing them. */
  private readonly lengths = new Set<number>();
  private shortest = Number.POSITIVE_INFINITY;
  private embedded: string[] = [];

  static minimumEmbeddedLength = 4;

  static forPlan(plan: Plan, types: PropertyLookup): SecretMask {
    const mask = new SecretMask();
    const collector = new SecretCollector(types, mask);
    const spec = plan.specification;
    collector.visit(spec.deployedApplication);
    if (spec.previousDeployedApplication) collector.visit(spec.previousDeployedApplication);
    for (const delta of spec.deltas) {
      if (delta.deployed) collector.visit(delta.deployed);
      if (delta.previous) collector.visit(delta.previous);
    }
    return mask;
  }

  add(secret: string): void {
    if (secret === "" || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.lengths.add(secret.length);
    this.shortest = Math.min(this.shortest, secret.length);
    if (secret.length >= SecretMask.minimumEmbeddedLength) {
      // Longest first, so a secret that contains another is replaced whole.
      this.embedded = [...this.embedded, secret].sort((a, b) => b.length - a.length);
    }
  }

  apply(text: string): string {
    if (text.length < this.shortest) return text;
    if (this.lengths.has(text.length) && this.secrets.has(text)) return maskedSecret;
    let result = text;
    for (const secret of this.embedded) {
      if (result.includes(secret)) result = result.split(secret).join(maskedSecret);
    }
    return result;
  }
}

/** Walks CI references once each (deployed → container → host …), collecting password values. */
class SecretCollector {
  private readonly seen = new Set<ConfigurationItem>();
  private readonly passwordsByType = new Map<string, string[]>();

  constructor(
    private readonly types: PropertyLookup,
    private readonly mask: SecretMask,
  ) {}

  visit(ci: ConfigurationItem): void {
    const pending = [ci];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (this.seen.has(next)) continue;
      this.seen.add(next);
      for (const name of this.passwordProperties(next.type)) {
        const value = next.values[name];
        if (typeof value === "string") this.mask.add(value);
      }
      for (const value of Object.values(next.values)) {
        if (isConfigurationItem(value)) pending.push(value);
        else if (Array.isArray(value)) for (const item of value) if (isConfigurationItem(item)) pending.push(item);
      }
    }
  }

  private passwordProperties(type: string): string[] {
    let names = this.passwordsByType.get(type);
    if (!names) {
      names = this.types
        .properties(type)
        .filter((p) => p.password)
        .map((p) => p.name);
      this.passwordsByType.set(type, names);
    }
    return names;
  }
}
