// URL paths to files inside a folder: used by the loopback host and Electron's app:// protocol to
// serve the built renderer. Anything that escapes the folder (../, encoded traversal, NUL) is refused.
import { join, resolve, sep } from 'node:path';

/** The file a URL path names inside `root`, or null when it would leave it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(join(base, relative));
  return full === base || full.startsWith(base + sep) ? full : null;
}
