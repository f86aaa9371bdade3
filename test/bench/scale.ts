// Item 3: the queue at the size a busy kiosk reaches after years — a million records, a hundred
// thousand of them waiting — built fast with SQL in one transaction (like outbox/queries.test.ts),
// then the operations that must stay quick at that size: opening with the integrity check, the
// queue counts, picking the next batch, and applying a batch's receipt (records acknowledged).
import { statSync } from 'node:fs';
import { openKioskDatabase, type KioskDatabase } from '../../electron/core/db';
import { QUEUE_STATS_SQL, READY_FOR_BATCH_SQL } from '../../electron/core/outbox/queries';
import { FileKeyStore } from '../../electron/core/platform/keyStore';
import { createBatchStore } from '../../electron/core/sync/batchStore';
import type { WireRecords } from '../../electron/core/sync/wireRecords';
import type { RecordOutcome } from '../../shared/sync';
import { openBenchKiosk } from './kiosk';
import { sampleSync, type Runs } from './measure';
import type { BenchResults } from './report';
import { summarize } from './stats';
import type { WorkDir } from './workdir';

export interface ScaleSizes {
  records: number;
  pending: number;
  batch: number;
  open: Runs;
  queries: Runs;
  acknowledge: Runs;
  submit: Runs;
}

export const scaleSizes = (quick: boolean): ScaleSizes =>
  quick
    ? { records: 50_000, pending: 5_000, batch: 500, open: { warmup: 1, iterations: 3 }, queries: { warmup: 3, iterations: 30 }, acknowledge: { warmup: 1, iterations: 5 }, submit: { warmup: 10, iterations: 10 } }
    : { records: 1_000_000, pending: 100_000, batch: 500, open: { warmup: 1, iterations: 5 }, queries: { warmup: 5, iterations: 100 }, acknowledge: { warmup: 2, iterations: 20 }, submit: { warmup: 30, iterations: 50 } };

const SECTION = 'scale';
const NOW = new Date('2026-12-04T12:00:00.000Z');

/** A payload of the size a real individual registration stores (about 250 bytes of JSON). */
const PAYLOAD = JSON.stringify({
  kind: 'individual',
  name: '赵伟伟',
  idType: 'resident_id',
  idNumber: '370202196001010000',
  mobile: '13910000000',
  gender: 'female',
  birthDate: '1960-01-01',
  enterprise: { source: 'code', creditCode: '91350100M000100Y43' },
  email: 'someone@example.com',
});

/** Fills the queue: `pending` records queued with outbox rows, the rest accepted and acknowledged. */
function fill(kiosk: KioskDatabase, records: number, pending: number): void {
  kiosk.sqlite.exec(`
    INSERT INTO operators (staff_id, name, role, pin_hash, created_at) VALUES ('op01', 'x', 'operator', 'h', '2026-01-01T00:00:00.000Z');
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${records})
    INSERT INTO registrations (id, number, kind, state, payload, operator_id, created_at, updated_at, content_sha256, dedupe_key, acknowledged_at)
    SELECT printf('0190%04x-0000-7000-8000-%012x', i / 65536, i), printf('K-%08d', i), 'individual',
           CASE WHEN i > ${records - pending} THEN 'queued' ELSE 'accepted' END,
           json_set('${PAYLOAD}', '$.mobile', printf('139%08d', i)), 'op01',
           strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', printf('+%d seconds', i * 60)),
           strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', printf('+%d seconds', i * 60)),
           lower(hex(randomblob(32))), lower(hex(randomblob(32))),
           CASE WHEN i > ${records - pending} THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', printf('+%d seconds', i * 60 + 3600)) END
      FROM n;
    INSERT INTO outbox (registration_id, enqueued_at, next_attempt_at)
    SELECT id, created_at, created_at FROM registrations WHERE state = 'queued';
    ANALYZE;
  `);
}

/** Puts the next `size` due records into a batch as the engine's cut does (without building wire records). */
function openBatch(kiosk: KioskDatabase, id: string, size: number): string[] {
  const { sqlite } = kiosk;
  return sqlite
    .transaction(() => {
      const ids = sqlite.prepare(READY_FOR_BATCH_SQL).pluck().all(NOW.toISOString(), size) as string[];
      sqlite.prepare("INSERT INTO batches (id, transport, state, record_count, byte_count, created_at) VALUES (?, 'network', 'sending', ?, 0, ?)").run(id, ids.length, NOW.toISOString());
      const item = sqlite.prepare('INSERT INTO batch_items (batch_id, registration_id) VALUES (?, ?)');
      const claim = sqlite.prepare('UPDATE outbox SET batch_id = ? WHERE registration_id = ?');
      const sending = sqlite.prepare("UPDATE registrations SET state = 'sending' WHERE id = ?");
      for (const registrationId of ids) {
        item.run(id, registrationId);
        claim.run(id, registrationId);
        sending.run(registrationId);
      }
      return ids;
    })
    .immediate();
}

