// The chaos run: thousands of records through a platform that injects every kind of fault, with the
// kiosk process killed at random moments again and again. At the end the platform's set of records
// must equal the kiosk's — the same ids with the same content hashes — none held twice, none lost,
// and every record acknowledged on the kiosk. README.md in this folder says how to run it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleChild, projectRoot } from '../support/childBundle';
import { startPlatform } from '../platform/server';
import type { AdminRecord } from '../../shared/sync';
import { kioskStates, saveRegistrations, seededRandom, createSyncKiosk } from './support';

export interface ChaosOptions {
  records: number;
  kills: number;
  seed: number;
  batchSize: number;
  /** Probability of a fault per kiosk request, spread evenly over every kind. */
  faultRate: number;
  onProgress?: (line: string) => void;
}

export interface ChaosResult {
  records: number;
  kills: number;
  lives: number;
  injected: Record<string, number>;
  requests: number;
  platformHeld: number;
  platformDuplicates: number;
  chainGaps: number;
  kioskStates: Record<string, number>;
  missingOnPlatform: string[];
  unknownOnPlatform: string[];
  contentMismatches: string[];
  durationMs: number;
}

const FAULT_KINDS = ['500', '503', '429', 'reset-before', 'reset-after', 'drop-after-commit', 'delay', 'duplicate', 'slow-body'];
const REQUEST_TIMEOUT_MS = 800;


/** One life of the kiosk: killed after `killAfterMs` from its first batch (or from its start), unless it finishes first. */
function live(script: string, dataDir: string, plan: { killAtStart: boolean; killAfterMs: number } | null): Promise<{ killed: boolean; done: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, dataDir, String(REQUEST_TIMEOUT_MS)], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let killed = false;
    let done = false;
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => {
      if (done) return;
      killed = true;
      child.kill('SIGKILL');
    };
    if (plan?.killAtStart) timer = setTimeout(kill, plan.killAfterMs);
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (line === 'done') done = true;
        if (line === 'batch' && plan && !timer) timer = setTimeout(kill, plan.killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve({ killed, done, stderr });
    });
  });
}

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'kiosk-chaos-'));
  const kioskDir = join(work, 'kiosk');
  const next = seededRandom(options.seed);
  const platform = await startPlatform({ dataDir: join(work, 'platform') });
  let script = '';
  try {
    script = bundleChild(fileURLToPath(new URL('./chaosChild.ts', import.meta.url)), 'kiosk-chaos');
    // The kiosk: enrolled, its records saved, then closed; from here on only the children touch it.
    const setup = createSyncKiosk({ dataDir: kioskDir });
    setup.core.settings.set('syncBatchMaxRecords', options.batchSize);
    await saveRegistrations(setup.core, setup.clock, options.records);
    await setup.core.sync.enrol({ platformUrl: platform.url, code: platform.enrolmentCode() }, 'it01');
    setup.core.close();

    const each = options.faultRate / FAULT_KINDS.length;
    const spec = [...FAULT_KINDS.map((kind) => `${kind}:${each.toFixed(6)}`), `seed=${options.seed}`, 'retry-after=0', `delay-ms=${REQUEST_TIMEOUT_MS * 2}`, `slow-ms=${REQUEST_TIMEOUT_MS + 400}`].join(',');
    platform.faults.replace((await import('../platform/faults')).parseFaultSpec(spec));

    let kills = 0;
    let lives = 0;
    let finished = false;
    while (!finished) {
      const killing = kills < options.kills;
      // A third of the kills land while the child starts and reconciles; the rest while batches flow.
      const atStart = next() < 0.3;
      const plan = killing ? { killAtStart: atStart, killAfterMs: Math.floor(next() * (atStart ? 700 : 400)) } : null;
      const life = await live(script, kioskDir, plan);
      lives++;
      if (life.killed) kills++;
      else if (!life.done) throw new Error(`the kiosk stopped by itself: ${life.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
      finished = life.done;
      options.onProgress?.(`life ${lives}: ${life.killed ? 'killed' : 'done'} (${kills} kills)`);
      // A life that finished before its kill: start again only if kills are still owed and work remains.
    }

    platform.faults.replace((await import('../platform/faults')).parseFaultSpec(''));
    const held: AdminRecord[] = [];
    const rows = platform.db.prepare('SELECT record_id, content_sha256, seq, prev_hash, kiosk_id FROM records').all() as Array<{ record_id: string; content_sha256: string }>;
    for (const row of rows) held.push(row as unknown as AdminRecord);
    const gaps = platform.db
      .prepare('SELECT count(*) FROM records r WHERE r.seq > 1 AND NOT EXISTS (SELECT 1 FROM records p WHERE p.kiosk_id = r.kiosk_id AND p.seq = r.seq - 1 AND p.snapshot_sha256 = r.prev_hash)')
      .pluck()
      .get() as number;

    const check = createSyncKiosk({ dataDir: kioskDir });
    const kiosk = kioskStates(check.core);
    check.core.close();
    const states: Record<string, number> = {};
    for (const { state } of kiosk.values()) states[state] = (states[state] ?? 0) + 1;
    const platformIds = new Map(held.map((record) => [record.record_id, record.content_sha256]));
    return {
      records: kiosk.size,
      kills,
      lives,
      injected: Object.fromEntries(platform.faults.injected),
      requests: platform.faults.requests,
      platformHeld: held.length,
      platformDuplicates: held.length - platformIds.size,
      chainGaps: gaps,
      kioskStates: states,
      missingOnPlatform: [...kiosk.keys()].filter((id) => !platformIds.has(id)),
      unknownOnPlatform: [...platformIds.keys()].filter((id) => !kiosk.has(id)),
      contentMismatches: [...kiosk].filter(([id, row]) => platformIds.has(id) && platformIds.get(id) !== row.contentSha256).map(([id]) => id),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await platform.close();
    rmSync(work, { recursive: true, force: true });
    if (script) rmSync(script, { force: true });
  }
}
