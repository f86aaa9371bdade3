import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/core';
import { CliError, runCli } from '.';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the admin CLI', () => {
  let dataDir: string;
  let lines: string[];
  const run = (...args: string[]) => runCli([...args, '--data-dir', dataDir], { out: (t) => lines.push(t), env: {} });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds an operator and reports queue stats as JSON', async () => {
    dataDir = tempDir();
    lines = [];
    await run('operator', 'add', '--id', 'it01', '--name', '王工', '--role', 'it_admin', '--pin', '246810');
    expect(lines.pop()).toBe('已添加操作员 it01（it_admin）。');
    await run('operator', 'list', '--json');
    expect(JSON.parse(lines.pop() ?? '')).toMatchObject([{ staffId: 'it01', role: 'it_admin' }]);
    await run('queue', 'stats', '--json');
    const stats = JSON.parse(lines.pop() ?? '') as { total: number; byState: Record<string, number> };
    expect(stats.total).toBe(0);
    expect(Object.keys(stats.byState)).toContain('queued');
  });

  it('validates arguments with the contract schemas', async () => {
    dataDir = tempDir();
    lines = [];
    await expect(run('operator', 'add', '--id', 'x', '--name', '王工', '--role', 'boss', '--pin', '12')).rejects.toThrow(CliError);
    await expect(run('operator', 'add', '--id', 'x', '--name', '王工', '--role', 'boss', '--pin', '12')).rejects.toThrow(
      /PIN 码应为 6-12 位数字/,
    );
    await expect(run('frobnicate')).rejects.toThrow(/未知命令/);
  });

  it('creates, lists and restores encrypted backups', async () => {
    dataDir = tempDir();
    lines = [];
    await run('operator', 'add', '--id', 'it01', '--name', '王工', '--role', 'it_admin', '--pin', '246810');
    await run('backup', 'create', '--json');
    const { file } = JSON.parse(lines.pop() ?? '') as { file: string };
    await run('operator', 'add', '--id', 'op02', '--name', '李', '--role', 'operator', '--pin', '135790');
    await run('backup', 'list', '--json');
    expect((JSON.parse(lines.pop() ?? '') as { file: string }[]).map((b) => b.file)).toContain(file);
    await run('backup', 'restore', file);
    expect(lines.pop()).toContain(`已从备份 ${file} 恢复数据库`);
    await run('operator', 'list', '--json');
    expect((JSON.parse(lines.pop() ?? '') as { staffId: string }[]).map((o) => o.staffId)).toEqual(['it01']);
    await expect(run('backup', 'restore', 'kiosk-nope.db')).rejects.toThrow(/找不到备份/);
  });

  it('exits non-zero with the message on stderr when a command fails', () => {
    dataDir = tempDir();
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', 'operator', 'unlock', '--id', 'nobody', '--data-dir', dataDir],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('未找到该记录');
    expect(result.stdout).toBe('');
  });
});
