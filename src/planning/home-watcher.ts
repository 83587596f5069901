import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import path from "node:path";

/** How soon after the last change of a burst `onChange` runs (a save often touches a file twice). */
const settleMs = 100;
/** Polling period when the platform cannot watch a tree. */
const fallbackPollMs = 250;

/**
 * Calls `onChange` after any file under `home` changes (`plan --watch`). With `intervalMs`
 * above 0 (planner.conf `xl.file-watch.interval`) the home is rescanned on that interval;
 * otherwise file-system events trigger within about 100 ms. Returns a function that stops it.
 */
export function watchHome(home: string, intervalMs: number, onChange: () => void): () => void {
  if (intervalMs > 0) return pollHome(home, intervalMs, onChange);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(home, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, settleMs);
    });
  } catch {
    return pollHome(home, fallbackPollMs, onChange);
  }
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

function pollHome(home: string, intervalMs: number, onChange: () => void): () => void {
  let last = snapshot(home);
  const timer = setInterval(() => {
    const next = snapshot(home);
    if (next !== last) {
      last = next;
      onChange();
    }
  }, intervalMs);
  return () => clearInterval(timer);
}

/** Every file's path, size and modification time, as one comparable string. */
function snapshot(folder: string): string {
  const parts: string[] = [];
  const visit = (directory: string) => {
    let entries: string[];
    try {
      entries = readdirSync(directory).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(directory, entry);
      try {
        const stat = statSync(full);
        if (stat.isDirectory()) visit(full);
        else parts.push(`${full}:${stat.size}:${stat.mtimeMs}`);
      } catch {
        // Deleted between listing and stat: the next scan sees it gone.
      }
    }
  };
  visit(folder);
  return parts.join("\n");
}
