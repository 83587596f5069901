import { describe, expect, it } from "vitest";
import { compareVersions, parseVersionRange, satisfies } from "./version-range.js";

describe("version ranges", () => {
  const inRange = (range: string, version: string) => satisfies(version, parseVersionRange(range)!);

  it("reads bounds with inclusive and exclusive ends", () => {
    expect(inRange("[1.0,2.0)", "1.0")).toBe(true);
    expect(inRange("[1.0,2.0)", "1.9.9")).toBe(true);
    expect(inRange("[1.0,2.0)", "2.0")).toBe(false);
    expect(inRange("(1.0,2.0]", "1.0")).toBe(false);
    expect(inRange("(1.0,2.0]", "2.0")).toBe(true);
    expect(inRange("[1.0,)", "99")).toBe(true);
    expect(inRange("(,2.0]", "0.1")).toBe(true);
  });
  it("reads a bare version or [v] as exactly that version", () => {
    expect(inRange("1.0", "1.0")).toBe(true);
    expect(inRange("1.0", "1.0.1")).toBe(false);
    expect(inRange("[1.0]", "1.0")).toBe(true);
  });
  it("rejects malformed ranges", () => {
    for (const text of ["", "[1.0", "[,]", "[2.0,1.0]", "1.0,2.0", "(1.0)"]) {
      expect(parseVersionRange(text), text).toBeUndefined();
    }
  });
  it("compares numeric segments as numbers", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.0", "1.0.1")).toBeLessThan(0);
    expect(compareVersions("2.0-beta", "2.0-alpha")).toBeGreaterThan(0);
  });
});
