// Errors core raises on purpose. The dispatcher turns them into {ok:false,error} results with a
// translated message; anything else becomes `internal` and is logged.
import type { ErrorCode } from '../../shared/api/errors';
import type { MessageParams } from '../../shared/i18n';

export class KioskError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    readonly fields?: Record<string, string>,
  ) {
    super(code);
    this.name = 'KioskError';
  }
}
