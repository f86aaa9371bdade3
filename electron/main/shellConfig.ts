// The shell's own settings, read from `<dataDir>/shell.json` before anything else starts: whether
// the key store may fall back to Linux's basic_text must be known before the database key is
// unwrapped, so these cannot live in the (encrypted) database. IT writes the file at deployment,
// by hand or with its software distribution; docs/deploy.md describes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { updateChannels } from '../../shared/domain/shell';

export const SHELL_CONFIG_FILE = 'shell.json';

const hour = z.number().int().min(0).max(23);

const UpdatesConfigSchema = z
  .object({
    /** The generic update server's folder (https). Null: the kiosk never updates itself. */
    feedUrl: z.url({ protocol: /^https$/ }).nullable().default(null),
    channel: z.enum(updateChannels).default('stable'),
    /** Hours between checks while online. */
    checkEveryHours: z.number().int().min(1).max(7 * 24).default(6),
    /** Local hours in which a downloaded update may restart the kiosk: from ≤ hour < to, may wrap midnight. */
    quietHours: z
      .object({ from: hour, to: hour })
      .strict()
      .refine(({ from, to }) => from !== to, { message: 'quietHours.from and quietHours.to must differ' })
      .default({ from: 2, to: 5 }),
  })
  .strict();

export const ShellConfigSchema = z
  .object({
    /** Full screen, no window frame; production only. Off only for a staffed test machine. */
    kioskMode: z.boolean().default(true),
    /** Lets the key store run on Linux's basic_text backend (no keyring): the key is then barely protected. */
    allowBasicTextKeyStorage: z.boolean().default(false),
    /** The printer receipts go to without a dialog, as the system names it; null: the print dialog. */
    receiptPrinter: z.string().trim().min(1).max(200).nullable().default(null),
    updates: UpdatesConfigSchema.prefault({}),
  })
  .strict();

export type ShellConfig = z.output<typeof ShellConfigSchema>;
export type UpdatesConfig = ShellConfig['updates'];

export class ShellConfigError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** The settings in `dataDir`, the defaults when there is no file; a file that does not parse is refused. */
export function readShellConfig(dataDir: string): ShellConfig {
  const file = join(dataDir, SHELL_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ShellConfigSchema.parse({});
    throw new ShellConfigError(file, (error as Error).message);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ShellConfigError(file, (error as Error).message);
  }
  const parsed = ShellConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    throw new ShellConfigError(file, detail);
  }
  return parsed.data;
}
