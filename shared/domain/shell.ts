// What the desktop shell reports to the IT console: how the kiosk is locked down, where its database
// key is kept, the state of updates, what the kiosk is busy with, and warnings IT should act on.
import { z } from 'zod';

export const shellKinds = ['electron', 'browser'] as const;

/** Warnings that IT staff should see and act on; each has a text `shell.warning.<code>`. */
export const shellWarningCodes = [
  // Linux without a keyring: the database key is wrapped with a fixed key (safeStorage `basic_text`).
  'key_storage_plain_text',
  // No update server configured: the kiosk never updates itself.
  'updates_not_configured',
  // The last update check or download failed.
  'update_failed',
  // The window's renderer process died or hung and was reloaded.
  'renderer_recovered',
] as const;
export type ShellWarningCode = (typeof shellWarningCodes)[number];

export const updateStates = ['off', 'idle', 'checking', 'downloading', 'downloaded', 'installing', 'failed'] as const;
export type UpdateState = (typeof updateStates)[number];

export const updateChannels = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

/** What the kiosk can be busy with (electron/core/activity.ts says what each means). */
export const activityKinds = ['submit', 'sync', 'registration'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const UpdateReportSchema = z.object({
  state: z.enum(updateStates),
  channel: z.enum(updateChannels),
  /** The version downloaded or being downloaded, when there is one. */
  availableVersion: z.string().nullable(),
  lastCheckAt: z.string().nullable(),
  /** IT asked to install as soon as the kiosk is idle, without waiting for the quiet hours. */
  installRequested: z.boolean(),
});
export type UpdateReport = z.infer<typeof UpdateReportSchema>;

export const ShellReportSchema = z.object({
  shell: z.enum(shellKinds),
  version: z.string().nullable(),
  kioskMode: z.boolean(),
  keyStorage: z.object({
    /** safeStorage's backend (`dpapi`, `gnome_libsecret`, `kwallet5`, `basic_text`, …) or `file`. */
    backend: z.string(),
    /** True when the key is not protected by the operating system's keychain. */
    plainText: z.boolean(),
  }),
  update: UpdateReportSchema,
  warnings: z.array(z.enum(shellWarningCodes)),
});
export type ShellReport = z.infer<typeof ShellReportSchema>;

export const ShellStatusSchema = ShellReportSchema.extend({
  warnings: z.array(z.object({ code: z.enum(shellWarningCodes), message: z.string() })),
  busy: z.array(z.enum(activityKinds)),
});
export type ShellStatus = z.infer<typeof ShellStatusSchema>;

/** How a receipt left the kiosk: the configured printer, the print dialog, a PDF file, or the browser's own dialog. */
export const ReceiptOutputSchema = z.object({
  method: z.enum(['printer', 'dialog', 'pdf', 'browser']),
  /** The PDF's path on the kiosk, for `pdf`. */
  file: z.string().nullable(),
});
export type ReceiptOutput = z.infer<typeof ReceiptOutputSchema>;
