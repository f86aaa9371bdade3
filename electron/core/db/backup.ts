// Online backups: `VACUUM INTO` writes a consistent, compacted copy encrypted with the same key
// (SQLite3 Multiple Ciphers keeps the cipher), so a backup is as safe to leave on disk as the
// database itself. The newest N are kept. Restore checks the copy before it replaces anything and
// keeps the replaced database beside it.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { copyFileDurably } from '../platform/files';
import { checkIntegrity, openEncryptedDatabase, type SqliteDatabase } from './open';

export const BACKUP_DIR = 'backups';
const backupName = /^kiosk-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.db$/;

export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-restore' | 'after-purge' | 'pre-update';

export interface BackupInfo {
  file: string;
  path: string;
  createdAt: string;
  reason: string;
  bytes: number;
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function fromStamp(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : value;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((file) => {
      const match = backupName.exec(file);
      if (!match?.[1] || !match[2]) return [];
      const path = join(dir, file);
      return [{ file, path, createdAt: fromStamp(match[1]), reason: match[2], bytes: statSync(path).size }];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Writes a backup of the open database and keeps only the newest `keep`. */
export function createBackup(
  sqlite: SqliteDatabase,
  dataDir: string,
  at: Date,
  reason: BackupReason,
  keep: number,
): BackupInfo {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = `kiosk-${stamp(at)}-${reason}.db`;
  const path = join(dir, file);
  const temp = `${path}.partial`;
  rmSync(temp, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(temp);
  renameSync(temp, path);
  for (const old of listBackups(dataDir).slice(Math.max(1, keep))) rmSync(old.path, { force: true });
  return { file, path, createdAt: at.toISOString(), reason, bytes: statSync(path).size };
}

/** Deletes every backup except `keepFile`: used after retention so purged data leaves backups too. */
export function removeBackupsExcept(dataDir: string, keepFile: string): number {
  const old = listBackups(dataDir).filter((backup) => backup.file !== keepFile);
  for (const backup of old) rmSync(backup.path, { force: true });
  return old.length;
}

/**
 * Replaces the database (closed by the caller) with a backup, after checking the backup opens with
 * the key and passes integrity_check. The replaced files are kept as `kiosk.db.replaced-<time>`.
 */
export function restoreBackup(dataDir: string, databaseFile: string, key: Buffer, backupFile: string, at: Date): string {
  const source = join(dataDir, BACKUP_DIR, basename(backupFile));
  if (!existsSync(source)) throw new Error(`backup not found: ${basename(backupFile)}`);
  const check = openEncryptedDatabase(source, key);
  try {
    checkIntegrity(check, statSync(source).size);
    // Opening in WAL mode may leave side files; fold them back in before copying.
    check.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    check.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${source}${suffix}`, { force: true });
  const target = join(dataDir, databaseFile);
  const replaced = `${target}.replaced-${stamp(at)}`;
  if (existsSync(target)) renameSync(target, replaced);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${replaced}${suffix}`);
  }
  copyFileDurably(source, target);
  return replaced;
}
