/**
 * The one error catalogue. Services throw these; the HTTP error handler turns them into
 * `{ error: { code, message, fields? } }` with the status below. Codes are stable: clients
 * and tests match on them, never on messages.
 */
export type FieldErrors = Record<string, string>;

const catalogue = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  mfa_required: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  locked: 423,
  rate_limited: 429,
  // Surveys: a link altered or unknown, a link past its expiry, an answer before resolution, a quarter's NPS round sent already.
  survey_link_invalid: 404,
  survey_link_expired: 410,
  ticket_not_resolved: 409,
  nps_round_exists: 409,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = catalogue[code];
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
export const invalid = (fields: FieldErrors, message?: string) =>
  new AppError('validation_failed', message ?? `Invalid ${Object.keys(fields).join(', ')}`, fields);
export const conflict = (message: string, fields?: FieldErrors) => new AppError('conflict', message, fields);
