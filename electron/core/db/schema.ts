// Drizzle table definitions for queries. The SQL in migrations/ is the source of truth for the
// database; schema.test.ts checks that these definitions match it column for column.
import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const operators = sqliteTable('operators', {
  staffId: text('staff_id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['operator', 'it_admin'] }).notNull(),
  pinHash: text('pin_hash').notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: text('locked_until'),
  createdAt: text('created_at').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const registrations = sqliteTable('registrations', {
  id: text('id').primaryKey(),
  number: text('number').notNull().unique(),
  kind: text('kind', { enum: ['individual', 'enterprise'] }).notNull(),
  state: text('state').notNull(),
  payload: text('payload').notNull(),
  supersedes: text('supersedes'),
  operatorId: text('operator_id').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  actor: text('actor'),
  action: text('action').notNull(),
  subject: text('subject'),
  details: text('details').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const agreementVersions = sqliteTable(
  'agreement_versions',
  {
    agreementId: text('agreement_id').notNull(),
    version: text('version').notNull(),
    title: text('title').notNull(),
    locale: text('locale').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    supersedes: text('supersedes'),
    publishedAt: text('published_at'),
    sourceFile: text('source_file').notNull(),
    sourceSha256: text('source_sha256').notNull(),
    sourceBytes: blob('source_bytes', { mode: 'buffer' }).notNull(),
    canonicalSha256: text('canonical_sha256').notNull(),
    canonicalText: text('canonical_text').notNull(),
    document: text('document').notNull(),
    warnings: text('warnings').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by'),
  },
  (table) => [primaryKey({ columns: [table.agreementId, table.version] })],
);

export const schema = { operators, settings, registrations, auditLog, agreementVersions };
