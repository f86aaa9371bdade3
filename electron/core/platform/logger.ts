// Structured logging. Fields carry codes and ids; every string is passed through the personal-data
// redactor as a safety net, so a stray ID number or phone number never reaches a log file.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { redactPersonalData } from '../../../shared/privacy/mask';
import type { Clock } from './clock';

export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  /** A logger whose lines carry `module`. */
  child(module: string): Logger;
}

export function redactFields(fields: LogFields): LogFields {
  const clean: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    clean[key] = typeof value === 'string' ? redactPersonalData(value) : value;
  }
  return clean;
}

type Sink = (line: string) => void;

function createLogger(sink: Sink, clock: Clock, module: string): Logger {
  return {
    log(level, event, fields = {}) {
      const entry = { t: clock.now().toISOString(), level, module, event: redactPersonalData(event), ...redactFields(fields) };
      sink(JSON.stringify(entry));
    },
    child(name) {
      return createLogger(sink, clock, name);
    },
  };
}

/** JSON lines appended to `<dataDir>/logs/kiosk.log`. */
export function createFileLogger(dataDir: string, clock: Clock): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'kiosk.log');
  return createLogger(
    (line) => {
      try {
        appendFileSync(file, `${line}\n`, { mode: 0o600 });
      } catch {
        // A full or read-only disk must not make a logged operation fail; the line is lost.
      }
    },
    clock,
    'kiosk',
  );
}

/** Collects lines in memory; for tests. */
export function createMemoryLogger(clock: Clock): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger((line) => lines.push(line), clock, 'kiosk'), { lines });
}
