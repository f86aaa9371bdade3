// Identity documents a registrant may show (product.md: 居民身份证 by default; 港澳台 permits and
// passports as alternatives). Only the resident ID has a checksum; the others are checked for shape.
import { checkIdNumber, type IdCheckOptions } from './idNumber';
import { failure, type TextCheck } from './issue';
import type { CalendarDate } from './calendar';
import { normalizeIdNumber } from './normalize';

export const documentTypes = ['resident_id', 'hk_macao_permit', 'taiwan_permit', 'passport'] as const;
export type DocumentType = (typeof documentTypes)[number];

// 港澳居民来往内地通行证 H/M + 8 or 10 digits; 台湾居民来往大陆通行证 8 or 10 digits; passports
// letters and digits. Residence permits for HK/Macao/Taiwan residents are 18-digit resident-style numbers.
const SHAPES: Record<Exclude<DocumentType, 'resident_id'>, RegExp> = {
  hk_macao_permit: /^(?:[HM]\d{8}(?:\d{2})?|8[12]\d{15}[\dX])$/,
  taiwan_permit: /^(?:\d{8}(?:\d{2})?|83\d{15}[\dX])$/,
  passport: /^[A-Z0-9]{5,17}$/,
};

/** Normalises and checks a document number of the given type; `today` adds the birth-date range check. */
export function checkDocumentNumber(type: DocumentType, raw: string, today?: CalendarDate): TextCheck {
  if (type === 'resident_id') {
    const options: IdCheckOptions = today ? { today } : {};
    const result = checkIdNumber(raw, options);
    return result.ok ? { ok: true, value: result.value } : result;
  }
  const value = normalizeIdNumber(raw).toUpperCase();
  if (value === '') return failure('validation.required');
  return SHAPES[type].test(value) ? { ok: true, value } : failure('registration.document.invalid');
}
