// `kiosk backup list|create|restore`. Restore runs with the database closed: it checks the backup
// opens with the key and passes integrity_check before anything is replaced.
import { translate, type Locale } from '../../shared/i18n';
import type { KioskCore } from '../core';
import { DATABASE_FILE, existingDatabaseKey } from '../core/db';
import { listBackups, restoreBackup } from '../core/db/backup';
import { FileKeyStore } from '../core/platform/keyStore';
import { systemClock } from '../core/platform/clock';

export interface BackupIo {
  out: (text: string) => void;
}

export function isBackupRestore(words: readonly string[]): boolean {
  return words[0] === 'backup' && words[1] === 'restore';
}

/** `backup list` and `backup create`, on an open core; returns false for other commands. */
export function runBackupCommand(core: KioskCore, words: readonly string[], json: boolean, io: BackupIo, locale: Locale): boolean {
  if (words[0] !== 'backup') return false;
  if (words[1] === 'list' && words.length === 2) {
    const backups = core.maintenance.list();
    if (json) io.out(JSON.stringify(backups.map(({ file, createdAt, reason, bytes }) => ({ file, createdAt, reason, bytes }))));
    else for (const b of backups) io.out(`${b.file}\t${b.createdAt}\t${b.reason}\t${b.bytes}`);
    return true;
  }
  if (words[1] === 'create' && words.length === 2) {
    const backup = core.maintenance.backupNow('manual');
    io.out(json ? JSON.stringify({ file: backup.file, bytes: backup.bytes }) : translate(locale, 'cli.backupCreated', { file: backup.file }));
    return true;
  }
  return false;
}

/** `backup restore FILE`, with no core open. */
export function runBackupRestore(dataDir: string, words: readonly string[], io: BackupIo, locale: Locale): void {
  const file = words[2];
  if (!file || words.length !== 3) throw new Error(translate(locale, 'cli.usage'));
  const known = listBackups(dataDir).map((b) => b.file);
  if (!known.includes(file)) throw new Error(translate(locale, 'cli.backupNotFound', { file }));
  const key = existingDatabaseKey(new FileKeyStore(dataDir));
  const replaced = restoreBackup(dataDir, DATABASE_FILE, key, file, systemClock.now());
  io.out(translate(locale, 'cli.backupRestored', { file, replaced }));
}
