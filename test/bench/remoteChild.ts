// The receiving end of a sync measurement in a Node process of its own, as it is on a machine of its
// own in the field: `node --import tsx remoteChild.ts <platform|raw|pouch> DIR`, started by
// remote.ts over an IPC channel. It reports `ready` with its URL once it listens, answers `stored`
// with the records it holds, and closes on `close`.
import { startPlatform } from '../platform/server';
import { startPouchServer } from './baselines/pouch';
import { startRawServer } from './baselines/rawPipeline';
import type { RemoteKind, RemoteReply, RemoteRequest } from './remote';

interface Served {
  url: string;
  enrolmentCode: string | null;
  stored(): Promise<number>;
  close(): Promise<void>;
}

async function serve(kind: RemoteKind, dir: string): Promise<Served> {
  switch (kind) {
    case 'platform': {
      const platform = await startPlatform({ dataDir: dir });
      return {
        url: platform.url,
        enrolmentCode: platform.enrolmentCode(),
        stored: () => Promise.resolve(Number(platform.db.prepare('SELECT count(*) FROM records').pluck().get())),
        close: () => platform.close(),
      };
    }
    case 'raw': {
      const raw = await startRawServer(dir);
      return { url: raw.url, enrolmentCode: null, stored: () => Promise.resolve(raw.stored()), close: () => raw.close() };
    }
    case 'pouch': {
      const pouch = await startPouchServer(dir);
      return { url: pouch.url, enrolmentCode: null, stored: () => pouch.stored(), close: () => pouch.close() };
    }
  }
}

function reply(message: RemoteReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const [kind, dir] = process.argv.slice(2);
  if ((kind !== 'platform' && kind !== 'raw' && kind !== 'pouch') || !dir || !process.send) {
    throw new Error('usage (from remote.ts, with an IPC channel): remoteChild.ts <platform|raw|pouch> DIR');
  }
  const served = await serve(kind, dir);
  // The bench went away without closing: nothing is left to measure.
  process.once('disconnect', () => process.exit(1));
  process.on('message', (request: RemoteRequest) => {
    const answer = request.type === 'stored' ? served.stored().then((count) => reply({ type: 'stored', count })) : served.close().then(() => process.exit(0));
    answer.catch((error: unknown) => {
      process.stderr.write(`bench ${kind}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  });
  reply({ type: 'ready', url: served.url, enrolmentCode: served.enrolmentCode });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench remote: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
