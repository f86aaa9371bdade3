// Item 2: registrations from a kiosk database to the reference platform (test/platform) over
// loopback with the kiosk's own sync engine (core.sync.runNow: cut batches from the outbox, build
// and sign the wire records, POST /v1/batches, verify and apply the signed receipts), the platform
// checking every signature, hash and chain link — against, in the same run, (a) the same batch
// JSON posted to a minimal node:http + SQLite server and (b) PouchDB replication of the same
// documents to express-pouchdb. On 127.0.0.1; the kiosk side (the kiosk, the raw pipeline's client,
// the local PouchDB) runs in this process, each receiving end (the platform, the raw server, the
// PouchDB server) in a process of its own (remote.ts), as on two machines.
import { v7 as uuidv7 } from 'uuid';
import { createWireRecords } from '../../electron/core/sync/wireRecords';
import type { WireEntry } from '../../shared/sync';
import { replicateWithPouch } from './baselines/pouch';
import { postBatches } from './baselines/rawPipeline';
import { benchKioskWithAccounts, fillQueue, type BenchKiosk } from './kiosk';
import { startRemote, type Remote } from './remote';
import type { BenchResults } from './report';
import { overallRate, rateSummary, ratio, summarize } from './stats';
import type { WorkDir } from './workdir';

export interface SyncSizes {
  records: number;
  batch: number;
  /**
   * Records each pipeline carries untimed first, in batches of `batch`, so each server (a fresh
   * process) is measured warm, as a long-running server is in the field.
   */
  warmUp: { records: number; batch: number };
}

const WARM_UP = { records: 200, batch: 25 };

export const syncSizes = (quick: boolean): SyncSizes => (quick ? { records: 600, batch: 200, warmUp: WARM_UP } : { records: 10_000, batch: 500, warmUp: WARM_UP });

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

/** Runs `measure` against a server of `kind` in its own process, closed afterwards whatever happens. */
async function withRemote<T>(remote: Promise<Remote>, measure: (server: Remote) => Promise<T>): Promise<T> {
  const server = await remote;
  try {
    return await measure(server);
  } finally {
    await server.close();
  }
}

/** The untimed first pass: the warm-up records through the same engine and platform. */
async function warmUpSync(kiosk: BenchKiosk, sizes: SyncSizes): Promise<void> {
  const { core } = kiosk;
  core.settings.set('syncBatchMaxRecords', sizes.warmUp.batch);
  const outcome = await core.sync.runNow();
  core.settings.set('syncBatchMaxRecords', sizes.batch);
  if (outcome.error !== null || outcome.outcomes.accepted !== sizes.warmUp.records || outcome.pending !== 0) {
    throw new Error(`the warm-up pass did not deliver its records: ${JSON.stringify(outcome)}`);
  }
}

