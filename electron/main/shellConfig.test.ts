import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readShellConfig, SHELL_CONFIG_FILE, ShellConfigError } from './shellConfig';

describe('readShellConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-shell-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const write = (value: unknown) => writeFileSync(join(dataDir, SHELL_CONFIG_FILE), typeof value === 'string' ? value : JSON.stringify(value));

  it('locks down, refuses basic_text and leaves updates off when there is no file', () => {
    expect(readShellConfig(dataDir)).toEqual({
      kioskMode: true,
      allowBasicTextKeyStorage: false,
      receiptPrinter: null,
      updates: { feedUrl: null, channel: 'stable', checkEveryHours: 6, quietHours: { from: 2, to: 5 } },
    });
  });

  it('reads what IT set and fills in the rest', () => {
    write({ allowBasicTextKeyStorage: true, receiptPrinter: 'HP LaserJet 前台', updates: { feedUrl: 'https://updates.example.cn/kiosk/', channel: 'beta' } });
    expect(readShellConfig(dataDir)).toEqual({
      kioskMode: true,
      allowBasicTextKeyStorage: true,
      receiptPrinter: 'HP LaserJet 前台',
      updates: { feedUrl: 'https://updates.example.cn/kiosk/', channel: 'beta', checkEveryHours: 6, quietHours: { from: 2, to: 5 } },
    });
  });

  it.each([
    ['a file that is not JSON', '{ kioskMode: false'],
    ['a misspelt key, which would otherwise be silently ignored', { kioskmode: false }],
    ['a kiosk flag that is not a boolean', { kioskMode: 'no' }],
    ['an update server over plain http', { updates: { feedUrl: 'http://updates.example.cn/kiosk/' } }],
    ['an unknown channel', { updates: { channel: 'nightly' } }],
    ['an hour out of range', { updates: { quietHours: { from: 2, to: 24 } } }],
    ['an empty quiet window', { updates: { quietHours: { from: 3, to: 3 } } }],
    ['a check interval of zero', { updates: { checkEveryHours: 0 } }],
  ])('refuses %s, naming the file', (_name, content) => {
    write(content);
    expect(() => readShellConfig(dataDir)).toThrow(ShellConfigError);
    expect(() => readShellConfig(dataDir)).toThrow(join(dataDir, SHELL_CONFIG_FILE));
  });
});
