// Timing: warm-up runs first (JIT, page cache, SQLite statement cache), then timed runs with
// performance.now(). Pairs of work are interleaved so a noisy neighbour slows both sides alike.

export interface Runs {
  warmup: number;
  iterations: number;
}

export async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function timeSync(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Durations (ms) of `iterations` timed calls after `warmup` untimed ones; `work` gets the call's index. */
export function sampleSync(runs: Runs, work: (index: number) => unknown): number[] {
  for (let i = 0; i < runs.warmup; i += 1) work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs.iterations; i += 1) samples.push(timeSync(() => work(runs.warmup + i)));
  return samples;
}

export async function sampleAsync(runs: Runs, work: (index: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < runs.warmup; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs.iterations; i += 1) samples.push(await timeAsync(() => work(runs.warmup + i)));
  return samples;
}

/** Like sampleSync for two kinds of work, alternating A and B on every iteration. */
export function samplePairs(runs: Runs, a: (index: number) => unknown, b: (index: number) => unknown): { a: number[]; b: number[] } {
  for (let i = 0; i < runs.warmup; i += 1) {
    a(i);
    b(i);
  }
  const result = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs.iterations; i += 1) {
    const index = runs.warmup + i;
    // Which side goes first alternates too, so neither always runs on a just-flushed disk.
    if (i % 2 === 0) {
      result.a.push(timeSync(() => a(index)));
      result.b.push(timeSync(() => b(index)));
    } else {
      result.b.push(timeSync(() => b(index)));
      result.a.push(timeSync(() => a(index)));
    }
  }
  return result;
}
