// Fault injection: which failure, if any, the platform plays on a kiosk request. The spec is parsed
// once; each request draws one number from a seeded generator, so a spec and a seed give the same
// faults in the same order on every run (docs/sync-protocol.md, "Fault injection").
export const faultKinds = [
  '500',
  '503',
  '429',
  'reset-before',
  'reset-after',
  'drop-after-commit',
  'delay',
  'duplicate',
  'slow-body',
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Routes a fault may hit, by the name after `/v1/`. */
export const faultRoutes = ['enrolments', 'batches', 'records', 'agreements', 'heartbeat'] as const;
export type FaultRoute = (typeof faultRoutes)[number];

export interface FaultPlan {
  /** The spec as given (normalised: no spaces). */
  spec: string;
  probabilities: ReadonlyArray<{ kind: FaultKind; probability: number }>;
  seed: number;
  /** Seconds in Retry-After of 500/503/429. */
  retryAfterS: number;
  /** How long `delay` waits before handling the request. */
  delayMs: number;
  /** How long `slow-body` takes to send the response. */
  slowMs: number;
  routes: ReadonlySet<FaultRoute>;
}

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

const DEFAULTS = { seed: 1, retryAfterS: 1, delayMs: 30_000, slowMs: 5_000 };

function integerOption(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new FaultSpecError(`${name} must be an integer ≥ ${min}, got '${value}'`);
  return Number(value);
}

/** `500:0.1,reset-after:0.05,seed=7,delay-ms=2000`; empty or `none` for no faults. */
export function parseFaultSpec(text: string): FaultPlan {
  const spec = text.replace(/\s+/g, '');
  const plan = { ...DEFAULTS, spec, probabilities: [] as Array<{ kind: FaultKind; probability: number }>, routes: new Set<FaultRoute>(faultRoutes) };
  if (spec === '' || spec === 'none') return { ...plan, spec: '' };
  let total = 0;
  for (const item of spec.split(',')) {
    const option = /^([a-z-]+)=(.*)$/.exec(item);
    if (option) {
      const [, name, value = ''] = option;
      if (name === 'seed') plan.seed = integerOption(name, value, 0);
      else if (name === 'retry-after') plan.retryAfterS = integerOption(name, value, 0);
      else if (name === 'delay-ms') plan.delayMs = integerOption(name, value, 0);
      else if (name === 'slow-ms') plan.slowMs = integerOption(name, value, 0);
      else if (name === 'routes') {
        const names = value.split('+');
        const unknown = names.filter((route) => !(faultRoutes as readonly string[]).includes(route));
        if (unknown.length > 0 || names.length === 0) throw new FaultSpecError(`unknown route '${unknown.join('+')}' (routes: ${faultRoutes.join(', ')})`);
        plan.routes = new Set(names as FaultRoute[]);
      } else throw new FaultSpecError(`unknown option '${name}' (options: seed, retry-after, delay-ms, slow-ms, routes)`);
      continue;
    }
    const fault = /^([a-z0-9-]+):(\d+(?:\.\d+)?)$/.exec(item);
    if (!fault) throw new FaultSpecError(`'${item}' is neither KIND:PROBABILITY nor OPTION=VALUE`);
    const [, kind = '', p = ''] = fault;
    if (!(faultKinds as readonly string[]).includes(kind)) throw new FaultSpecError(`unknown fault '${kind}' (faults: ${faultKinds.join(', ')})`);
    const probability = Number(p);
    if (probability > 1) throw new FaultSpecError(`probability of ${kind} is above 1`);
    if (plan.probabilities.some((entry) => entry.kind === kind)) throw new FaultSpecError(`${kind} is given twice`);
    plan.probabilities.push({ kind: kind as FaultKind, probability });
    total += probability;
  }
  // A little slack for decimal sums such as 0.1 + 0.2.
  if (total > 1 + 1e-9) throw new FaultSpecError(`probabilities add up to ${total}, more than 1`);
  return plan;
}

/** mulberry32: small, fast, and enough for choosing faults; not for anything secret. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws faults for requests in arrival order and counts what it injected. */
export class FaultInjector {
  private next: () => number;
  readonly injected = new Map<FaultKind, number>();
  requests = 0;

  constructor(private current: FaultPlan) {
    this.next = generator(current.seed);
  }

  get plan(): FaultPlan {
    return this.current;
  }

  /** Replaces the plan and restarts its generator (counts are kept). */
  replace(plan: FaultPlan): void {
    this.current = plan;
    this.next = generator(plan.seed);
  }

  /** The fault for one request on `route`, or null. Every kiosk request draws, so the order is stable. */
  draw(route: FaultRoute): FaultKind | null {
    this.requests += 1;
    const r = this.next();
    if (!this.current.routes.has(route)) return null;
    let edge = 0;
    for (const { kind, probability } of this.current.probabilities) {
      edge += probability;
      if (r < edge) {
        this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
        return kind;
      }
    }
    return null;
  }
}
