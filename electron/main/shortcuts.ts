// Keyboard shortcuts a registrant must not use in production: reload (would wipe a half-filled
// form), developer tools, and zoom. The app menu that carries most of them is removed too; this is
// the second line, checked on every key press before the page sees it.

/** The fields of Electron's `Input` that decide a shortcut. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const reloadKeys = new Set(['r']);
const devToolsKeys = new Set(['i', 'j', 'c']);
const zoomKeys = new Set(['=', '+', '-', '_', '0']);
const zoomCodes = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

export type LockedShortcut = 'reload' | 'devtools' | 'zoom';

/** Which locked shortcut `input` is, or null. Ctrl on Windows/Linux and Cmd on macOS count alike. */
export function lockedShortcut(input: KeyInput): LockedShortcut | null {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return null;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'f5' || key === 'browserrefresh' || (command && reloadKeys.has(key) && !input.alt)) return 'reload';
  if (key === 'f12') return 'devtools';
  if (command && devToolsKeys.has(key) && (input.shift || input.alt)) return 'devtools';
  // By code as well as by key: Shift or another keyboard layout changes `key`, not the physical key.
  // Ctrl+Alt is AltGr on Windows, which types characters on many layouts.
  if (command && !input.alt && (zoomKeys.has(key) || zoomCodes.has(input.code))) return 'zoom';
  return null;
}
