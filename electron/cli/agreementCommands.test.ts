import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/core';
import { importAgreement } from '../core/agreements';
import { CliError, runCli } from '.';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shipped001 = join(root, 'resources', 'agreements', '001_1d621e8857804fde.txt');

describe('kiosk agreement', () => {
  let dir: string;
  let lines: string[];
  const run = (...args: string[]) => runCli(args, { out: (text) => lines.push(text), env: {} });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the imported document with its hashes as JSON without a data dir, storing nothing', () => {
    dir = tempDir();
    const home = join(dir, 'home');
    // A separate process with HOME and XDG_CONFIG_HOME in a temp dir: any data dir would appear there.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'agreement', 'import', shipped001, '--json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), KIOSK_DATA_DIR: '' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown> & { sections: unknown[] };
    const expected = importAgreement(readFileSync(shipped001), { fileName: '001_1d621e8857804fde.txt' });
    expect(printed).toMatchObject({
      title: '奥集能服务平台用户服务协议',
      publishedAt: null,
      preamble: expected.document.preamble,
      canonicalSha256: expected.canonicalSha256,
      sourceSha256: expected.sourceSha256,
      warnings: [],
    });
    expect(printed.sections).toHaveLength(15);
    expect(existsSync(home)).toBe(false);
  });

  it('stores a version with --id --version --effective and lists it', async () => {
    dir = tempDir();
    lines = [];
    const dataDir = join(dir, 'data');
    await run('agreement', 'import', shipped001, '--id', 'aojineng-user-service', '--version', '2.0', '--effective', '2099-03-01', '--data-dir', dataDir);
    expect(lines.pop()).toMatch(/^已保存协议 aojineng-user-service 的版本 2\.0（2099-03-01 00:00 起生效，正文校验码 [0-9a-f]{12}）。$/);
    await run('agreement', 'import', shipped001, '--id', 'aojineng-user-service', '--version', '2.0', '--effective', '2099-03-01', '--data-dir', dataDir);
    expect(lines.pop()).toBe('协议 aojineng-user-service 的版本 2.0 已保存过相同内容，未做改动。');
    await run('agreement', 'list', '--json', '--data-dir', dataDir);
    const versions = JSON.parse(lines.pop() ?? '') as { agreementId: string; version: string; status: string; supersedes: string | null }[];
    expect(versions.filter((v) => v.agreementId === 'aojineng-user-service')).toEqual([
      expect.objectContaining({ version: '2.0', status: 'scheduled', supersedes: '1.0' }),
      expect.objectContaining({ version: '1.0', status: 'active' }),
    ]);
    expect(versions).not.toContainEqual(expect.objectContaining({ canonicalText: expect.anything() }));
  });

  it('explains what is missing or wrong, in Chinese, and stores nothing', async () => {
    dir = tempDir();
    lines = [];
    const dataDir = join(dir, 'data');
    await expect(run('agreement', 'import', shipped001, '--id', 'x-terms', '--data-dir', dataDir)).rejects.toThrow(
      '保存协议版本需要同时给出 --id、--version 和 --effective（缺少 --version --effective）。只预览时请去掉这些参数。',
    );
    await expect(
      run('agreement', 'import', shipped001, '--id', 'x-terms', '--version', '1', '--effective', '2026-02-30', '--data-dir', dataDir),
    ).rejects.toThrow(/--effective: 生效日期格式应为 2025-01-31/);
    const pdf = join(dir, 'terms.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    await expect(run('agreement', 'import', pdf, '--json')).rejects.toThrow(
      new CliError('只能导入 .txt 或 .md 格式的协议文件，请另存为纯文本后重试。'),
    );
    await expect(run('agreement', 'import', join(dir, 'missing.txt'))).rejects.toThrow(/无法读取文件 .*missing\.txt：ENOENT/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a second text under a stored version label', async () => {
    dir = tempDir();
    lines = [];
    const dataDir = join(dir, 'data');
    const changed = join(dir, 'changed.txt');
    writeFileSync(changed, readFileSync(shipped001, 'utf8').replace('欢迎您使用奥集能', '欢迎使用奥集能'));
    await expect(
      run('agreement', 'import', changed, '--id', 'aojineng-user-service', '--version', '1.0', '--effective', '2024-01-01', '--data-dir', dataDir),
    ).rejects.toThrow('协议 aojineng-user-service 的版本 1.0 已保存过不同的正文。已保存的版本不能修改；如果这是新版本，请换一个新的版本号后重试。');
  });
});
