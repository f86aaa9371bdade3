// The kiosk settings the IT console shows and changes. Core holds the authoritative bounds and
// defaults (electron/core/settings/settings.ts) and reports them with each value, so the console's
// inputs use the same limits core will check.
import { z } from 'zod';

/** Settings an IT admin changes from the console. */
export const consoleSettingKeys = ['syncBatchMaxRecords', 'retentionDays', 'operatorIdleSeconds', 'registrantIdleSeconds'] as const;
export type ConsoleSettingKey = (typeof consoleSettingKeys)[number];

export const SettingEntrySchema = z.object({
  value: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  defaultValue: z.number().int(),
});
export type SettingEntry = z.infer<typeof SettingEntrySchema>;

export const ConsoleSettingsSchema = z.object({
  syncBatchMaxRecords: SettingEntrySchema,
  retentionDays: SettingEntrySchema,
  operatorIdleSeconds: SettingEntrySchema,
  registrantIdleSeconds: SettingEntrySchema,
});
export type ConsoleSettings = z.infer<typeof ConsoleSettingsSchema>;

const settingValue = z.number({ error: 'validation.invalidType' }).int({ error: 'validation.invalidType' });

/** Only the settings given change; each is checked against core's bounds. */
export const SettingsUpdateSchema = z
  .object({
    syncBatchMaxRecords: settingValue.optional(),
    retentionDays: settingValue.optional(),
    operatorIdleSeconds: settingValue.optional(),
    registrantIdleSeconds: settingValue.optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;
