// The text of the dialog shown when the kiosk cannot start: what is wrong and what IT should do.
import { join } from 'node:path';
import { translate, type Locale } from '../../shared/i18n';
import { startupErrorMessage } from '../core/startup';
import { KeyStorageRefused } from './keyStore';
import { SHELL_CONFIG_FILE, ShellConfigError } from './shellConfig';

export function shellStartupMessage(error: unknown, dataDir: string, locale: Locale): string {
  const reason = (() => {
    if (error instanceof ShellConfigError) return translate(locale, 'shell.configInvalid', { file: error.file, detail: error.detail });
    if (error instanceof KeyStorageRefused) {
      return error.reason === 'plain_text'
        ? translate(locale, 'shell.keyStoragePlainText', { file: join(dataDir, SHELL_CONFIG_FILE) })
        : translate(locale, 'shell.keyStorageUnavailable');
    }
    return startupErrorMessage(error, dataDir, locale) ?? translate(locale, 'errors.internal');
  })();
  return translate(locale, 'shell.startFailed', { reason });
}
