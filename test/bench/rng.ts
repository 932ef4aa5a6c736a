/** Seeded randomness for the benchmark generators: the same seed gives the same corpus. */

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough to shape synthetic text. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [lo, hi]. */
export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Distinct picks, in random order. */
export function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]!);
  return out;
}

/**
 * Zipf-distributed picks (rank r drawn with weight 1/r^s): word use in real text, so the
 * vocabulary grows with the corpus the way it does in a real knowledge base (Heaps' law).
 */
export function zipf<T>(items: readonly T[], s = 1): (rng: Rng) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let r = 0; r < items.length; r++) cumulative[r] = total += 1 / Math.pow(r + 1, s);
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}
