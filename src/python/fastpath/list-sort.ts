/**
 * Sorts `items` in place as Jython 2.7's list.sort does (a port of CPython's listsort):
 * stable, and for fewer than 64 items the very same comparisons in the same order (one
 * natural run, then binary insertion), so even a `cmp` function that is not a consistent
 * order — planning scripts write such ones — gives Jython's result. Longer lists are merge
 * sorted: the same result whenever the order is consistent. `lessThan` is Python's
 * `islt`: `cmp(a, b) < 0`, or the default `a < b`.
 */
export function sortInPlace<T>(items: T[], lessThan: (a: T, b: T) => boolean): void {
  const count = items.length;
  if (count < 2) return;
  if (count >= 64) {
    const sorted = mergeSort(items, lessThan);
    for (let i = 0; i < count; i++) items[i] = sorted[i];
    return;
  }
  const run = countRun(items, count, lessThan);
  binaryInsertionSort(items, count, run, lessThan);
}

/** The length of the natural run at the start; a strictly descending one is reversed in place. */
function countRun<T>(items: T[], count: number, lessThan: (a: T, b: T) => boolean): number {
  let length = 2;
  if (lessThan(items[1], items[0])) {
    while (length < count && lessThan(items[length], items[length - 1])) length++;
    items.splice(0, length, ...items.slice(0, length).reverse());
    return length;
  }
  while (length < count && !lessThan(items[length], items[length - 1])) length++;
  return length;
}

function binaryInsertionSort<T>(
  items: T[],
  count: number,
  sortedCount: number,
  lessThan: (a: T, b: T) => boolean,
): void {
  for (let start = sortedCount; start < count; start++) {
    const pivot = items[start];
    let low = 0;
    let high = start;
    while (low < high) {
      const middle = low + ((high - low) >> 1);
      if (lessThan(pivot, items[middle])) high = middle;
      else low = middle + 1;
    }
    for (let i = start; i > low; i--) items[i] = items[i - 1];
    items[low] = pivot;
  }
}

function mergeSort<T>(items: T[], lessThan: (a: T, b: T) => boolean): T[] {
  if (items.length < 2) return items.slice();
  const middle = items.length >> 1;
  const left = mergeSort(items.slice(0, middle), lessThan);
  const right = mergeSort(items.slice(middle), lessThan);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  // Stable: an item of the right half goes first only when strictly less.
  while (i < left.length && j < right.length) out.push(lessThan(right[j], left[i]) ? right[j++] : left[i++]);
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}
