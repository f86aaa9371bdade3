// The raw pipeline baseline: the same batch JSON the kiosk sent, posted with fetch to the least a
// server can do — node:http, JSON.parse, one INSERT per record in one durable transaction per batch
// (SQLite, WAL, synchronous=FULL, like the reference platform's own database). No checks at all.
// The server runs in a process of its own in the bench (remote.ts); the bodies are UTF-8 bytes made
// before the clock starts.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

export interface RawServer {
  url: string;
  stored(): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startRawServer(dir: string): Promise<RawServer> {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE records (record_id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO records (record_id, body) VALUES (?, ?)');
  const store = db.transaction((records: Array<{ record_id: string }>) => {
    for (const record of records) insert.run(record.record_id, JSON.stringify(record));
  });
  const server = createServer((req, res) => {
    readBody(req)
      .then((text) => {
        const { records } = JSON.parse(text) as { records: Array<{ record_id: string }> };
        store.immediate(records);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stored: records.length }));
      })
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/batches`,
    stored: () => Number(db.prepare('SELECT count(*) FROM records').pluck().get()),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}

/** Posts each body in turn and returns each request's duration (ms). */
export async function postBatches(url: string, bodies: readonly Uint8Array[]): Promise<number[]> {
  const durations: number[] = [];
  for (const body of bodies) {
    const start = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (!response.ok) throw new Error(`raw pipeline answered ${response.status}: ${await response.text()}`);
    await response.json();
    durations.push(performance.now() - start);
  }
  return durations;
}
