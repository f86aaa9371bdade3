// The receiving end of each sync measurement — the reference platform, the raw pipeline server, the
// PouchDB server — runs in a Node process of its own (remoteChild.ts), as it runs on a machine of
// its own in the field: its CPU, heap and garbage collection are not the kiosk's, and the two
// overlap where they can, for the kiosk and for each baseline alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type RemoteKind = 'platform' | 'raw' | 'pouch';
export type RemoteRequest = { type: 'stored' } | { type: 'close' };
export type RemoteReply = { type: 'ready'; url: string; enrolmentCode: string | null } | { type: 'stored'; count: number };

export interface Remote {
  url: string;
  /** A one-time enrolment code (the platform only). */
  enrolmentCode: string | null;
  /** Records the server holds now. */
  stored(): Promise<number>;
  close(): Promise<void>;
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const childScript = fileURLToPath(new URL('./remoteChild.ts', import.meta.url));
/** `node --cpu-prof ... cli.ts` profiles the servers too: one profile per process. */
const profiling = process.execArgv.filter((flag) => flag.startsWith('--cpu-prof'));

/** The child's next message of this type; rejects if the child exits first. */
function next<T extends RemoteReply['type']>(child: ChildProcess, type: T): Promise<Extract<RemoteReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: RemoteReply) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as Extract<RemoteReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`the bench's ${type} answer never came: the server process exited (${String(code)})`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startRemote(kind: RemoteKind, dir: string): Promise<Remote> {
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', childScript, kind, dir], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await next(child, 'ready');
  return {
    url: ready.url,
    enrolmentCode: ready.enrolmentCode,
    stored: async () => {
      const answer = next(child, 'stored');
      child.send({ type: 'stored' } satisfies RemoteRequest);
      return (await answer).count;
    },
    close: async () => {
      if (child.exitCode === null && child.connected) child.send({ type: 'close' } satisfies RemoteRequest);
      await exited;
    },
  };
}
