// Specification + delta analysis + orchestration on generated in-memory data (issue 5, item 6):
// 100 deployables x 100 containers = 10,000 deployeds, an update from version 1 to 2 (both
// sides mapped, so 20,000 deployeds are built), then two combined orchestrators. Runs against
// dist/ (npm run build first). `node scripts/bench/specification-delta-orchestration.js`
// prints JSON; bench.js may import `benchmarkStages` instead.
import { pathToFileURL } from "node:url";
import { analyzeSpecification } from "../../dist/delta/analyze.js";
import { orchestrate } from "../../dist/orchestration/orchestrate.js";
import { OrchestratorRegistry } from "../../dist/orchestration/orchestrator-registry.js";
import { InMemoryRepository } from "../../dist/repository/in-memory-repository.js";
import { specify } from "../../dist/specification/specify.js";
import { loadTypes } from "../../dist/types/load-types.js";

const synthetic = `<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">
  <type type="bench.Server" extends="udm.BaseContainer"/>
  <type type="bench.Module" extends="udm.BaseDeployedArtifact" deployable-type="bench.Archive" container-type="bench.Server">
    <generate-deployable type="bench.Archive" extends="udm.BaseDeployableArchiveArtifact"/>
    <property name="contextRoot" required="false"/>
    <property name="url" required="false"/>
    <property name="port" kind="integer" default="8080" required="false"/>
    <property name="debug" kind="boolean" default="false" required="false"/>
    <property name="hosts" kind="set_of_string" required="false"/>
  </type>
</synthetic>`;

function ci(id, type, values = {}) {
  return { id, name: id.slice(id.lastIndexOf("/") + 1), type, values };
}

/** Types and an in-memory repository with two versions of one application. */
export function generateStages(deployables = 100, containers = 100) {
  const { registry: types, diagnostics } = loadTypes([{ text: synthetic, displayPath: "bench/synthetic.xml" }]);
  if (diagnostics.some((d) => d.severity === "error")) throw new Error(JSON.stringify(diagnostics));
  const items = [];
  const servers = [];
  for (let i = 0; i < containers; i++) {
    const server = ci(`Infrastructure/host-${i}/server`, "bench.Server", { deploymentGroup: (i % 5) + 1 });
    servers.push(server);
    items.push(ci(`Infrastructure/host-${i}`, "overthere.LocalHost", { os: "UNIX" }), server);
  }
  const dictionary = ci("Environments/bench-settings", "udm.Dictionary", {
    entries: { DB_HOST: "db.example.com", DB_PORT: "5432" },
  });
  const environment = ci("Environments/Bench", "udm.Environment", { members: servers, dictionaries: [dictionary] });
  items.push(dictionary, environment, ci("Applications/Bench", "udm.Application"));
  for (const version of ["1", "2"]) {
    const deployablesOfVersion = [];
    for (let d = 0; d < deployables; d++) {
      const deployable = ci(`Applications/Bench/${version}/module-${d}`, "bench.Archive", {
        contextRoot: `/module-${d}`,
        url: "jdbc:postgresql://{{DB_HOST}}:{{DB_PORT}}/bench",
        // Version 2 changes every tenth module, so the update has MODIFY and NOOP deltas.
        port: String(d % 10 === 0 && version === "2" ? 9090 : 8080),
        hosts: ["a", "b"],
      });
      deployable.artifact = { path: `/bench/${version}/module-${d}.war`, checksum: `sha-${d}` };
      deployablesOfVersion.push(deployable);
      items.push(deployable);
    }
    items.push(ci(`Applications/Bench/${version}`, "udm.DeploymentPackage", { deployables: deployablesOfVersion }));
  }
  return { types, repository: new InMemoryRepository(items, types) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100;
}

/** Median milliseconds per stage over `runs` runs (after one warm-up run). */
export function benchmarkStages({ deployables = 100, containers = 100, runs = 7 } = {}) {
  const context = generateStages(deployables, containers);
  const registry = OrchestratorRegistry.withBuiltins();
  const request = {
    kind: "deploy",
    packageId: "Applications/Bench/2",
    environmentId: "Environments/Bench",
    fromPackageId: "Applications/Bench/1",
    orchestrators: ["sequential-by-deployment-group", "parallel-by-container"],
  };
  const times = { specification: [], delta: [], orchestration: [], total: [] };
  let counts;
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    const specified = specify(request, context);
    if (!specified.specification) throw new Error(JSON.stringify(specified.diagnostics.slice(0, 3)));
    const specifiedAt = performance.now();
    const deltaSpecification = analyzeSpecification(specified.specification, context.types);
    const analysedAt = performance.now();
    const orchestrated = orchestrate(deltaSpecification, specified.specification.orchestrators, registry);
    const end = performance.now();
    if (!orchestrated.orchestration) throw new Error(JSON.stringify(orchestrated.diagnostics));
    if (run === 0) {
      counts = { CREATE: 0, MODIFY: 0, DESTROY: 0, NOOP: 0 };
      for (const delta of deltaSpecification.deltas) counts[delta.operation]++;
      continue;
    }
    times.specification.push(specifiedAt - start);
    times.delta.push(analysedAt - specifiedAt);
    times.orchestration.push(end - analysedAt);
    times.total.push(end - start);
  }
  const totalMs = median(times.total);
  return {
    deployeds: deployables * containers,
    containers,
    runs,
    deltas: counts,
    specificationMs: median(times.specification),
    deltaMs: median(times.delta),
    orchestrationMs: median(times.orchestration),
    totalMs,
    targetMs: 300,
    withinTarget: totalMs <= 300,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(benchmarkStages(), null, 2)}\n`);
}
