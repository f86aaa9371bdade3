// Debian's Chromium and the flags of setup.md: without the background-networking ones Chromium
// floods a closed network with refused connections. Shared by Playwright and the UI benchmark.
import { existsSync } from 'node:fs';

/** `/usr/lib/chromium/chromium` skips the wrapper script's noise; `/usr/bin/chromium` is the fallback. */
export const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
