// The consent commands of the admin CLI, on a data folder with signed snapshots: verify (exit 0 or
// 3 with the failures), registrations list (masked), evidence export, verify --package.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../test/support/core';
import { signRegistrations } from '../../test/support/consent';
import { findPersonalData } from '../../test/support/personalData';
import { CliError, runCli } from '.';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the consent commands', () => {
  let dataDir: string;
  let outDir: string;
  let ids: string[];
  let keyId: string;
  let lines: string[];
  const run = (...args: string[]) => runCli([...args, '--data-dir', dataDir], { out: (t) => lines.push(t), env: {} });
  const refusal = async (...args: string[]): Promise<CliError> => {
    try {
      await run(...args);
    } catch (error) {
      if (error instanceof CliError) return error;
      throw error;
    }
    throw new Error('the command succeeded');
  };
  /** Runs SQL on the data folder's database, as someone holding its key could. */
  const tamper = (sql: string) => {
    const kiosk = createTestCore({ dataDir });
    try {
      kiosk.core.database.sqlite.exec(sql);
    } finally {
      kiosk.core.close();
    }
  };

  beforeAll(() => {
    dataDir = tempDir();
    outDir = tempDir('kiosk-evidence-');
    const kiosk = createTestCore({ dataDir });
    ids = signRegistrations(kiosk.core, kiosk.clock, 3);
    keyId = kiosk.core.consent.identity.keyId;
    kiosk.core.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('verifies the stored chain', async () => {
    lines = [];
    await run('verify', '--json');
    expect(JSON.parse(lines.pop() ?? '')).toEqual({ ok: true, snapshots: 3, purged: [], failures: [] });
    await run('verify');
    expect(lines.pop()).toBe('校验通过：3 条同意快照（其中 0 条已按保存期限删除个人信息，仅校验哈希链）。');
  });

  it('lists registrations with personal data masked and their snapshot hashes', async () => {
    lines = [];
    await run('registrations', 'list', '--json');
    const output = lines.pop() ?? '';
    const items = JSON.parse(output) as Array<Record<string, unknown>>;
    expect(items.map((item) => item.id).sort()).toEqual([...ids].sort());
    expect(items[0]).toMatchObject({ kind: 'individual', state: 'queued', nameMasked: '张**', idNumberMasked: '1101**********002X', snapshotSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'idNumberMasked', 'kind', 'mobileMasked', 'nameMasked', 'number', 'snapshotSha256', 'state', 'withdrawal', 'withdrawn']);
    expect(findPersonalData(output)).toEqual([]);
  });

  it('exports a package that verifies with nothing else, and fails with any byte changed', async () => {
    lines = [];
    const dir = join(outDir, 'package');
    await run('evidence', 'export', ids[1] ?? '', '--out', dir);
    expect(lines.pop()).toBe(`已将登记 ${ids[1]} 的证据包导出到 ${dir}。`);
    // No data folder at all: what an auditor has.
    await runCli(['verify', '--package', dir, '--key-id', keyId], { out: (t) => lines.push(t), env: {} });
    expect(lines.pop()).toContain(`证据包校验通过：登记 ${ids[1]}`);

    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.nat(), fc.integer({ min: 1, max: 255 }), async (file, at, mask) => {
        const original = readFileSync(file);
        const changed = Buffer.from(original);
        const offset = at % changed.length;
        changed.writeUInt8(changed.readUInt8(offset) ^ mask, offset);
        writeFileSync(file, changed);
        try {
          const error = await refusal('verify', '--package', dir);
          expect(error.exitCode).toBe(3);
        } finally {
          writeFileSync(file, original);
        }
      }),
      { numRuns: 60 },
    );
    lines = [];
    await run('verify', '--package', dir, '--json');
    expect(JSON.parse(lines.pop() ?? '')).toMatchObject({ ok: true, registrationId: ids[1], keyId });
    const pinned = await refusal('verify', '--package', dir, '--key-id', 'f'.repeat(64));
    expect(pinned.exitCode).toBe(3);
  });

  it('refuses exports it cannot make, with the reason', async () => {
    const dir = join(outDir, 'used');
    await run('evidence', 'export', ids[0] ?? '', '--out', dir);
    await expect(run('evidence', 'export', ids[0] ?? '', '--out', dir)).rejects.toThrow(/已存在且不为空/);
    await expect(run('evidence', 'export', 'nope', '--out', join(outDir, 'nope'))).rejects.toThrow('登记 nope 没有同意快照。');
    await expect(run('evidence', 'export', ids[0] ?? '')).rejects.toThrow(/--out/);
    await expect(runCli(['verify', '--package', join(outDir, 'missing')], { out: () => {}, env: {} })).rejects.toThrow(/无法读取证据包.*ENOENT/);
  });

  it('refuses to verify a folder without a database instead of creating one', async () => {
    const empty = tempDir();
    try {
      await expect(runCli(['verify', '--data-dir', empty], { out: () => {}, env: { KIOSK_LOCALE: 'en' } })).rejects.toThrow(/There is no database/);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('lists the failures and exits with 3 when the chain does not verify', async () => {
    tamper(`UPDATE consent_snapshots SET body = replace(body, '"duration_ms":58500', '"duration_ms":99999') WHERE seq = 2`);
    lines = [];
    const error = await refusal('verify', '--json');
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe('校验未通过：2 处问题，见上方列表。');
    const report = JSON.parse(lines.pop() ?? '') as { ok: boolean; failures: Array<{ seq: number; check: string; registrationId: string }> };
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => [f.seq, f.check, f.registrationId])).toEqual([
      [2, 'body_hash', ids[1]],
      [2, 'signature', ids[1]],
    ]);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'verify', '--data-dir', dataDir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, KIOSK_LOCALE: 'en' },
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('Verification failed: 2 problems, listed above.\n');
    expect(result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t').slice(0, 3))).toEqual([
      ['2', ids[1], 'body_hash'],
      ['2', ids[1], 'signature'],
    ]);
  });

  it('names the consent commands in the help', async () => {
    lines = [];
    await run('--help');
    expect(lines.join('\n')).toContain('evidence export 登记ID --out 目录');
  });
});
