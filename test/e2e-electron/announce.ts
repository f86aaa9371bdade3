// Playwright's list reporter shows a skipped test without its reason; say once why the Electron
// suite is skipped so the run's output explains itself.
import { findElectronRunner } from './electronBinary';

export default function announceElectronSuite(): void {
  const runner = findElectronRunner();
  if (!runner.runnable) process.stdout.write(`[electron] suite skipped: ${runner.reason}\n`);
}
