// Composition for the processes that run core outside Electron (the loopback host and the CLI):
// key file store, file logger, system clock. Start-up failures become a message a person can act on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate, type Locale } from '../../shared/i18n';
import { KioskIdentityError } from './consent/identity';
import { DatabaseOpenError } from './db/open';
import { DATABASE_FILE } from './db';
import { createKioskCore, type KioskCore } from './index';
import { systemClock } from './platform/clock';
import { FileKeyStore } from './platform/keyStore';
import { createFileLogger } from './platform/logger';

/** The project's resources folder, for processes that run from the source tree. */
export const PROJECT_RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));

/** The kiosk's version as package.json gives it (the Electron app reports `app.getVersion()`, the same field). */
export function projectVersion(): string {
  try {
    const text = readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' && version !== '' ? version : 'unknown';
  } catch {
    // Only the heartbeat reads it: a missing file must not stop the kiosk from starting.
    return 'unknown';
  }
}

export function openCoreWithFileKeys(dataDir: string): KioskCore {
  const logger = createFileLogger(dataDir, systemClock);
  return createKioskCore({
    dataDir,
    resourcesDir: PROJECT_RESOURCES_DIR,
    clock: systemClock,
    keyStore: new FileKeyStore(dataDir),
    logger,
    appVersion: projectVersion(),
  });
}

/** The message for a failure to start, or null when it is not one we can explain. */
export function startupErrorMessage(error: unknown, dataDir: string, locale: Locale): string | null {
  if (error instanceof KioskIdentityError) return translate(locale, `consent.identity.${error.code}`, { path: join(dataDir, 'keys') });
  if (!(error instanceof DatabaseOpenError)) return null;
  return translate(locale, `cli.db.${error.code}`, { path: join(dataDir, DATABASE_FILE) });
}

/** The CLI's and host's language: KIOSK_LOCALE=en switches to English. */
export function processLocale(env: NodeJS.ProcessEnv): Locale {
  return env.KIOSK_LOCALE === 'en' ? 'en' : 'zh-CN';
}
