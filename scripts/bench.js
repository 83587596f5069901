// `npm run bench` (issue 6, item 8; DESIGN §6): builds, generates homes with N deployeds over
// N/10 containers and 100 rules, plans each in its own process, times the cold CLI on the
// example, adds the Python runtime's and the specification/delta/orchestration benchmarks,
// and prints ONE JSON document on stdout (progress goes to stderr). `--no-build` skips the build.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateHome } from "./bench/generate-home.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * DESIGN §6 states its targets for XML rules with expressions; issue 6 asks for 10% script
 * rules as well. Both mixes are measured; the verdict applies DESIGN's targets to each.
 */
const doublingRounds = 3;
const mixes = {
  xmlRules: { scriptRules: false, runs: { 1000: 7, 2000: 7, 10000: 5 } },
  withScriptRules: { scriptRules: true, runs: { 1000: 4, 2000: 4, 10000: 2 } },
};
const coldRuns = 7;

const targets = {
  plan1000Ms: 150,
  plan10000Ms: 1500,
  rss10000Mb: 400,
  doublingRatio: 2.2,
  coldPlanMs: 400,
  stages10000Ms: 300,
  fastPathMicros: 0.6,
};

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function build() {
  log("npm run build");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error("the build failed");
}

function runNode(args, options = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, ...options });
  if (result.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
  }
  return result.stdout;
}

