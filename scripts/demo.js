// `npm run demo`: validates the bundled example, then plans it with the built CLI — the initial deployment of
// PetClinic 1.0 to Dev, then the update 1.0 → 2.0 previewed with --from.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "bin", "planwright.js");
const home = path.join("examples", "petclinic");

if (!existsSync(path.join(root, "dist", "cli", "planwright.js"))) {
  process.stderr.write("dist/ is missing; building first (npm run build)\n");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const runs = [
  {
    title: "Initial deployment of PetClinic 1.0 to Dev",
    args: ["plan", "--home", home, "--package", "Applications/PetClinic/1.0", "--environment", "Environments/Dev"],
  },
  {
    title: "Update of PetClinic 1.0 → 2.0 on Dev",
    args: [
      "plan",
      "--home",
      home,
      "--package",
      "Applications/PetClinic/2.0",
      "--environment",
      "Environments/Dev",
      "--from",
      "Applications/PetClinic/1.0",
    ],
  },
];

// Validate first: a broken home is reported once, with every problem, before any plan.
const validation = spawnSync(process.execPath, [cli, "validate", "--home", home], { cwd: root, stdio: "inherit" });
if (validation.status !== 0) process.exit(validation.status ?? 1);

let failed = 0;
for (const [index, run] of runs.entries()) {
  if (index > 0) process.stdout.write("\n");
  process.stdout.write(`# ${run.title}\n$ planwright ${run.args.join(" ")}\n\n`);
  const result = spawnSync(process.execPath, [cli, ...run.args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) failed = result.status ?? 1;
}
process.exit(failed);