const unusedWire: WireRecords = {
  build: () => {
    throw new Error('the scale bench applies receipts only');
  },
};

export async function benchScale(work: WorkDir, results: BenchResults, sizes: ScaleSizes): Promise<void> {
  const dataDir = work.folder('scale');
  const keyStore = new FileKeyStore(dataDir);
  const now = () => NOW;
  try {
    let kiosk = openKioskDatabase(dataDir, keyStore, now);
    const buildStart = performance.now();
    kiosk.sqlite.transaction(() => fill(kiosk, sizes.records, sizes.pending)).immediate();
    const buildSeconds = (performance.now() - buildStart) / 1000;
    kiosk.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    kiosk.sqlite.close();
    const megabytes = statSync(kiosk.path).size / 2 ** 20;
    const label = `${sizes.records.toLocaleString('en')} records, ${sizes.pending.toLocaleString('en')} pending`;
    results.note(`scale: ${label}; encrypted file ${megabytes.toFixed(0)} MiB, built with SQL in ${buildSeconds.toFixed(1)} s.`);

    let check = '';
    const openMs = sampleSync(sizes.open, () => {
      const opened = openKioskDatabase(dataDir, keyStore, now);
      check = opened.integrityCheck;
      opened.sqlite.close();
    });
    results.metric('scale.open', SECTION, `openKioskDatabase (key, pragmas, ${check}, migrations), ${label}`, summarize(openMs), 'ms');

    kiosk = openKioskDatabase(dataDir, keyStore, now);
    const stats = kiosk.sqlite.prepare(QUEUE_STATS_SQL);
    const statsMs = sampleSync(sizes.queries, () => stats.all());
    results.metric('scale.queue_stats', SECTION, 'QUEUE_STATS_SQL (records per state, as queue.changed reads them)', summarize(statsMs), 'ms');

    const ready = kiosk.sqlite.prepare(READY_FOR_BATCH_SQL).pluck();
    const readyMs = sampleSync(sizes.queries, () => {
      if (ready.all(NOW.toISOString(), sizes.batch).length !== sizes.batch) throw new Error('fewer records due than a batch');
    });
    results.metric('scale.next_batch', SECTION, `READY_FOR_BATCH_SQL, ${sizes.batch} ids`, summarize(readyMs), 'ms');

    // The engine's own receipt handling: outcomes, records acknowledged, outbox rows gone, an audit entry.
    const store = createBatchStore({ db: kiosk.db, sqlite: kiosk.sqlite, wire: unusedWire });
    const batches = Array.from({ length: sizes.acknowledge.warmup + sizes.acknowledge.iterations }, (_, i) => {
      const id = `0190ffff-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const outcomes: RecordOutcome[] = openBatch(kiosk, id, sizes.batch).map((recordId, index) => ({
        index,
        record_id: recordId,
        outcome: 'accepted',
        content_sha256: null,
        held_content_sha256: null,
        errors: [],
      }));
      return { id, outcomes };
    });
    const ackMs = sampleSync(sizes.acknowledge, (i) => {
      const { id, outcomes } = batches[i]!;
      const counts = store.applyReceipt(id, { body: '{}', signature: '', serverTime: NOW.toISOString(), outcomes }, NOW);
      if (counts?.accepted !== sizes.batch) throw new Error('the receipt was not applied to the whole batch');
    });
    results.metric('scale.acknowledge', SECTION, `apply a receipt: ${sizes.batch} records acknowledged, 1 durable tx`, summarize(ackMs), 'ms');
    kiosk.sqlite.close();

    // The same submit as in the submit suite, on the full queue: what a kiosk feels after years.
    // Warmed up as long as the submit suite's, so the two differ by the stored records only (cold,
    // the image check's loops alone run several milliseconds before they are compiled).
    const full = openBenchKiosk(dataDir);
    try {
      const submissions = full.submissions(sizes.submit.warmup + sizes.submit.iterations);
      const submitMs = sampleSync(sizes.submit, (i) => full.core.registrations.submit(submissions[i]!.parsed, 'op01', 'zh-CN'));
      results.metric('scale.submit', SECTION, `core.registrations.submit with ${sizes.records.toLocaleString('en')} records stored`, summarize(submitMs), 'ms');
    } finally {
      full.close();
    }
  } finally {
    work.removeAll();
  }
}