function measureSize(deployeds, mix) {
  const directory = mkdtempSync(path.join(os.tmpdir(), `planwright-bench-${deployeds}-`));
  try {
    const request = generateHome(directory, deployeds, { scriptRules: mix.scriptRules });
    const rules = mix.scriptRules ? "90 XML + 10 script rules" : "100 XML rules";
    log(`planning ${request.deployeds} deployeds over ${request.containers} containers, ${rules}`);
    const output = runNode([
      "--expose-gc",
      path.join(root, "scripts", "bench", "measure-size.js"),
      request.home,
      request.packageId,
      request.environmentId,
      String(mix.runs[deployeds]),
    ]);
    return { deployeds: request.deployeds, containers: request.containers, rules, ...JSON.parse(output) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Wall time of `planwright plan` on the example, a fresh process each time. */
function measureColdPlan() {
  const args = [
    path.join(root, "bin", "planwright.js"),
    "plan",
    "--home",
    path.join(root, "examples", "petclinic"),
    "--package",
    "Applications/PetClinic/1.0",
    "--environment",
    "Environments/Dev",
  ];
  runNode(args); // warms the file system cache
  const times = [];
  for (let i = 0; i < coldRuns; i++) {
    const start = process.hrtime.bigint();
    runNode(args);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { runs: coldRuns, medianMs: round(times[Math.floor(times.length / 2)]), minMs: round(times[0]) };
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

/** The Python runtime's numbers (src/python/python-bench.ts), against the built-in types. */
async function measurePython() {
  const { loadTypes } = await import("../dist/types/load-types.js");
  const { benchPython } = await import("../dist/python/python-bench.js");
  return benchPython(loadTypes([]).registry);
}

const interpreterRuns = 5;

/**
 * Pyodide's cold start in fresh processes (median of 5), plain (PLANWRIGHT_PYTHON_SNAPSHOT=0)
 * and from the memory snapshot (src/python/interpreter/snapshot.ts), which a first run writes
 * into a temporary cache folder; and the same for `planwright plan` of the example with one
 * more rule whose planning script needs the interpreter (`import json`).
 */
function measureInterpreterStart() {
  const cache = mkdtempSync(path.join(os.tmpdir(), "planwright-bench-snapshot-"));
  const home = mkdtempSync(path.join(os.tmpdir(), "planwright-bench-python-home-"));
  const plain = { ...process.env, PLANWRIGHT_PYTHON_SNAPSHOT: "0" };
  const snapshot = { ...process.env, PLANWRIGHT_PYTHON_SNAPSHOT: "1", PLANWRIGHT_PYTHON_SNAPSHOT_DIR: cache };
  const median = (measure) => {
    const times = Array.from({ length: interpreterRuns }, measure).sort((a, b) => a - b);
    return round(times[Math.floor(times.length / 2)]);
  };
  const hostModule = pathToFileURL(path.join(root, "dist", "python", "interpreter", "pyodide-host.js")).href;
  const typesModule = pathToFileURL(path.join(root, "dist", "types", "load-types.js")).href;
  const startSource = `
    const { PyodideHost } = await import(${JSON.stringify(hostModule)});
    const { loadTypes } = await import(${JSON.stringify(typesModule)});
    const types = loadTypes([]).registry;
    const started = performance.now();
    const host = await PyodideHost.start({ types, log: () => {} });
    const code = host.compile({ source: "'%s-%d' % ('x', 1)", location: { file: "bench", line: 1 } }, "eval", "bench");
    host.run(code, {}, 10000);
    const ms = performance.now() - started;
    await host.startup.snapshotWritten;
    console.log(JSON.stringify({ ms, from: host.startup.from }));`;
  const start = (env, from) => () => {
    const result = JSON.parse(runNode(["--input-type=module", "-e", startSource], { env }));
    if (result.from !== from) throw new Error(`the interpreter started ${result.from}, expected ${from}`);
    return result.ms;
  };
  cpSync(path.join(root, "examples", "petclinic"), home, { recursive: true });
  const rules = path.join(home, "ext", "xl-rules.xml");
  writeFileSync(
    rules,
    readFileSync(rules, "utf8").replace(
      "</rules>",
      `  <rule name="bench.InterpreterScript" scope="pre-plan">
    <planning-script-path>bench-interpreter.py</planning-script-path>
  </rule>
</rules>`,
    ),
  );
  writeFileSync(
    path.join(home, "ext", "bench-interpreter.py"),
    'import json\ncontext.addStep(steps.noop(description="settings %s" % json.dumps({"a": 1}), order=1))\n',
  );
  const planArgs = [
    path.join(root, "bin", "planwright.js"),
    "plan",
    "--home",
    home,
    "--package",
    "Applications/PetClinic/1.0",
    "--environment",
    "Environments/Dev",
  ];
  const plan = (env) => () => {
    const started = process.hrtime.bigint();
    const output = runNode(planArgs, { env });
    if (!output.includes('settings {"a": 1}')) throw new Error(`the interpreter's step is missing:\n${output}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  try {
    const coldStartMs = median(start(plain, "plain"));
    start(snapshot, "plain")(); // writes the snapshot
    const coldStartFromSnapshotMs = median(start(snapshot, "snapshot"));
    return {
      coldStartMs,
      coldStartFromSnapshotMs,
      planWithInterpreterScriptMs: median(plan(plain)),
      planWithInterpreterScriptFromSnapshotMs: median(plan(snapshot)),
    };
  } finally {
    rmSync(cache, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

/** Specification + delta + orchestration of 10,000 deployeds over 100 containers (issue 5). */
async function measureStages() {
  const { benchmarkStages } = await import("./bench/specification-delta-orchestration.js");
  return benchmarkStages();
}

/**
 * All sizes of one mix. On a shared machine the load changes from minute to minute, so the two
 * sizes the doubling ratio compares are measured in alternating rounds, and each keeps its
 * best round: they then see the same conditions.
 */
function measureMix(mix) {
  const rounds = { 1000: [], 2000: [] };
  for (let round = 0; round < doublingRounds; round++) {
    for (const deployeds of [1000, 2000]) rounds[deployeds].push(measureSize(deployeds, mix));
  }
  const best = (results) => {
    const sorted = [...results].sort((a, b) => a.totalMs - b.totalMs);
    return {
      ...sorted[0],
      rounds: results.length,
      minTotalMs: Math.min(...results.map((r) => r.minTotalMs)),
      peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    };
  };
  return [best(rounds[1000]), best(rounds[2000]), measureSize(10000, mix)];
}

/** DESIGN §6 targets for one mix. The doubling ratio uses the fastest runs, the least noisy. */
function verdict(bySize) {
  const doublingRatio = Math.round((bySize[2000].minTotalMs / bySize[1000].minTotalMs) * 100) / 100;
  return {
    doublingRatio,
    plan1000: bySize[1000].totalMs <= targets.plan1000Ms,
    plan10000: bySize[10000].totalMs <= targets.plan10000Ms,
    rss10000: bySize[10000].peakRssMb <= targets.rss10000Mb,
    doubling: doublingRatio <= targets.doublingRatio,
  };
}

async function main() {
  if (!process.argv.includes("--no-build")) build();
  const planning = {};
  const verdicts = {};
  for (const [name, mix] of Object.entries(mixes)) {
    planning[name] = measureMix(mix);
    verdicts[name] = verdict(Object.fromEntries(planning[name].map((p) => [p.deployeds, p])));
  }
  log("cold planwright plan of examples/petclinic");
  const coldPlan = measureColdPlan();
  log("specification, delta and orchestration of 10,000 deployeds");
  const stages = await measureStages();
  log("Python: fast path, interpreter, cold start");
  const python = await measurePython();
  log("Python: interpreter cold start and plan, plain and from a snapshot (fresh processes)");
  const interpreterStart = measureInterpreterStart();
  // Fresh processes, medians of 5: plain (the key's meaning so far) and from the snapshot.
  python.interpreterColdStartMs = interpreterStart.coldStartMs;
  python.interpreterColdStartFromSnapshotMs = interpreterStart.coldStartFromSnapshotMs;
  python.planWithInterpreterScriptMs = interpreterStart.planWithInterpreterScriptMs;
  python.planWithInterpreterScriptFromSnapshotMs = interpreterStart.planWithInterpreterScriptFromSnapshotMs;
  const report = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`,
    loadAverage: os.loadavg().map((l) => round(l)),
    planning,
    coldPlan,
    specificationDeltaOrchestration10000: stages,
    python,
    targets,
    verdict: {
      ...verdicts,
      coldPlan: coldPlan.medianMs <= targets.coldPlanMs,
      stages10000: stages.totalMs <= targets.stages10000Ms,
      // DESIGN §6: at least 10× faster than Jython's 6–7 µs per evaluation.
      fastPath: Math.max(python.fastPathDeployMessageMicros, python.fastPathTypeCheckMicros) <= targets.fastPathMicros,
    },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
