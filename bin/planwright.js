#!/usr/bin/env node
// The bundled CLI (scripts/bundle.js): one module loads much faster than the compiled tree.
import { main } from "../dist/cli/planwright.js";

process.exitCode = await main(process.argv.slice(2));
