import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/catalog';
import { validationMessages } from '../i18n/validation';
import { checkEmail, checkLandline, checkMobile, checkPersonName } from './contact';
import { checkCreditCode } from './creditCode';
import { checkIdNumber } from './idNumber';
import type { ValidationIssue, ValidationKey } from './issue';

const today = { year: 2025, month: 6, day: 15 };
const issueOf = (result: { ok: true } | { ok: false; issue: ValidationIssue }) => (result.ok ? undefined : result.issue);

// One input per message a validator can produce, with the key it must produce.
const failures: ReadonlyArray<readonly [ValidationKey, ValidationIssue | undefined]> = [
  ['validation.required', issueOf(checkIdNumber(''))],
  ['validation.idNumber.length', issueOf(checkIdNumber('1101051949'))],
  ['validation.idNumber.legacy15', issueOf(checkIdNumber('110105491231002'))],
  ['validation.idNumber.badChar', issueOf(checkIdNumber('11010519491231002Y'))],
  ['validation.idNumber.province', issueOf(checkIdNumber('990105194912310020'))],
  ['validation.idNumber.date', issueOf(checkIdNumber('310115201002290026'))],
  ['validation.idNumber.future', issueOf(checkIdNumber('110105203001010011', { today }))],
  ['validation.idNumber.tooOld', issueOf(checkIdNumber('110105180001010011', { today }))],
  ['validation.idNumber.checksum', issueOf(checkIdNumber('110105194912310021'))],
  ['validation.creditCode.length', issueOf(checkCreditCode('9135'))],
  ['validation.creditCode.excludedLetter', issueOf(checkCreditCode('91350100M000100YO3'))],
  ['validation.creditCode.badChar', issueOf(checkCreditCode('91350100M000100Y4#'))],
  ['validation.creditCode.division', issueOf(checkCreditCode('91A50100M000100Y43'))],
  ['validation.creditCode.checksum', issueOf(checkCreditCode('91350200M000000510'))],
  ['validation.mobile.invalid', issueOf(checkMobile('12345'))],
  ['validation.landline.invalid', issueOf(checkLandline('12345'))],
  ['validation.email.invalid', issueOf(checkEmail('zhang@'))],
  ['validation.email.tooLong', issueOf(checkEmail(`${'a'.repeat(250)}@b.cn`))],
  ['validation.name.length', issueOf(checkPersonName('张'))],
  ['validation.name.chars', issueOf(checkPersonName('张3'))],
  ['validation.name.dot', issueOf(checkPersonName('·张三'))],
];

// Keys zod schemas use for their own issues (shared/api/issues.ts, shared/domain).
const schemaKeys = ['validation.invalidType', 'validation.tooLong', 'validation.unknownField'];

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('validation messages', () => {
  it.each(failures)('%s has a message with every placeholder filled, in both locales', (key, issue) => {
    expect(issue?.key).toBe(key);
    for (const locale of locales) {
      const catalogue: Readonly<Record<string, string>> = validationMessages[locale];
      const template = catalogue[issue?.key ?? ''];
      expect(template, `${locale}: ${issue?.key}`).toBeDefined();
      expect(placeholders(template ?? '')).toEqual(Object.keys(issue?.params ?? {}).sort());
    }
  });

  it('has no message that neither a validator nor a schema uses', () => {
    const used = new Set([...failures.map(([key]) => key), ...schemaKeys]);
    expect(Object.keys(validationMessages['zh-CN']).filter((key) => !used.has(key))).toEqual([]);
  });

  it('uses the same placeholders in every locale', () => {
    for (const key of Object.keys(validationMessages['zh-CN'])) {
      const [first, ...others] = locales.map((locale): string[] => {
        const catalogue: Readonly<Record<string, string>> = validationMessages[locale];
        return placeholders(catalogue[key] ?? '');
      });
      for (const other of others) expect(other, key).toEqual(first);
    }
  });

  it('words the checksum message as the counter staff expect', () => {
    expect(validationMessages['zh-CN']['validation.idNumber.checksum']).toBe('校验位不正确，应为 {{expected}}');
    expect(validationMessages['zh-CN']['validation.creditCode.checksum']).toBe('校验位不正确，应为 {{expected}}');
  });
});
