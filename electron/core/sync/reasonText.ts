// Reasons as a person reads them: the platform sends message keys (`protocol.rejected.*`, the
// domain's validation keys), the kiosk adds its own (`sync.reason.*`); each becomes a sentence in
// the caller's language, and a key the catalogue does not know is shown as it is.
import { isMessageKey, translate, type Locale } from '../../../shared/i18n';

export function reasonText(locale: Locale, reason: string): string {
  return isMessageKey(reason) ? translate(locale, reason) : reason;
}

export function fieldErrors(locale: Locale, json: string | null): Array<{ field: string; reason: string; message: string }> {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, reason } = item as { field?: unknown; reason?: unknown };
    return typeof field === 'string' && typeof reason === 'string' ? [{ field, reason, message: reasonText(locale, reason) }] : [];
  });
}
