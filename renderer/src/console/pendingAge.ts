// How urgent the oldest waiting record is: records should leave the kiosk within a day; after three
// days the console says to sync now or carry them out on a USB stick.
import type { MessageKey, MessageParams } from '../../../shared/i18n';

export const AMBER_AFTER_HOURS = 24;
export const RED_AFTER_HOURS = 72;

export type AgeLevel = 'ok' | 'amber' | 'red';

export function ageLevel(seconds: number | null): AgeLevel {
  if (seconds === null) return 'ok';
  if (seconds > RED_AFTER_HOURS * 3600) return 'red';
  if (seconds > AMBER_AFTER_HOURS * 3600) return 'amber';
  return 'ok';
}

/** The age as the console words it: minutes under an hour, hours and minutes under a day, else days and hours. */
export function ageText(seconds: number): { key: MessageKey; params: MessageParams } {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (hours < 1) return { key: 'console.age.minutes', params: { minutes } };
  if (hours < 24) return { key: 'console.age.hours', params: { hours, minutes: minutes % 60 } };
  return { key: 'console.age.days', params: { days: Math.floor(hours / 24), hours: hours % 24 } };
}
