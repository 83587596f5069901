import { describe, expect, it } from "vitest";
import { loadTypes } from "../types/load-types.js";
import { parentId } from "./ids.js";
import { InMemoryRepository } from "./in-memory-repository.js";
import type { ConfigurationItem } from "./model.js";

const { registry: types } = loadTypes([]);

const ci = (id: string, type: string): ConfigurationItem => ({ id, name: id.split("/").pop()!, type, values: {} });

describe("InMemoryRepository", () => {
  const repository = new InMemoryRepository(
    [
      ci("Infrastructure/web-2", "overthere.SshHost"),
      ci("Infrastructure/web-1/local", "overthere.LocalHost"),
      ci("Infrastructure/web-1", "overthere.SshHost"),
      ci("Environments/Dev", "udm.Environment"),
      ci("Infrastructure/web-1/a", "overthere.LocalHost"),
    ],
    types,
  );

  it("gets items by id and knows which exist", () => {
    expect(repository.get("Infrastructure/web-1")?.type).toBe("overthere.SshHost");
    expect(repository.exists("Environments/Dev")).toBe(true);
    expect(repository.exists("Environments/Test")).toBe(false);
    expect(repository.get("Environments")).toBeUndefined();
  });

  it("lists direct children in id order", () => {
    expect(repository.children("Infrastructure/web-1").map((item) => item.id)).toEqual([
      "Infrastructure/web-1/a",
      "Infrastructure/web-1/local",
    ]);
    expect(repository.children("Infrastructure").map((item) => item.id)).toEqual([
      "Infrastructure/web-1",
      "Infrastructure/web-2",
    ]);
    expect(repository.children("Environments/Dev")).toEqual([]);
  });

  it("finds items by type including subtypes and interfaces, in id order", () => {
    const ids = (type: string) => repository.findByType(type).map((item) => item.id);
    expect(ids("overthere.Host")).toEqual([
      "Infrastructure/web-1",
      "Infrastructure/web-1/a",
      "Infrastructure/web-1/local",
      "Infrastructure/web-2",
    ]);
    expect(ids("overthere.LocalHost")).toEqual(["Infrastructure/web-1/a", "Infrastructure/web-1/local"]);
    expect(ids("udm.Container")).toHaveLength(4);
    expect(ids("udm.Application")).toEqual([]);
  });

  it("returns copies, so callers cannot change the repository", () => {
    repository.all().pop();
    repository.findByType("overthere.Host").pop();
    expect(repository.all()).toHaveLength(5);
    expect(repository.findByType("overthere.Host")).toHaveLength(4);
  });

  it("derives parent ids", () => {
    expect(parentId("Infrastructure/web-1/tomcat")).toBe("Infrastructure/web-1");
    expect(parentId("Infrastructure")).toBe("");
  });
});
