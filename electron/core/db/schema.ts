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
  contentSha256: text('content_sha256'),
  dedupeKey: text('dedupe_key'),
  quarantineReason: text('quarantine_reason'),
  acknowledgedAt: text('acknowledged_at'),
  purgedAt: text('purged_at'),
  /** Non-null: this row withdraws the record it supersedes (migration 0005). */
  withdrawalReason: text('withdrawal_reason'),
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

export const kioskIdentity = sqliteTable('kiosk_identity', {
  id: integer('id').primaryKey(),
  kioskId: text('kiosk_id').notNull(),
  keyId: text('key_id').notNull(),
  publicKey: text('public_key').notNull(),
  createdAt: text('created_at').notNull(),
  enrolledAt: text('enrolled_at'),
  platformUrl: text('platform_url'),
});

export const blobs = sqliteTable('blobs', {
  sha256: text('sha256').primaryKey(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }),
  createdAt: text('created_at').notNull(),
  purgedAt: text('purged_at'),
});

export const consentSnapshots = sqliteTable('consent_snapshots', {
  registrationId: text('registration_id').primaryKey(),
  seq: integer('seq').notNull().unique(),
  sha256: text('sha256').notNull().unique(),
  prevHash: text('prev_hash').notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
  body: text('body'),
  signaturePngSha256: text('signature_png_sha256').notNull(),
  createdAt: text('created_at').notNull(),
  purgedAt: text('purged_at'),
});

export const outbox = sqliteTable('outbox', {
  registrationId: text('registration_id').primaryKey(),
  enqueuedAt: text('enqueued_at').notNull(),
  nextAttemptAt: text('next_attempt_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  batchId: text('batch_id'),
});

export const batches = sqliteTable('batches', {
  id: text('id').primaryKey(),
  transport: text('transport', { enum: ['network', 'usb'] }).notNull(),
  state: text('state').notNull(),
  recordCount: integer('record_count').notNull(),
  byteCount: integer('byte_count').notNull(),
  createdAt: text('created_at').notNull(),
  sentAt: text('sent_at'),
  completedAt: text('completed_at'),
  serverTime: text('server_time'),
  receipt: text('receipt'),
  receiptSignature: text('receipt_signature'),
  error: text('error'),
});

export const batchItems = sqliteTable(
  'batch_items',
  {
    batchId: text('batch_id').notNull(),
    registrationId: text('registration_id').notNull(),
    outcome: text('outcome'),
    reason: text('reason'),
    fields: text('fields'),
    decidedAt: text('decided_at'),
  },
  (table) => [primaryKey({ columns: [table.batchId, table.registrationId] })],
);

export const syncAttempts = sqliteTable('sync_attempts', {
  id: integer('id').primaryKey(),
  kind: text('kind').notNull(),
  batchId: text('batch_id'),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  result: text('result').notNull(),
  httpStatus: integer('http_status'),
  error: text('error'),
  retryAfterMs: integer('retry_after_ms'),
});

export const schema = {
  operators,
  settings,
  registrations,
  auditLog,
  agreementVersions,
  kioskIdentity,
  blobs,
  consentSnapshots,
  outbox,
  batches,
  batchItems,
  syncAttempts,
};
