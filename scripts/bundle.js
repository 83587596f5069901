// Part of `npm run build`: bundles the CLI and its dependencies into dist/cli/planwright.js, one
// module instead of a few hundred, which halves the start-up of every command (DESIGN §6: cold
// `planwright plan` ≤ 400 ms). Pyodide stays outside: it loads its WebAssembly from its own
// package, and only when a rule needs the interpreter. The bundle sits next to dist/cli/main.js
// so paths relative to the module (../../package.json) resolve the same.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

await build({
  entryPoints: [path.join(root, "src", "cli", "main.ts")],
  outfile: path.join(root, "dist", "cli", "planwright.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["pyodide"],
  sourcemap: true,
  logLevel: "warning",
  // CommonJS dependencies (commander) call require(); give the ES module one.
  banner: {
    js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
  },
});
