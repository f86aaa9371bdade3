// Kills a submitting child with SIGKILL at random moments, again and again, and after every kill
// checks the database: integrity_check is ok, every id the child reported as saved is there and
// complete, and nothing is half-written.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleChild, projectRoot } from '../support/childBundle';
import { DATABASE_FILE } from '../../electron/core/db';
import { openEncryptedDatabase } from '../../electron/core/db/open';
import { createTestCore, setUpAccounts } from '../support/core';
import { databaseKeyOf } from '../support/scan';

export interface CrashRunOptions {
  kills: number;
  seed: number;
  onProgress?: (done: number, result: CrashRunResult) => void;
}

export interface CrashRunResult {
  kills: number;
  killedBeforeReady: number;
  saved: number;
  rowsFound: number;
  checks: number;
  problems: string[];
  durationMs: number;
}

/** A small deterministic generator, so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}



interface ChildRun {
  saved: string[];
  reachedReady: boolean;
  stderr: string;
  exitedByItself: boolean;
}

function runChildUntilKilled(script: string, dataDir: string, firstIndex: number, next: () => number): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, dataDir, String(firstIndex)], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { saved: [], reachedReady: false, stderr: '', exitedByItself: true };
    let buffer = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => {
      run.exitedByItself = false;
      child.kill('SIGKILL');
    };
    // A quarter of the kills land at any moment of start-up (opening, migrating, logging in).
    if (next() < 0.25) timer = setTimeout(kill, Math.floor(next() * 200));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (line === 'ready') {
          run.reachedReady = true;
        } else if (line.startsWith('saved ')) {
          run.saved.push(line.slice(6));
          // The rest land while submits are running: from the first saved record on, however slow
          // the machine is, at a random moment within the next 200 ms.
          timer ??= setTimeout(kill, Math.floor(next() * 200));
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString('utf8')));
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve(run);
    });
  });
}

/** What is wrong with the database after a kill, given every id reported as saved so far. */
function inspect(dataDir: string, savedIds: ReadonlySet<string>): { problems: string[]; rows: number } {
  const db = openEncryptedDatabase(join(dataDir, DATABASE_FILE), databaseKeyOf(dataDir));
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const rows = db.prepare('SELECT id, payload FROM registrations').all() as { id: string; payload: string }[];
    const present = new Set(rows.map((row) => row.id));
    const audited = new Set(
      db.prepare("SELECT subject FROM audit_log WHERE action = 'registration.submit'").pluck().all() as string[],
    );
    for (const id of savedIds) if (!present.has(id)) problems.push(`saved but missing: ${id}`);
    const snapshots = new Map(
      (
        db
          .prepare('SELECT s.registration_id AS id, s.body, b.bytes FROM consent_snapshots s LEFT JOIN blobs b ON b.sha256 = s.signature_png_sha256')
          .all() as { id: string; body: string | null; bytes: Buffer | null }[]
      ).map((row) => [row.id, row]),
    );
    const queued = new Set(db.prepare('SELECT registration_id FROM outbox').pluck().all() as string[]);
    for (const row of rows) {
      if (!audited.has(row.id)) problems.push(`half-written (no audit entry): ${row.id}`);
      const payload = JSON.parse(row.payload) as { name?: string; idNumber?: string };
      if (!payload.name || !payload.idNumber) problems.push(`half-written (payload): ${row.id}`);
      const snapshot = snapshots.get(row.id);
      if (!snapshot?.body) problems.push(`half-written (no consent snapshot): ${row.id}`);
      else if (!snapshot.bytes || snapshot.bytes.length === 0) problems.push(`half-written (no signature image): ${row.id}`);
      if (!queued.has(row.id)) problems.push(`half-written (no outbox row): ${row.id}`);
    }
    if (snapshots.size !== rows.length) problems.push(`snapshots without their registration: ${snapshots.size - rows.length}`);
    return { problems, rows: rows.length };
  } finally {
    db.close();
  }
}

export async function runCrashTest({ kills, seed, onProgress }: CrashRunOptions): Promise<CrashRunResult> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  const dataDir = join(work, 'data');
  const next = random(seed);
  const result: CrashRunResult = { kills: 0, killedBeforeReady: 0, saved: 0, rowsFound: 0, checks: 0, problems: [], durationMs: 0 };
  let script = '';
  try {
    script = bundleChild(fileURLToPath(new URL('./child.ts', import.meta.url)), 'kiosk-crash');
    const setup = createTestCore({ dataDir });
    await setUpAccounts(setup.core);
    setup.core.close();
    const savedIds = new Set<string>();
    for (let kill = 0; kill < kills && result.problems.length === 0; kill++) {
      const run = await runChildUntilKilled(script, dataDir, kill * 10_000, next);
      if (run.exitedByItself) {
        result.problems.push(`child exited by itself: ${run.stderr.trim().split('\n')[0] ?? ''}`);
        break;
      }
      result.kills++;
      if (!run.reachedReady) result.killedBeforeReady++;
      for (const id of run.saved) savedIds.add(id);
      const { problems, rows } = inspect(dataDir, savedIds);
      result.checks++;
      result.rowsFound = rows;
      result.saved = savedIds.size;
      result.problems.push(...problems.slice(0, 10));
      onProgress?.(kill + 1, result);
    }
    return result;
  } finally {
    result.durationMs = Math.round(performance.now() - started);
    rmSync(work, { recursive: true, force: true });
    if (script) rmSync(script, { force: true });
  }
}
