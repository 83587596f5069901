import { type HostObject, hostObject } from "../python/host-object.js";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogSink = (level: LogLevel, message: string) => void;

/** The `logger` binding: an SLF4J-like logger (category com.xebialabs.platform.script.Logging). */
export class ScriptLogger implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "Logger";

  constructor(private readonly sink: LogSink) {}

  pyGetAttr(name: string): unknown {
    const level = levels[name];
    if (level === undefined) return undefined;
    return (message: unknown, ...args: unknown[]) => {
      this.sink(level, formatSlf4j(String(message), args));
    };
  }
}

const levels: Record<string, LogLevel> = {
  trace: "debug",
  debug: "debug",
  info: "info",
  warn: "warn",
  warning: "warn",
  error: "error",
};

/** SLF4J fills `{}` with the arguments in turn. */
function formatSlf4j(message: string, args: unknown[]): string {
  let next = 0;
  return message.replace(/\{\}/g, (whole) => (next < args.length ? String(args[next++]) : whole));
}
