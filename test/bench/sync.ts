// Item 2: registrations from a kiosk database to the reference platform (test/platform) over
// loopback with the kiosk's own sync engine (core.sync.runNow: cut batches from the outbox, build
// and sign the wire records, POST /v1/batches, verify and apply the signed receipts), the platform
// checking every signature, hash and chain link — against, in the same run, (a) the same batch
// JSON posted to a minimal node:http + SQLite server and (b) PouchDB replication of the same
// documents to express-pouchdb. Everything runs in this one process on 127.0.0.1.
import { v7 as uuidv7 } from 'uuid';
import { createWireRecords } from '../../electron/core/sync/wireRecords';
import type { WireRecord } from '../../shared/sync';
import { startPlatform } from '../platform/server';
import { replicateWithPouch } from './baselines/pouch';
import { postBatches, startRawServer } from './baselines/rawPipeline';
import { benchKioskWithAccounts, fillQueue } from './kiosk';
import type { BenchResults } from './report';
import { overallRate, rateSummary, ratio, summarize } from './stats';
import type { WorkDir } from './workdir';

export interface SyncSizes {
  records: number;
  batch: number;
}

export const syncSizes = (quick: boolean): SyncSizes => (quick ? { records: 600, batch: 200 } : { records: 10_000, batch: 500 });

const SECTION = 'sync';

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

interface Run {
  totalMs: number;
  /** Each batch: records it carried and how long it took. */
  batches: { items: number; ms: number }[];
}

function record(results: BenchResults, name: string, label: string, run: Run, records: number): number {
  const rate = overallRate(records, run.totalMs);
  const sizes = summarize(run.batches.map((batch) => batch.items));
  results.metric(`${name}.batch`, SECTION, `${label}: one batch (median ${sizes.p50} records)`, summarize(run.batches.map((batch) => batch.ms)), 'ms');
  results.metric(`${name}.rate`, SECTION, `${label}: per batch`, rateSummary(run.batches), 'registrations/s');
  results.metric(`${name}.total`, SECTION, `${label}: all ${records.toLocaleString('en')} (whole run, one value)`, { p50: rate, p99: rate, n: 1 }, 'registrations/s');
  return rate;
}

export async function benchSync(work: WorkDir, results: BenchResults, sizes: SyncSizes): Promise<void> {
  const platform = await startPlatform({ dataDir: work.folder('platform') });
  const kiosk = await benchKioskWithAccounts(work.folder('sync-kiosk'));
  try {
    const { core } = kiosk;
    core.settings.set('syncBatchMaxRecords', sizes.batch);
    const fillStart = performance.now();
    fillQueue(kiosk, sizes.records);
    const fillSeconds = (performance.now() - fillStart) / 1000;
    await core.sync.enrol({ platformUrl: platform.url, code: platform.enrolmentCode() }, 'it01');

    // Each applied batch is reported as progress; the gaps between reports are the batch times.
    const marks: number[] = [];
    const unsubscribe = core.events.subscribe((event) => {
      if (event.type === 'sync.progress') marks.push(performance.now());
    });
    const start = performance.now();
    const outcome = await core.sync.runNow();
    const totalMs = performance.now() - start;
    unsubscribe();
    if (outcome.error !== null || outcome.outcomes.accepted !== sizes.records || outcome.pending !== 0) {
      throw new Error(`the sync pass did not deliver every record: ${JSON.stringify(outcome)}`);
    }
    const held = Number(platform.db.prepare('SELECT count(*) FROM records').pluck().get());
    if (held !== sizes.records) throw new Error(`the platform holds ${held} of ${sizes.records} records`);
    const batches = marks.slice(1).map((mark, i) => ({ items: Math.min(sizes.batch, sizes.records - i * sizes.batch), ms: mark - marks[i]! }));
    const syncRate = record(results, 'sync.platform', 'kiosk sync engine → reference platform', { totalMs, batches }, sizes.records);

    // The baselines get exactly the records the kiosk sent, as the wire format has them.
    const wire = createWireRecords(core.database.sqlite, core.consent.signingKey);
    const ids = core.database.sqlite.prepare('SELECT id FROM registrations ORDER BY id').pluck().all() as string[];
    const records: WireRecord[] = ids.map((id) => wire.build(id));
    const bodies = chunks(records, sizes.batch).map((part) => JSON.stringify({ batch_id: uuidv7(), records: part }));
    const megabytes = bodies.reduce((total, body) => total + Buffer.byteLength(body), 0) / 2 ** 20;
    results.note(
      `sync: ${sizes.records.toLocaleString('en')} registrations saved through core.registrations.submit in ${fillSeconds.toFixed(1)} s before timing; ` +
        `${megabytes.toFixed(1)} MiB of batch JSON (${(megabytes * 1024 / sizes.records).toFixed(1)} KiB a record: payload, signed snapshot, signature PNG, consent texts).`,
    );

    const raw = await startRawServer(work.folder('raw-pipeline'));
    let rawRate: number;
    try {
      const rawStart = performance.now();
      const rawBatchMs = await postBatches(raw.url, bodies);
      const rawTotal = performance.now() - rawStart;
      if (raw.stored() !== sizes.records) throw new Error('the raw pipeline lost records');
      const rawBatches = rawBatchMs.map((ms, i) => ({ items: Math.min(sizes.batch, sizes.records - i * sizes.batch), ms }));
      rawRate = record(results, 'sync.raw_pipeline', 'baseline: fetch → node:http → JSON.parse → SQLite', { totalMs: rawTotal, batches: rawBatches }, sizes.records);
    } finally {
      await raw.close();
    }

    const pouch = await replicateWithPouch(
      work.folder('pouchdb'),
      records.map((wireRecord) => ({ _id: wireRecord.record_id, ...wireRecord })),
      sizes.batch,
    );
    const pouchRate = record(results, 'sync.pouchdb', 'baseline: PouchDB replication → express-pouchdb', pouch, sizes.records);

    results.ratio('sync_vs_raw_pipeline', ratio(syncRate, rawRate), 'sync.platform.total / sync.raw_pipeline.total', { bound: 'min', value: 0.7 });
    results.ratio('sync_vs_pouchdb', ratio(syncRate, pouchRate), 'sync.platform.total / sync.pouchdb.total', { bound: 'min', value: 3 });
  } finally {
    kiosk.close();
    await platform.close();
    work.removeAll();
  }
}
