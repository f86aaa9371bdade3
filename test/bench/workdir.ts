// Where the bench writes: temp folders under one base folder (the OS temp folder unless `--dir`
// names another), so every database of a run sits on the same disk, and all are removed after.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export class WorkDir {
  private readonly made: string[] = [];

  constructor(readonly base: string) {}

  /** A fresh empty folder for one database or server. */
  folder(prefix: string): string {
    const dir = mkdtempSync(join(this.base, `kiosk-bench-${prefix}-`));
    this.made.push(dir);
    return dir;
  }

  remove(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }

  removeAll(): void {
    for (const dir of this.made.splice(0)) this.remove(dir);
  }
}
