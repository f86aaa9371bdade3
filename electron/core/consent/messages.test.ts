// Every refusal and label the consent module composes into a catalogue key has a text in both
// languages, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { consentFieldMessages, consentMessages } from '../../../shared/i18n/consent';
import { isMessageKey, locales } from '../../../shared/i18n';
import { signerIdTypes, signerRoles } from './body';
import type { KioskIdentityErrorCode } from './identity';
import type { SignatureImageProblem } from './signatureImage';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const imageProblems: Record<SignatureImageProblem, true> = {
  not_png: true,
  corrupt: true,
  unsupported: true,
  too_large: true,
  dimensions: true,
  empty: true,
  trivial: true,
  filled: true,
};
const identityCodes: Record<KioskIdentityErrorCode, true> = {
  signing_key_missing: true,
  signing_key_unreadable: true,
  signing_key_mismatch: true,
  id_hash_key_missing: true,
  id_hash_key_unreadable: true,
  identity_missing: true,
};

describe('consent messages', () => {
  it('have a text for every composed key', () => {
    const composed = [
      ...Object.keys(imageProblems).map((problem) => `consent.signature.${problem}`),
      ...Object.keys(identityCodes).map((code) => `consent.identity.${code}`),
      ...signerRoles.map((role) => `consent.role.${role}`),
      ...signerIdTypes.map((type) => `consent.idType.${type}`),
    ];
    expect(composed.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('name the signer roles as the issue does', () => {
    expect(signerRoles.map((role) => consentMessages['zh-CN'][`consent.role.${role}`])).toEqual(['法定代表人', '经办人', '本人', '监护人']);
  });

  it('use the same placeholders in both languages', () => {
    for (const part of [consentFieldMessages, consentMessages]) {
      for (const key of Object.keys(part['zh-CN']) as Array<keyof (typeof part)['zh-CN']>) {
        const [zh, en] = locales.map((locale) => placeholders(part[locale][key]));
        expect(en, key).toEqual(zh);
      }
    }
  });

  it('end field messages without a full stop, as they are shown under the field', () => {
    for (const locale of locales) {
      for (const [key, text] of Object.entries(consentFieldMessages[locale])) expect(text, key).not.toMatch(/[。.]$/);
    }
  });
});