export async function benchSync(work: WorkDir, results: BenchResults, sizes: SyncSizes): Promise<void> {
  const kiosk = await benchKioskWithAccounts(work.folder('sync-kiosk'));
  try {
    const { core } = kiosk;
    core.settings.set('syncBatchMaxRecords', sizes.batch);
    // Batches of `sizes.batch` records, as the baselines post them: with the pad's real signature
    // image 500 records are about 14 MiB, over the default byte limit (8 MiB), which would cut
    // smaller batches than the baselines get. The limit is an IT setting; its largest value is set.
    core.settings.set('syncBatchMaxBytes', 32 * 1024 * 1024);
    const registrationIds = core.database.sqlite.prepare('SELECT id FROM registrations ORDER BY id').pluck();
    let warmUpIds: string[] = [];
    let fillSeconds = 0;

    // Each applied batch is reported as progress; the gaps between reports are the batch times,
    // the growth of `sent` between them the batch's records.
    const marks: { at: number; sent: number }[] = [];
    const { totalMs } = await withRemote(startRemote('platform', work.folder('platform')), async (platform) => {
      if (!platform.enrolmentCode) throw new Error('the platform gave no enrolment code');
      await core.sync.enrol({ platformUrl: platform.url, code: platform.enrolmentCode }, 'it01');
      fillQueue(kiosk, sizes.warmUp.records);
      warmUpIds = registrationIds.all() as string[];
      await warmUpSync(kiosk, sizes);
      const fillStart = performance.now();
      fillQueue(kiosk, sizes.records);
      fillSeconds = (performance.now() - fillStart) / 1000;
      // The fill held this thread for longer than the platform keeps an idle connection open: let
      // fetch see that close before the timed pass, or its first request goes out on a dead socket.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const unsubscribe = core.events.subscribe((event) => {
        if (event.type === 'sync.progress') marks.push({ at: performance.now(), sent: event.progress.sent });
      });
      const start = performance.now();
      const outcome = await core.sync.runNow();
      const elapsed = performance.now() - start;
      unsubscribe();
      if (outcome.error !== null || outcome.outcomes.accepted !== sizes.records || outcome.pending !== 0) {
        throw new Error(`the sync pass did not deliver every record: ${JSON.stringify(outcome)}`);
      }
      const held = await platform.stored();
      if (held !== sizes.warmUp.records + sizes.records) throw new Error(`the platform holds ${held} of ${sizes.warmUp.records + sizes.records} records`);
      return { totalMs: elapsed };
    });
    const batches = marks.slice(1).map((mark, i) => ({ items: mark.sent - marks[i]!.sent, ms: mark.at - marks[i]!.at }));
    if (batches.some((batch) => batch.items !== sizes.batch && batch !== batches.at(-1))) {
      throw new Error(`the kiosk cut batches other than ${sizes.batch} records: ${batches.map((batch) => batch.items).join(', ')}`);
    }
    const syncRate = record(results, 'sync.platform', 'kiosk sync engine → reference platform', { totalMs, batches }, sizes.records);

    // The baselines get exactly the records the kiosk sent, as the wire format has them.
    const wire = createWireRecords(core.database.sqlite, core.consent.signingKey);
    const warm = new Set(warmUpIds);
    const warmUpRecords: WireEntry[] = warmUpIds.map((id) => wire.build(id));
    const records: WireEntry[] = (registrationIds.all() as string[]).filter((id) => !warm.has(id)).map((id) => wire.build(id));
    const body = (part: readonly WireEntry[]) => Buffer.from(JSON.stringify({ batch_id: uuidv7(), records: part }), 'utf8');
    const warmUpBodies = chunks(warmUpRecords, sizes.warmUp.batch).map(body);
    const bodies = chunks(records, sizes.batch).map(body);
    const megabytes = bodies.reduce((total, body) => total + body.length, 0) / 2 ** 20;
    results.note(
      `sync: ${sizes.records.toLocaleString('en')} registrations saved through core.registrations.submit in ${fillSeconds.toFixed(1)} s before timing; ` +
        `${megabytes.toFixed(1)} MiB of batch JSON (${(megabytes * 1024 / sizes.records).toFixed(1)} KiB a record: payload, signed snapshot, signature PNG, consent texts).`,
    );

    const rawRate = await withRemote(startRemote('raw', work.folder('raw-pipeline')), async (raw) => {
      await postBatches(raw.url, warmUpBodies);
      const rawStart = performance.now();
      const rawBatchMs = await postBatches(raw.url, bodies);
      const rawTotal = performance.now() - rawStart;
      if ((await raw.stored()) !== sizes.warmUp.records + sizes.records) throw new Error('the raw pipeline lost records');
      const rawBatches = rawBatchMs.map((ms, i) => ({ items: Math.min(sizes.batch, sizes.records - i * sizes.batch), ms }));
      return record(results, 'sync.raw_pipeline', 'baseline: fetch → node:http → JSON.parse → SQLite', { totalMs: rawTotal, batches: rawBatches }, sizes.records);
    });

    const doc = (wireRecord: WireEntry) => ({ _id: wireRecord.record_id, ...wireRecord });
    const pouch = await withRemote(startRemote('pouch', work.folder('pouchdb')), async (server) => {
      const run = await replicateWithPouch(work.folder('pouchdb-kiosk'), server.url, { docs: warmUpRecords.map(doc), batch: sizes.warmUp.batch }, records.map(doc), sizes.batch);
      if ((await server.stored()) !== sizes.warmUp.records + sizes.records) throw new Error('the PouchDB server lost documents');
      return run;
    });
    const pouchRate = record(results, 'sync.pouchdb', 'baseline: PouchDB replication → express-pouchdb', pouch, sizes.records);

    results.ratio('sync_vs_raw_pipeline', ratio(syncRate, rawRate), 'sync.platform.total / sync.raw_pipeline.total', { bound: 'min', value: 0.7 });
    results.ratio('sync_vs_pouchdb', ratio(syncRate, pouchRate), 'sync.platform.total / sync.pouchdb.total', { bound: 'min', value: 3 });
  } finally {
    kiosk.close();
    work.removeAll();
  }
}
