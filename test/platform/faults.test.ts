import { describe, expect, it } from 'vitest';
import { FaultInjector, faultKinds, FaultSpecError, parseFaultSpec, type FaultKind } from './faults';

const draws = (spec: string, n: number, route: 'batches' | 'records' = 'batches') => {
  const injector = new FaultInjector(parseFaultSpec(spec));
  return Array.from({ length: n }, () => injector.draw(route));
};

describe('parseFaultSpec', () => {
  it('reads kinds with probabilities and options', () => {
    const plan = parseFaultSpec(' 500:0.1, reset-after:0.05 ,seed=7,retry-after=3,delay-ms=200,slow-ms=900,routes=batches+records');
    expect(plan.probabilities).toEqual([
      { kind: '500', probability: 0.1 },
      { kind: 'reset-after', probability: 0.05 },
    ]);
    expect(plan).toMatchObject({ seed: 7, retryAfterS: 3, delayMs: 200, slowMs: 900, spec: '500:0.1,reset-after:0.05,seed=7,retry-after=3,delay-ms=200,slow-ms=900,routes=batches+records' });
    expect([...plan.routes]).toEqual(['batches', 'records']);
  });

  it('means no faults when empty or none', () => {
    expect(parseFaultSpec('').probabilities).toEqual([]);
    expect(parseFaultSpec('none').probabilities).toEqual([]);
  });

  it.each([
    ['explode:0.1', /unknown fault/],
    ['500:1.5', /above 1/],
    ['500:0.6,503:0.6', /more than 1/],
    ['500:0.1,500:0.2', /twice/],
    ['seed=-1', /integer/],
    ['colour=red', /unknown option/],
    ['routes=batches+kitchen', /unknown route/],
    ['500', /neither/],
  ])('refuses %s', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('FaultInjector', () => {
  it('draws the same faults in the same order for the same seed, and others for another seed', () => {
    const spec = '500:0.2,reset-before:0.2,duplicate:0.2';
    expect(draws(`${spec},seed=42`, 200)).toEqual(draws(`${spec},seed=42`, 200));
    expect(draws(`${spec},seed=42`, 200)).not.toEqual(draws(`${spec},seed=43`, 200));
  });

  it('injects every kind it is given, in about its share, and nothing beyond the total', () => {
    const spec = `${faultKinds.map((kind) => `${kind}:0.05`).join(',')},seed=5`;
    const result = draws(spec, 10_000);
    const counts = new Map<FaultKind | null, number>();
    for (const kind of result) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    for (const kind of faultKinds) expect(counts.get(kind), kind).toBeGreaterThan(350);
    expect(counts.get(null)).toBeGreaterThan(5000);
  });

  it('always injects at probability 1 and never outside its routes', () => {
    expect(new Set(draws('503:1', 50))).toEqual(new Set(['503']));
    expect(new Set(draws('503:1,routes=batches', 50, 'records'))).toEqual(new Set([null]));
  });

  it('counts what it injected and restarts its sequence when the plan is replaced', () => {
    const injector = new FaultInjector(parseFaultSpec('429:1'));
    injector.draw('batches');
    injector.draw('batches');
    injector.replace(parseFaultSpec(''));
    expect(injector.draw('batches')).toBeNull();
    expect(Object.fromEntries(injector.injected)).toEqual({ '429': 2 });
    expect(injector.requests).toBe(3);
  });
});
