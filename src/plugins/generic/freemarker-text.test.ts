// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are FreeMarker templates, not JS templates
import { describe, expect, it } from "vitest";
import { resolveFreemarkerText } from "./freemarker-text.js";

const values: Record<string, unknown> = {
  "deployed.name": "orders",
  "deployed.container.home": "/opt/app",
  "deployed.port": 8080,
  "deployed.enabled": true,
};
const lookup = (path: string[]) => values[path.join(".")];

describe("resolveFreemarkerText", () => {
  it("resolves ${a.b.c} paths to text, numbers and booleans", () => {
    expect(resolveFreemarkerText("${deployed.container.home}/conf/${deployed.name}.xml", lookup)).toBe(
      "/opt/app/conf/orders.xml",
    );
    expect(resolveFreemarkerText("port=${deployed.port} on=${deployed.enabled}", lookup)).toBe("port=8080 on=true");
  });

  it("uses the default after ! for a missing value, empty when none is given", () => {
    expect(resolveFreemarkerText("${deployed.user!'admin'}", lookup)).toBe("admin");
    expect(resolveFreemarkerText('${deployed.user!"root"}', lookup)).toBe("root");
    expect(resolveFreemarkerText("x${deployed.user!}y", lookup)).toBe("xy");
    expect(resolveFreemarkerText("${deployed.name!'other'}", lookup)).toBe("orders");
  });

  it("keeps the text as written when any part cannot be resolved now", () => {
    for (const text of [
      "${deployed.user}/x",
      "${deployed.name?upper_case}",
      "<#if deployed.enabled>run</#if>",
      "${deployed.name} and ${deployed.port + 1}",
    ]) {
      expect(resolveFreemarkerText(text, lookup)).toBe(text);
    }
  });

  it("leaves text without interpolations alone", () => {
    expect(resolveFreemarkerText("scripts/install.sh", lookup)).toBe("scripts/install.sh");
  });
});
