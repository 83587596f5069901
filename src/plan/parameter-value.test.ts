import { describe, expect, it } from "vitest";
import type { ConfigurationItem } from "../repository/model.js";
import { parameterJson } from "./parameter-value.js";
import { SecretMask } from "./secret-mask.js";

const mask = new SecretMask();
mask.add("s3cret!");
const host: ConfigurationItem = { id: "Infrastructure/web-1", name: "web-1", type: "overthere.SshHost", values: {} };

describe("parameterJson", () => {
  it("writes CIs as their id, also inside maps, sets and lists", () => {
    const value = new Map<string, unknown>([
      ["host", host],
      ["hosts", new Set([host])],
      ["nested", { list: [host, 1, true, null] }],
    ]);
    expect(parameterJson(value, mask)).toEqual({
      host: "Infrastructure/web-1",
      hosts: ["Infrastructure/web-1"],
      nested: { list: ["Infrastructure/web-1", 1, true, null] },
    });
  });

  it("masks secrets in strings at any depth", () => {
    expect(parameterJson({ a: ["s3cret!", "pw=s3cret!"] }, mask)).toEqual({ a: ["********", "pw=********"] });
  });

  it("writes what JSON cannot hold as text", () => {
    expect(parameterJson(Number.POSITIVE_INFINITY, mask)).toBe("Infinity");
    expect(parameterJson(12n, mask)).toBe("12");
    expect(parameterJson(new Date(Date.UTC(2026, 0, 2)), mask)).toBe("2026-01-02T00:00:00.000Z");
    expect(parameterJson(undefined, mask)).toBeNull();
    class PythonObject {
      toString() {
        return "<object at 0x1>";
      }
    }
    expect(parameterJson(new PythonObject(), mask)).toBe("<object at 0x1>");
  });
});
