import { describe, expect, it, vi } from 'vitest';
import { ShellReportSchema, type ShellWarningCode, type UpdateReport } from '../../shared/domain/shell';
import { createElectronShell } from './electronShell';

const update: UpdateReport = { state: 'idle', channel: 'stable', availableVersion: null, lastCheckAt: null, installRequested: false };

function shellWith(options: { plainText?: boolean; updateWarnings?: ShellWarningCode[]; recovered?: boolean } = {}) {
  const requestInstall = vi.fn();
  const shell = createElectronShell({
    version: '1.4.0',
    kioskMode: true,
    keyStorage: { backend: options.plainText ? 'basic_text' : 'gnome_libsecret', plainText: !!options.plainText },
    updates: { report: () => update, warnings: () => options.updateWarnings ?? [], requestInstall },
    recovery: { hasRecovered: () => !!options.recovered },
    outputReceipt: () => Promise.resolve({ method: 'dialog', file: null }),
  });
  return { shell, requestInstall };
}

describe('createElectronShell', () => {
  it('reports a well-formed status with no warnings when all is well', () => {
    const report = shellWith().shell.report();
    expect(ShellReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ shell: 'electron', version: '1.4.0', kioskMode: true, warnings: [] });
  });

  it('warns IT when the database key is stored with basic_text', () => {
    expect(shellWith({ plainText: true }).shell.report()).toMatchObject({
      keyStorage: { backend: 'basic_text', plainText: true },
      warnings: ['key_storage_plain_text'],
    });
  });

  it('adds the updater\'s warnings and a recovered renderer', () => {
    expect(shellWith({ plainText: true, updateWarnings: ['update_failed'], recovered: true }).shell.report().warnings).toEqual([
      'key_storage_plain_text',
      'update_failed',
      'renderer_recovered',
    ]);
  });

  it('passes IT\'s install request to the updater', () => {
    const { shell, requestInstall } = shellWith();
    shell.requestUpdateInstall();
    expect(requestInstall).toHaveBeenCalledTimes(1);
  });
});
