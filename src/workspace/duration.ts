/** HOCON duration units (the spec's spellings) in milliseconds. */
const unitMilliseconds = new Map<string, number>();
const unitSpellings: [number, string[]][] = [
  [1e-6, ["ns", "nano", "nanos", "nanosecond", "nanoseconds"]],
  [1e-3, ["us", "micro", "micros", "microsecond", "microseconds"]],
  [1, ["", "ms", "milli", "millis", "millisecond", "milliseconds"]],
  [1000, ["s", "second", "seconds"]],
  [60_000, ["m", "minute", "minutes"]],
  [3_600_000, ["h", "hour", "hours"]],
  [86_400_000, ["d", "day", "days"]],
];
for (const [factor, spellings] of unitSpellings)
  for (const spelling of spellings) unitMilliseconds.set(spelling, factor);

/**
 * Parses a HOCON duration (`5 seconds`, `500 ms`, `2s`, `1.5 minutes`; a bare number is
 * milliseconds) into whole milliseconds. Undefined when it is not a non-negative duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!match) return undefined;
  const factor = unitMilliseconds.get(match[2]!);
  if (factor === undefined) return undefined;
  return Math.round(Number(match[1]) * factor);
}
