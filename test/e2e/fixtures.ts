// Each test gets its own loopback host on a free port with a fresh data folder; the fixture waits
// for the host's one-line readiness signal instead of sleeping.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findPersonalData } from '../support/personalData';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface KioskHost {
  /** The start URL with its token, as printed by the host. */
  url: string;
  dataDir: string;
}

function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const match = /^Kiosk UI: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/.exec(line);
      if (match?.[1]) resolve({ child, url: match[1] });
      else reject(new Error(`unexpected first line from the host: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr.join('')}`)));
  });
}

export const test = base.extend<{ kiosk: KioskHost }>({
  kiosk: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
    const { child, url } = await startHost(dataDir);
    await use({ url, dataDir });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // No personal data in logs (masked forms allowed): every test's log is checked before it goes.
    const logFile = join(dataDir, 'logs', 'kiosk.log');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    rmSync(dataDir, { recursive: true, force: true });
    expect(log.length, 'the host wrote a log').toBeGreaterThan(0);
    expect(findPersonalData(log), 'personal data in the log').toEqual([]);
  },
});

export { expect };
