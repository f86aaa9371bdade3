// Append-only audit log, hash-chained: each entry's hash covers the previous hash, so a removed or
// edited entry breaks the chain. Details carry ids and codes, never personal data.
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { preparedPerDb } from '../db/prepared';
import { auditLog } from '../db/schema';

export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  details: Record<string, string | number | boolean | null>;
}

export function auditHash(prevHash: string, entry: AuditEntry): string {
  const body = JSON.stringify([prevHash, entry.at, entry.actor, entry.action, entry.subject, entry.details]);
  return createHash('sha256').update(body).digest('hex');
}

const statements = preparedPerDb((db) => ({
  last: db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).prepare(),
  insert: db
    .insert(auditLog)
    .values({
      at: sql.placeholder('at'),
      actor: sql.placeholder('actor'),
      action: sql.placeholder('action'),
      subject: sql.placeholder('subject'),
      details: sql.placeholder('details'),
      prevHash: sql.placeholder('prevHash'),
      hash: sql.placeholder('hash'),
    })
    .prepare(),
}));

/** Appends one entry; call inside the transaction whose change it records. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const { last, insert } = statements(db);
  const prevHash = last.get()?.hash ?? AUDIT_GENESIS;
  insert.run({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: JSON.stringify(entry.details),
    prevHash,
    hash: auditHash(prevHash, entry),
  });
}

/** Recomputes the chain; returns the sequence numbers of entries that do not verify. */
export function verifyAuditChain(db: Db): number[] {
  const broken: number[] = [];
  let prevHash = AUDIT_GENESIS;
  for (const row of db.select().from(auditLog).orderBy(auditLog.seq).all()) {
    const entry: AuditEntry = {
      at: row.at,
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      details: JSON.parse(row.details) as AuditEntry['details'],
    };
    if (row.prevHash !== prevHash || row.hash !== auditHash(prevHash, entry)) broken.push(row.seq);
    prevHash = row.hash;
  }
  return broken;
}
