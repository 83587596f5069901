import { describe, expect, it } from "vitest";
import { createStepRegistry, stepParameter } from "./step-catalogue.js";
import { camelToKebab } from "./step-names.js";

describe("step names", () => {
  it("dash camelCase one capital at a time, as Java step parameters are", () => {
    expect(camelToKebab("uploadOnly")).toBe("upload-only");
    expect(camelToKebab("freemarkerContext")).toBe("freemarker-context");
    expect(camelToKebab("defaultHostURL")).toBe("default-host-u-r-l");
    expect(camelToKebab("target-host")).toBe("target-host");
  });

  it("resolve XML, Python and camelCase spellings of steps and parameters", () => {
    const steps = createStepRegistry();
    expect(["os-script", "os_script", "osScript"].map((n) => steps.resolveName(n))).toEqual([
      "os-script",
      "os-script",
      "os-script",
    ]);
    expect(steps.resolveName("nope")).toBeUndefined();
    const osScript = steps.get("os_script")!;
    expect(["target-host", "target_host", "targetHost"].map((n) => stepParameter(osScript, n)?.name)).toEqual([
      "target-host",
      "target-host",
      "target-host",
    ]);
    expect(stepParameter(steps.get("jython")!, "script_path")?.name).toBe("script");
  });

  it("lists the predefined steps of the Steps Reference with order and description calculated", () => {
    const steps = createStepRegistry();
    for (const name of [
      "noop",
      "wait",
      "upload",
      "delete",
      "template",
      "os-script",
      "powershell",
      "jython",
      "manual",
      "create-ci",
    ]) {
      const descriptor = steps.get(name);
      expect(descriptor, name).toBeDefined();
      const common = descriptor!.parameters.filter((p) => p.name === "order" || p.name === "description");
      expect(
        common.map((p) => [p.name, p.required, p.calculated]),
        name,
      ).toEqual([
        ["description", true, true],
        ["order", true, true],
      ]);
    }
  });
});

describe("custom steps from plugins", () => {
  it("register with Java-style parameter names, reachable in every spelling, with order and description added", () => {
    const steps = createStepRegistry();
    const problems = steps.registerStep(
      {
        name: "my-nifty-step",
        parameters: [
          { name: "defaultHostURL", kind: "string", required: true },
          { name: "freemarkerContext", kind: "map", calculated: true },
        ],
      },
      "plugins/nifty",
    );
    expect(problems).toEqual([]);
    const nifty = steps.get("my_nifty_step")!;
    expect(nifty.parameters.map((p) => p.name)).toEqual([
      "description",
      "order",
      "default-host-u-r-l",
      "freemarker-context",
    ]);
    expect(stepParameter(nifty, "defaultHostURL")?.name).toBe("default-host-u-r-l");
    expect(stepParameter(nifty, "default_host_u_r_l")?.name).toBe("default-host-u-r-l");
  });

  it("refuse a name already taken and unknown parameter kinds", () => {
    const steps = createStepRegistry();
    expect(steps.registerStep({ name: "noop", parameters: [] }, "plugins/x").map((d) => d.message)).toEqual([
      "Step type noop is already defined (builtin)",
    ]);
    expect(
      steps
        .registerStep({ name: "x", parameters: [{ name: "p", kind: "float" as never }] }, "plugins/x")
        .map((d) => d.code),
    ).toEqual(["PW5031"]);
  });

  it("extend() gives a copy: additions to it leave the original alone", () => {
    const base = createStepRegistry();
    const extended = base.extend();
    extended.registerStep({ name: "extra", parameters: [] }, "ext/xl-rules.xml");
    expect(extended.get("extra")).toBeDefined();
    expect(base.get("extra")).toBeUndefined();
  });
});
