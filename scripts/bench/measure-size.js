// Child process of scripts/bench.js: plans one generated home several times and prints one
// JSON object — median time per phase, start-up (first run), peak RSS. A process per size
// keeps each peak RSS its own.
import { runPipeline } from "./pipeline.js";

const [home, packageId, environmentId, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 5);
const request = { home, packageId, environmentId };

const collect = () => globalThis.gc?.();

// The first run pays for start-up (module JIT, the Python interpreter when a rule needs it).
collect();
const first = await runPipeline(request);

const measured = [];
for (let i = 0; i < runs; i++) {
  collect();
  measured.push(await runPipeline(request));
}
measured.sort((a, b) => a.totalMs - b.totalMs);
const median = measured[Math.floor(measured.length / 2)];

process.stdout.write(
  `${JSON.stringify({
    runs,
    phasesMs: median.phasesMs,
    totalMs: median.totalMs,
    cpuMs: median.cpuMs,
    minTotalMs: measured[0].totalMs,
    maxTotalMs: measured[measured.length - 1].totalMs,
    firstRunMs: first.totalMs,
    counts: median.counts,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
