// The payload checks a platform can make without the kiosk's profile: the shared registration
// schema, and the cross-field rules with no field required (the profile decides those, and the
// platform does not know which profile the kiosk ran). The capture date is the record's
// created_at in China Standard Time.
import { RegistrationPayloadSchema } from '../../shared/domain/registrationPayload';
import { checkRegistrationRules } from '../../shared/domain/registrationRules';
import { rejectionReasons, type RecordError, type WireRecord } from '../../shared/sync';
import { zodFields } from './http';

function shanghaiDate(instant: string): { year: number; month: number; day: number } {
  const shifted = new Date(Date.parse(instant) + 8 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function checkPayload(record: WireRecord): RecordError[] {
  if (record.payload.kind !== record.kind) return [{ field: 'payload.kind', reason: rejectionReasons.kindMismatch }];
  const parsed = RegistrationPayloadSchema.safeParse(record.payload);
  if (!parsed.success) return zodFields(parsed.error.issues, 'payload.');
  const rules = checkRegistrationRules(parsed.data, { today: shanghaiDate(record.created_at), requiredFields: [] });
  if (rules.ok) return [];
  return Object.entries(rules.issues).map(([field, issue]) => ({ field: `payload.${field}`, reason: issue.key }));
}
