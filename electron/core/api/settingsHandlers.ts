// Handlers of settings.get / settings.update for the IT console. Values are checked by the settings'
// own schemas (settings/settings.ts); an update is all or nothing and its audit entry is written in
// the same transaction, with the old and new values (settings carry no personal data).
import type { z } from 'zod';
import { consoleSettingKeys, type ConsoleSettings, type SettingEntry } from '../../../shared/domain/kioskSettings';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { KioskError } from '../errors';
import type { Clock } from '../platform/clock';
import { settingSchemas, type Settings } from '../settings/settings';
import type { ValidationIssue } from '../../../shared/validation/issue';
import type { Handlers } from './handlers';

export interface SettingsHandlerDeps {
  settings: Settings;
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
}

type NumberSetting = z.ZodDefault<z.ZodNumber>;

function entry(settings: Settings, key: (typeof consoleSettingKeys)[number]): SettingEntry {
  const schema = settingSchemas[key] as NumberSetting;
  const bounds = schema.unwrap();
  return {
    value: settings.get(key),
    min: bounds.minValue ?? 0,
    max: bounds.maxValue ?? Number.MAX_SAFE_INTEGER,
    defaultValue: schema.parse(undefined),
  };
}

export function consoleSettings(settings: Settings): ConsoleSettings {
  return {
    syncBatchMaxRecords: entry(settings, 'syncBatchMaxRecords'),
    retentionDays: entry(settings, 'retentionDays'),
    operatorIdleSeconds: entry(settings, 'operatorIdleSeconds'),
    registrantIdleSeconds: entry(settings, 'registrantIdleSeconds'),
  };
}

export function createSettingsHandlers({ settings, db, sqlite, clock }: SettingsHandlerDeps): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => consoleSettings(settings),
    'settings.update': (input, { operator }) => {
      if (!operator) throw new KioskError('unauthenticated');
      const changes: { key: (typeof consoleSettingKeys)[number]; from: number; to: number }[] = [];
      const issues: Record<string, ValidationIssue> = {};
      for (const key of consoleSettingKeys) {
        const value = input[key];
        if (value === undefined) continue;
        const parsed = settingSchemas[key].safeParse(value);
        if (!parsed.success) issues[key] = { key: 'validation.invalidType' };
        else if (parsed.data !== settings.get(key)) changes.push({ key, from: settings.get(key), to: parsed.data });
      }
      if (Object.keys(issues).length > 0) throw new KioskError('invalid_input', {}, issues);
      if (changes.length > 0) {
        sqlite.transaction(() => {
          for (const change of changes) settings.set(change.key, change.to);
          const details: Record<string, number> = {};
          for (const change of changes) {
            details[`${change.key}.from`] = change.from;
            details[`${change.key}.to`] = change.to;
          }
          appendAudit(db, { at: clock.now().toISOString(), actor: operator.staffId, action: 'settings.update', subject: null, details });
        })();
      }
      return consoleSettings(settings);
    },
  };
}
