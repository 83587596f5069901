import { describe, expect, it } from "vitest";
import { tagsMatch } from "./tags.js";

describe("tagsMatch", () => {
  it("matches when both sides are untagged", () => {
    expect(tagsMatch([], [])).toBe(true);
  });
  it("keeps a tagged deployable off an untagged container and the other way round", () => {
    expect(tagsMatch(["web"], [])).toBe(false);
    expect(tagsMatch([], ["web"])).toBe(false);
  });
  it("matches on a shared tag only", () => {
    expect(tagsMatch(["web", "db"], ["db"])).toBe(true);
    expect(tagsMatch(["web"], ["db"])).toBe(false);
  });
  it("treats * on either side as matching everything", () => {
    expect(tagsMatch(["*"], [])).toBe(true);
    expect(tagsMatch([], ["*"])).toBe(true);
  });
  it("treats + as matching anything that has at least one tag", () => {
    expect(tagsMatch(["+"], ["db"])).toBe(true);
    expect(tagsMatch(["+"], [])).toBe(false);
    expect(tagsMatch(["web"], ["+"])).toBe(true);
    expect(tagsMatch([], ["+"])).toBe(false);
  });
});
