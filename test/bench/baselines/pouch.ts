// The PouchDB baseline: what a team would reach for to get offline-first sync for free. The same
// documents (the wire records, `_id` = record id) in a local PouchDB on LevelDB, replicated to
// express-pouchdb (PouchDB's CouchDB-compatible HTTP server, `startPouchServer`, in a process of its
// own in the bench) on loopback, in batches of the same size.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';

export interface PouchRun {
  totalMs: number;
  /** The replication's successive checkpoints: documents written since the last one, and the time. */
  batches: { items: number; ms: number }[];
  written: number;
}

export interface PouchServer {
  /** The database the kiosk side replicates to. */
  url: string;
  stored(): Promise<number>;
  close(): Promise<void>;
}

export async function startPouchServer(dir: string): Promise<PouchServer> {
  mkdirSync(join(dir, 'server'));
  const ServerPouch = PouchDB.defaults({ prefix: `${join(dir, 'server')}/` });
  const app = expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', logPath: join(dir, 'log.txt'), configPath: join(dir, 'config.json') });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/platform`;
  return {
    url,
    stored: async () => ((await (await fetch(url)).json()) as { doc_count: number }).doc_count,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Replicates `docs` from a fresh local PouchDB in `dir` to the database at `remoteUrl`, timed, after
 * `warmUp` went the same way untimed (the server is a long-running process in the field).
 */
export async function replicateWithPouch(
  dir: string,
  remoteUrl: string,
  warmUp: { docs: readonly object[]; batch: number },
  docs: readonly object[],
  batchSize: number,
): Promise<PouchRun> {
  const local = new PouchDB(join(dir, 'kiosk'));
  const remote = new PouchDB(remoteUrl);
  const save = async (part: readonly object[]) => {
    for (let start = 0; start < part.length; start += batchSize) {
      const results = await local.bulkDocs(part.slice(start, start + batchSize));
      if (results.some((result) => result.error)) throw new Error('PouchDB refused a document');
    }
  };
  try {
    await save(warmUp.docs);
    const warm = await local.replicate.to(remote, { batch_size: warmUp.batch, batches_limit: 1 });
    if (warm.docs_written !== warmUp.docs.length) throw new Error(`PouchDB wrote ${warm.docs_written} of ${warmUp.docs.length} warm-up documents`);
    await save(docs);
    const batches: { items: number; ms: number }[] = [];
    const start = performance.now();
    let last = start;
    let written = 0;
    const replication = local.replicate.to(remote, { batch_size: batchSize, batches_limit: 1 });
    replication.on('change', (info) => {
      const now = performance.now();
      if (info.docs_written > written) batches.push({ items: info.docs_written - written, ms: now - last });
      written = info.docs_written;
      last = now;
    });
    const result = await replication;
    const totalMs = performance.now() - start;
    if (result.docs_written !== docs.length) throw new Error(`PouchDB wrote ${result.docs_written} of ${docs.length} documents`);
    return { totalMs, batches, written: result.docs_written };
  } finally {
    await local.close();
    await remote.close();
  }
}
