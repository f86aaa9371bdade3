// The command lines as the README gives them, run through npm like a person would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentResponseSchema, FaultsStateSchema } from '../../shared/sync';
import { ADMIN_TOKEN_FILE } from './adminToken';
import { answer, call } from './testClient';

const root = new URL('../..', import.meta.url).pathname;
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  // npm does not pass a signal on to tsx's node process: stop the whole group and wait for it.
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'platform-cli-'));
  dirs.push(dir);
  return dir;
}

function platformSync(...args: string[]) {
  return spawnSync('npm', ['run', '-s', 'platform', '--', ...args], { cwd: root, encoding: 'utf8' });
}

/** Starts the server and resolves with everything it printed up to its first line. */
function startServer(...args: string[]): Promise<{ child: ChildProcess; firstLine: string; output: () => string }> {
  const child = spawn('npm', ['run', '-s', 'platform', '--', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve({ child, firstLine: stdout.slice(0, newline), output: () => stdout });
    });
    child.once('exit', (code) => reject(new Error(`platform exited ${code}: ${stderr}`)));
  });
}

describe('npm run platform', () => {
  it('prints one line with its URL, serves the protocol, and the enrol-code command gives a working one-time code', async () => {
    const dataDir = tempDir();
    const code = platformSync('enrol-code', '--data-dir', dataDir);
    expect(code.status, code.stderr).toBe(0);
    expect(code.stdout).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\n$/);

    const { firstLine, output } = await startServer('--port', '0', '--data-dir', dataDir);
    const match = /^Platform: (http:\/\/127\.0\.0\.1:(\d+))$/.exec(firstLine);
    expect(match, firstLine).not.toBeNull();
    const url = match?.[1] ?? '';
    const kiosk = { code: code.stdout.trim(), kiosk_id: uuidv7(), public_key: Buffer.alloc(32, 7).toString('base64') };
    const enrolled = answer(await call(url, 'POST', '/v1/enrolments', { body: kiosk }));
    expect(enrolled.status, enrolled.text).toBe(201);
    expect(EnrolmentResponseSchema.parse(enrolled.json).kiosk_id).toBe(kiosk.kiosk_id);
    const again = answer(await call(url, 'POST', '/v1/enrolments', { body: { ...kiosk, kiosk_id: uuidv7() } }));
    expect(again.status).toBe(403);
    expect(output()).toBe(`${firstLine}\n`);
  });

  it('takes a fault spec and a fixed port', async () => {
    const dataDir = tempDir();
    const { firstLine } = await startServer('--port', '0', '--data-dir', dataDir, '--faults', '503:1,retry-after=9,seed=3');
    const url = firstLine.replace('Platform: ', '');
    const token = readFileSync(join(dataDir, ADMIN_TOKEN_FILE), 'utf8').trim();
    const faulted = answer(await call(url, 'GET', `/v1/agreements?since=0`));
    expect(faulted.status).toBe(503);
    expect(faulted.headers['retry-after']).toBe('9');
    const state = FaultsStateSchema.parse(answer(await call(url, 'GET', '/v1/admin/faults', { token })).json);
    expect(state).toMatchObject({ spec: '503:1,retry-after=9,seed=3', injected: { '503': 1 }, requests: 1 });
  });

  it('refuses a bad fault spec and a missing data dir with a message and a non-zero exit', () => {
    const bad = platformSync('--port', '0', '--data-dir', tempDir(), '--faults', 'explode:1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown fault');
    expect(bad.stdout).toBe('');
    const missing = platformSync('enrol-code');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--data-dir is required');
  });
});
