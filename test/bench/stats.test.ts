// The bench's arithmetic: percentiles, rates and ratios are what the published numbers rest on.
import { describe, expect, it } from 'vitest';
import { BenchResults, formatNumber, formatText, toJson } from './report';
import { blocksOf, meetsTarget, overallRate, percentile, rateSummary, ratio, summarize } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 1)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(hundred)).toMatchObject({ n: 100, p50: 50, p99: 99, min: 1, max: 100, mean: 50.5 });
    expect(() => percentile([], 50)).toThrow();
  });

  it('reports the slow end of rates as p99: the rate 99 % of blocks reached', () => {
    const blocks = blocksOf([1, 1, 1, 1, 2, 2, 2, 2, 4, 4], 4);
    expect(blocks).toEqual([
      { items: 4, ms: 4 },
      { items: 4, ms: 8 },
      { items: 2, ms: 8 },
    ]);
    const rates = rateSummary(blocks);
    expect(rates.p50).toBe(500);
    expect(rates.p99).toBe(250);
    expect(overallRate(10_000, 4_000)).toBe(2_500);
  });

  it('divides measured by baseline and checks targets in their direction', () => {
    expect(ratio(13, 2)).toBe(6.5);
    expect(() => ratio(1, 0)).toThrow();
    expect(meetsTarget(1.5, { bound: 'max', value: 1.5 })).toBe(true);
    expect(meetsTarget(1.6, { bound: 'max', value: 1.5 })).toBe(false);
    expect(meetsTarget(0.69, { bound: 'min', value: 0.7 })).toBe(false);
    expect(meetsTarget(3, { bound: 'min', value: 3 })).toBe(true);
  });

  it('prints three significant digits and the JSON shape tools read', () => {
    expect([0.01234, 1.234, 12.34, 123.4, 12345.6].map(formatNumber)).toEqual(['0.0123', '1.23', '12.3', '123', '12346']);
    const results = new BenchResults();
    results.metric('submit.core', 'submit', 'a submit', { p50: 3, p99: 9, n: 10 }, 'ms');
    results.metric('submit.raw_insert', 'submit', 'a raw insert', { p50: 2, p99: 4, n: 10 }, 'ms');
    results.ratio('submit_vs_raw_insert', ratio(3, 2), 'core / raw', { bound: 'max', value: 1.5 });
    expect(() => results.metric('submit.core', 'submit', 'again', { p50: 1, p99: 1, n: 1 }, 'ms')).toThrow();
    const json = toJson(results, { cpu: 'test' });
    expect(json.metrics).toEqual({ 'submit.core': { p50: 3, p99: 9, unit: 'ms' }, 'submit.raw_insert': { p50: 2, p99: 4, unit: 'ms' } });
    expect(json.ratios).toEqual({ submit_vs_raw_insert: 1.5 });
    const text = formatText(results, { cpu: 'test' });
    expect(text).toContain('| submit_vs_raw_insert | 1.50  | ≤ 1.5  | met    | core / raw |');
    expect(text).toContain('| submit.core       | a submit     | 3.00 | 9.00 | ms   | 10 |');
  });
});
