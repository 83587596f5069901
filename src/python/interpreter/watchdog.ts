import { Worker } from "node:worker_threads";

/**
 * Stops Python code that runs past its time limit. Python runs synchronously on the main
 * thread, so the clock must live elsewhere: a worker thread polls a shared deadline and, once
 * it has passed, writes SIGINT into Pyodide's interrupt buffer, which CPython turns into a
 * KeyboardInterrupt at its next check. It keeps signalling until the run ends, so a bare
 * `except:` in the script cannot swallow the stop.
 */
export class Watchdog {
  private readonly deadline: Float64Array;
  private readonly worker: Worker;

  constructor(
    readonly interruptBuffer: Uint8Array,
    pollMs: number,
  ) {
    const control = new SharedArrayBuffer(8);
    this.deadline = new Float64Array(control);
    this.worker = new Worker(WATCHDOG_SOURCE, {
      eval: true,
      // Not the parent's options: with --input-type=module this CommonJS source would not run.
      execArgv: [],
      workerData: { control, interrupt: interruptBuffer.buffer, pollMs },
    });
    this.worker.unref();
  }

  arm(limitMs: number): void {
    this.interruptBuffer[0] = 0;
    this.deadline[0] = Date.now() + limitMs;
  }

  disarm(): void {
    this.deadline[0] = 0;
    this.interruptBuffer[0] = 0;
  }
}

const SIGINT = 2;

const WATCHDOG_SOURCE = `
const { workerData } = require("node:worker_threads");
const deadline = new Float64Array(workerData.control);
const interrupt = new Uint8Array(workerData.interrupt);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  Atomics.wait(sleeper, 0, 0, workerData.pollMs);
  const due = deadline[0];
  if (due > 0 && Date.now() > due) interrupt[0] = ${SIGINT};
}
`;
