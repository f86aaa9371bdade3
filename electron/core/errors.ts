// Errors core raises on purpose. The dispatcher turns them into {ok:false,error} results with a
// message in the caller's language; anything else becomes `internal` and is logged.
import type { ErrorCode } from '../../shared/api/errors';
import type { MessageParams } from '../../shared/i18n';
import type { ValidationIssue } from '../../shared/validation/issue';

export class KioskError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    /** Per-field issues, translated when the error reaches the caller. */
    readonly fieldIssues?: Record<string, ValidationIssue>,
  ) {
    super(code);
    this.name = 'KioskError';
  }
}
