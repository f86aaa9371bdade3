// The machine the numbers were measured on, gathered by the bench itself so a result never travels
// without it: CPU, cores, memory, the disk under the bench's folder, Node, SQLite, the OS.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { arch, cpus, release, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { percentile } from './stats';

export type MachineInfo = Record<string, string>;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The mount that holds `dir`: device, mount point and file system type (from /proc/self/mountinfo). */
function mountOf(dir: string): { device: string; mountPoint: string; fsType: string } | null {
  const info = readText('/proc/self/mountinfo');
  if (!info) return null;
  const path = realpathSync(dir);
  let best: { device: string; mountPoint: string; fsType: string } | null = null;
  for (const line of info.split('\n')) {
    const [left, right] = line.split(' - ');
    const mountPoint = left?.split(' ')[4];
    const [fsType, device] = right?.split(' ') ?? [];
    if (!mountPoint || !fsType || !device) continue;
    const inside = path === mountPoint || path.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
    if (inside && (!best || mountPoint.length > best.mountPoint.length)) best = { device, mountPoint, fsType };
  }
  return best;
}

function describeDisk(dir: string): string {
  const mount = mountOf(dir);
  const { blocks, bsize, bavail } = statfsSync(dir);
  const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(0)} GiB`;
  const size = `${gib(blocks * bsize)}, ${gib(bavail * bsize)} free`;
  if (!mount) return size;
  const block = basename(mount.device).replace(/p?\d+$/, '');
  const sys = `/sys/block/${block}`;
  const rotational = readText(`${sys}/queue/rotational`);
  const model = readText(`${sys}/device/model`);
  const kind = rotational === null ? '' : rotational === '1' ? ', reported rotational' : ', reported non-rotational';
  return `${mount.device} (${mount.fsType}${model ? `, ${model}` : ''}${kind}) at ${mount.mountPoint}, ${size}`;
}

/** Median and p99 of writing 4 KiB and fsync-ing it, in the bench's folder: what one durable commit costs at least. */
export function fsyncLatency(dir: string, count = 30): { p50: number; p99: number; n: number } {
  const path = join(dir, 'fsync-probe');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096, 1);
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const start = performance.now();
      writeSync(fd, block, 0, block.length, 0);
      fsyncSync(fd);
      samples.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
    unlinkSync(path);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

function osName(): string {
  const osRelease = readText('/etc/os-release');
  const pretty = osRelease ? /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1] : undefined;
  return `${pretty ?? process.platform} (kernel ${release()}, ${arch()})`;
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    const version = db.prepare('SELECT sqlite_version()').pluck().get();
    return `${String(version)} (better-sqlite3-multiple-ciphers ${readPackageVersion('better-sqlite3-multiple-ciphers')})`;
  } finally {
    db.close();
  }
}

function readPackageVersion(name: string): string {
  const path = join(process.cwd(), 'node_modules', name, 'package.json');
  if (!existsSync(path)) return '?';
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

export function describeMachine(benchDir: string): MachineInfo {
  const cpuList = cpus();
  const fsync = fsyncLatency(benchDir);
  return {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: String(cpuList.length),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    disk: describeDisk(benchDir),
    'fsync 4 KiB': `p50 ${fsync.p50.toFixed(2)} ms, p99 ${fsync.p99.toFixed(2)} ms (n=${fsync.n})`,
    node: process.version,
    sqlite: sqliteVersion(),
    os: osName(),
  };
}
