// Pure arithmetic of the benchmark: percentiles of timed samples, rates per block of work and the
// ratios against the baselines. Kept apart from the timing so a unit test can pin it.

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (no interpolation): always a value that was really measured. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summary of no samples');
  const sum = samples.reduce((total, value) => total + value, 0);
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: sum / samples.length,
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/**
 * Rates (items per second) of blocks of work. For a rate the bad tail is the low end, so `p99` is
 * the rate that 99 % of the blocks reached or beat (the 1st percentile of the rates).
 */
export function rateSummary(blocks: readonly { items: number; ms: number }[]): Summary {
  const rates = blocks.map(({ items, ms }) => {
    if (ms <= 0) throw new Error('a block of work took no time');
    return (items * 1000) / ms;
  });
  const summary = summarize(rates);
  const low = rates.length === 1 ? rates[0]! : percentile(rates, 1);
  return { ...summary, p99: low };
}

/** Groups per-item durations into blocks of `size` (the last one may be shorter). */
export function blocksOf(samplesMs: readonly number[], size: number): { items: number; ms: number }[] {
  if (size < 1) throw new Error('block size must be at least 1');
  const blocks: { items: number; ms: number }[] = [];
  for (let start = 0; start < samplesMs.length; start += size) {
    const part = samplesMs.slice(start, start + size);
    blocks.push({ items: part.length, ms: part.reduce((total, value) => total + value, 0) });
  }
  return blocks;
}

/** Items per second over a whole run. */
export function overallRate(items: number, ms: number): number {
  if (ms <= 0) throw new Error('the run took no time');
  return (items * 1000) / ms;
}

export function ratio(numerator: number, denominator: number): number {
  if (!(denominator > 0) || !Number.isFinite(numerator)) throw new Error(`cannot divide ${numerator} by ${denominator}`);
  return numerator / denominator;
}

/** Whether a ratio meets its target (`max`: at most, `min`: at least). */
export function meetsTarget(value: number, target: { bound: 'max' | 'min'; value: number }): boolean {
  return target.bound === 'max' ? value <= target.value : value >= target.value;
}
