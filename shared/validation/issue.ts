// What a failed check reports: a catalogue key and the values its message interpolates. The text
// itself is chosen later, in the reader's locale.
import type { consentFieldMessages } from '../i18n/consent';
import type { registrationFieldMessages } from '../i18n/registration';
import type { validationMessages } from '../i18n/validation';

/** Keys of the shared validators, and of the checks core makes on the facts of a consent. */
export type ValidationKey =
  | keyof (typeof validationMessages)['zh-CN']
  | keyof (typeof consentFieldMessages)['zh-CN']
  | keyof (typeof registrationFieldMessages)['zh-CN'];

export interface ValidationIssue {
  key: ValidationKey;
  params?: Record<string, string | number>;
}

export type Failure = { ok: false; issue: ValidationIssue };

/** The result of checks that only normalise and validate a string. */
export type TextCheck = { ok: true; value: string } | Failure;

export function failure(key: ValidationKey, params?: Record<string, string | number>): Failure {
  return { ok: false, issue: params === undefined ? { key } : { key, params } };
}

/** The first character, by code point, that `allowed` rejects at its 1-based position. */
export function firstBadChar(
  chars: readonly string[],
  allowed: (char: string, index: number) => boolean,
): { position: number; char: string } | undefined {
  for (const [index, char] of chars.entries()) {
    if (!allowed(char, index)) return { position: index + 1, char };
  }
  return undefined;
}
