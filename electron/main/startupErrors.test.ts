import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWarningCodes } from '../../shared/domain/shell';
import { isMessageKey } from '../../shared/i18n';
import { DatabaseOpenError } from '../core/db/open';
import { KeyStorageRefused } from './keyStore';
import { ShellConfigError } from './shellConfig';
import { shellStartupMessage } from './startupErrors';

const dataDir = join('/srv', 'kiosk-data');

describe('shellStartupMessage', () => {
  it('tells IT how to allow basic_text, naming the settings file', () => {
    const message = shellStartupMessage(new KeyStorageRefused('plain_text'), dataDir, 'zh-CN');
    expect(message).toMatch(/^登记机无法启动：/);
    expect(message).toContain(join(dataDir, 'shell.json'));
    expect(message).toContain('allowBasicTextKeyStorage');
    expect(shellStartupMessage(new KeyStorageRefused('plain_text'), dataDir, 'en')).toMatch(/^The kiosk cannot start: .*keyring/);
  });

  it('says when the keychain is unavailable', () => {
    expect(shellStartupMessage(new KeyStorageRefused('unavailable'), dataDir, 'en')).toContain('encrypted storage is unavailable');
  });

  it('names the broken settings file and what is wrong in it', () => {
    const message = shellStartupMessage(new ShellConfigError('/srv/kiosk-data/shell.json', 'kioskMode: expected boolean'), dataDir, 'zh-CN');
    expect(message).toContain('/srv/kiosk-data/shell.json');
    expect(message).toContain('kioskMode: expected boolean');
  });

  it('explains database failures as the CLI and host do', () => {
    const message = shellStartupMessage(new DatabaseOpenError('database_key_missing', 'no key'), dataDir, 'zh-CN');
    expect(message).toContain(join(dataDir, 'kiosk.db'));
    expect(message).toContain('找不到它的密钥');
  });

  it('falls back to the internal-error text, never the exception\'s own words', () => {
    const message = shellStartupMessage(new Error('SQLITE_CORRUPT at 0x3f: 11010519491231002X'), dataDir, 'zh-CN');
    expect(message).not.toContain('SQLITE');
    expect(message).toContain('系统内部错误');
  });
});

describe('shell catalogue', () => {
  it('has a text for every warning the shell can raise', () => {
    expect(shellWarningCodes.filter((code) => !isMessageKey(`shell.warning.${code}`))).toEqual([]);
  });
});
