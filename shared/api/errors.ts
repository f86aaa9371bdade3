// Error codes that cross the API boundary. Each has a message in the catalogue under `errors.<code>`.
export const errorCodes = [
  'invalid_input',
  'unknown_operation',
  'unauthenticated',
  'forbidden',
  'session_expired',
  'login_failed',
  'locked_out',
  'setup_done',
  'operator_exists',
  'not_found',
  'agreement_invalid',
  'agreement_unavailable',
  'storage_full',
  'storage_readonly',
  'storage_busy',
  'sync_not_enrolled',
  'sync_unreachable',
  'sync_enrolment_refused',
  'sync_not_quarantined',
  'sync_confirm_failed',
  'sync_no_encryption_key',
  'sync_nothing_to_export',
  'sync_file_invalid',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  /** Already translated into the caller's locale. */
  message: string;
  /** Per-field messages, keyed by the dotted path of the input field. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
