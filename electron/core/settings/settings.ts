// Kiosk settings: a typed set of known keys with defaults, stored as JSON in the settings table.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { locales } from '../../../shared/i18n/catalog';
import { ProfileIdSchema } from '../../../shared/domain/profile';
import type { Db } from '../db';
import { settings as settingsTable } from '../db/schema';
import type { Clock } from '../platform/clock';

export const settingSchemas = {
  /** Operator sessions end after this long without a call. */
  operatorIdleSeconds: z.number().int().min(60).max(8 * 3600).default(900),
  /** The registration screen is wiped after this long without input (product.md, step 10). */
  registrantIdleSeconds: z.number().int().min(30).max(3600).default(120),
  /** UI language at start. */
  locale: z.enum(locales).default('zh-CN'),
  /** The platform profile (resources/profiles/<id>.json) whose agreements and consents this kiosk uses. */
  activeProfile: ProfileIdSchema.default('qingdao'),
  /** Days after the platform's acknowledgement before a record's personal data is deleted. */
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /** How many encrypted backups to keep. */
  backupKeep: z.number().int().min(1).max(90).default(7),
  /** Hours between scheduled backups. */
  backupIntervalHours: z.number().int().min(1).max(24 * 7).default(24),
  /** Sync: at most this many records in one batch (the platform takes up to 1,000). */
  syncBatchMaxRecords: z.number().int().min(1).max(1000).default(200),
  /** Sync: at most this many bytes in one batch request (the platform takes up to 32 MiB). */
  syncBatchMaxBytes: z.number().int().min(64 * 1024).max(32 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Sync: seconds between passes while the platform is reachable. */
  syncIntervalSeconds: z.number().int().min(10).max(24 * 3600).default(300),
  /** Sync: the longest wait between attempts after failures (full-jitter backoff grows up to it). */
  syncBackoffCapSeconds: z.number().int().min(5).max(24 * 3600).default(900),
  /** Sync: a request with no complete answer after this long counts as failed. */
  syncRequestTimeoutSeconds: z.number().int().min(1).max(600).default(60),
};

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;

export interface Settings {
  get<K extends SettingKey>(key: K): SettingValue<K>;
  set<K extends SettingKey>(key: K, value: SettingValue<K>): void;
}

export function createSettings(db: Db, clock: Clock): Settings {
  const stored = db
    .select({ value: settingsTable.value })
    .from(settingsTable)
    .where(eq(settingsTable.key, sql.placeholder('key')))
    .prepare();
  // The value each key was last parsed to, with the stored text it came from. Every get reads the
  // row (a primary-key look-up) and parses again only when the text differs, so a change is seen at
  // once whoever made it (this kiosk, the CLI, a transaction later rolled back).
  const parsed = new Map<SettingKey, { text: string | undefined; value: unknown }>();
  return {
    get(key) {
      const text = stored.get({ key })?.value;
      const known = parsed.get(key);
      if (known && known.text === text) return known.value as SettingValue<typeof key>;
      const schema = settingSchemas[key];
      const result = schema.safeParse(text === undefined ? undefined : JSON.parse(text));
      // A stored value that no longer validates falls back to the default instead of breaking start-up.
      const value = (result.success ? result.data : schema.parse(undefined)) as SettingValue<typeof key>;
      parsed.set(key, { text, value });
      return value;
    },
    set(key, value) {
      const json = JSON.stringify(settingSchemas[key].parse(value));
      const updatedAt = clock.now().toISOString();
      db.insert(settingsTable)
        .values({ key, value: json, updatedAt })
        .onConflictDoUpdate({ target: settingsTable.key, set: { value: json, updatedAt } })
        .run();
    },
  };
}
