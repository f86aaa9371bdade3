// Files that must survive a power cut: written (or copied) to a temporary name, fsynced, then
// renamed over the target, so a reader sees either the old file or the whole new one.
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileDurably(path: string, data: Buffer | string, mode = 0o600): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, data, { mode });
  fsyncPath(temp);
  renameSync(temp, path);
}

export function copyFileDurably(source: string, target: string): void {
  const temp = `${target}.tmp`;
  copyFileSync(source, temp);
  fsyncPath(temp);
  renameSync(temp, target);
}
