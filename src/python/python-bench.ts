import type { ConfigurationItem } from "../repository/model.js";
import type { TypeRegistry } from "../types/model.js";
import type { CompiledExpression } from "./api.js";
import { PyodideHost } from "./interpreter/pyodide-host.js";
import { createPythonRuntime } from "./runtime.js";

export interface PythonBenchmark {
  /** µs per evaluation on the fast path. */
  fastPathDeployMessageMicros: number;
  fastPathTypeCheckMicros: number;
  /** µs per evaluation in Pyodide (fresh globals, cached code object). */
  interpreterDeployMessageMicros: number;
  interpreterTypeCheckMicros: number;
  /** Loading Pyodide with Planwright's Python layer, to the first result. */
  interpreterColdStartMs: number;
}

const deployMessage = "'Deploy %s to %s' % (deployed.name, deployed.container.name)";
const typeCheck = 'deployed.type == "file.DeployedFile" and "Production" in env.name';

/** Measures the two reference expressions (issue 3) on both paths; `npm run bench` prints the result. */
export async function benchPython(types: TypeRegistry, iterations = 100_000): Promise<PythonBenchmark> {
  const container: ConfigurationItem = {
    id: "Infrastructure/web-1",
    name: "web-1",
    type: "overthere.LocalHost",
    values: {},
  };
  const deployed: ConfigurationItem = {
    id: "Infrastructure/web-1/myFile",
    name: "myFile",
    type: "file.DeployedFile",
    values: { container },
  };
  const env: ConfigurationItem = {
    id: "Environments/Production-EU",
    name: "Production-EU",
    type: "udm.Environment",
    values: {},
  };
  const bindings = { deployed, env };

  const runtime = createPythonRuntime({ types });
  const fast = (source: string) => {
    const compiled = runtime.compileExpression({ source, location: { file: "bench", line: 1 } }) as CompiledExpression;
    return perEvaluation(() => runtime.evaluate(compiled, bindings), iterations);
  };
  const fastPathDeployMessageMicros = fast(deployMessage);
  const fastPathTypeCheckMicros = fast(typeCheck);

  const started = performance.now();
  const host = await PyodideHost.start({ types, log: () => {} });
  const interpreted = (source: string) => {
    const code = host.compile({ source, location: { file: "bench", line: 1 } }, "eval", `bench:${source}`);
    return () => host.run(code as Parameters<PyodideHost["run"]>[0], bindings, 10_000);
  };
  const deploy = interpreted(deployMessage);
  deploy();
  const interpreterColdStartMs = performance.now() - started;
  const interpreterIterations = Math.max(1, Math.floor(iterations / 10));
  return {
    fastPathDeployMessageMicros,
    fastPathTypeCheckMicros,
    interpreterDeployMessageMicros: perEvaluation(deploy, interpreterIterations),
    interpreterTypeCheckMicros: perEvaluation(interpreted(typeCheck), interpreterIterations),
    interpreterColdStartMs: round(interpreterColdStartMs),
  };
}

function perEvaluation(evaluate: () => unknown, iterations: number): number {
  for (let i = 0; i < Math.min(2_000, iterations); i++) evaluate();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) evaluate();
  return round(((performance.now() - started) * 1000) / iterations);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
