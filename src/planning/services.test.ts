import { describe, expect, it } from "vitest";
import { type HostObject, isHostObject } from "../python/host-object.js";
import { InMemoryRepository } from "../repository/in-memory-repository.js";
import type { ConfigurationItem } from "../repository/model.js";
import { loadTypes } from "../types/load-types.js";
import { PlanningFailure } from "./planning-failure.js";
import { serviceBindings } from "./services.js";

const types = loadTypes([]).registry;
const host: ConfigurationItem = { id: "Infrastructure/web-1", name: "web-1", type: "overthere.SshHost", values: {} };
const other: ConfigurationItem = { id: "Infrastructure/web-2", name: "web-2", type: "overthere.SshHost", values: {} };
const environment: ConfigurationItem = { id: "Environments/Dev", name: "Dev", type: "udm.Environment", values: {} };
const services = serviceBindings(new InMemoryRepository([host, other, environment], types), types);

function call(object: unknown, method: string, ...args: unknown[]): unknown {
  return ((object as HostObject).pyGetAttr(method) as (...a: unknown[]) => unknown)(...args);
}

describe("service bindings", () => {
  it("repositoryService reads, tests existence and queries by type, parent and name pattern", () => {
    const repository = services.repositoryService;
    expect(call(repository, "read", "Infrastructure/web-1")).toBe(host);
    expect(call(repository, "exists", "Infrastructure/nope")).toBe(false);
    expect(call(repository, "query", "overthere.Host", null, null, "web-%")).toEqual([host, other]);
    expect(call(repository, "query", null, "Infrastructure", null, "%-2")).toEqual([other]);
    expect(() => call(repository, "read", "Infrastructure/nope")).toThrow(PlanningFailure);
  });

  it("repositoryService refuses writes, naming the service and the method", () => {
    expect(() => call(services.repositoryService, "update", [host])).toThrow(
      "repositoryService.update is not available during planning",
    );
  });

  it("metadataService describes types and their properties as XL Deploy's descriptors do", () => {
    const descriptor = call(services.metadataService, "findDescriptor", "overthere.SshHost");
    expect(isHostObject(descriptor)).toBe(true);
    expect(call(descriptor, "isAssignableTo", "overthere.Host")).toBe(true);
    const address = call(descriptor, "getPropertyDescriptor", "address");
    expect(call(address, "getName")).toBe("address");
    expect(call(address, "getKind")).toBe("STRING");
    expect(call(address, "get", { ...host, values: { address: "10.0.0.1" } })).toBe("10.0.0.1");
  });

  it("every other service of the manual's table raises on any call, naming service and method", () => {
    for (const name of ["deploymentService", "taskService", "userService", "controlService"]) {
      expect(() => call(services[name], "listAll")).toThrow(`${name}.listAll is not available during planning`);
    }
  });
});
