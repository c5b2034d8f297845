/**
 * Typed errors thrown by use cases. One mapping turns them into HTTP answers and UI messages;
 * anything else is unexpected, logged with a request id and answered with a generic 500.
 */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /**
   * For a refused step: what the caller may do now (`allowed`, action codes) and what is missing
   * (`missing`, machine codes), answered as `error.allowed` / `error.missing` beside the message.
   */
  choices?: { allowed: readonly string[]; missing: readonly string[] };

  withChoices(allowed: readonly string[], missing: readonly string[]): this {
    this.choices = { allowed: [...allowed], missing: [...missing] };
    return this;
  }
}

export class BadRequest extends AppError {
  constructor(message = "Malformed request", fields?: FieldErrors) {
    super("BAD_REQUEST", 400, message, fields);
  }
}
export class Unauthorized extends AppError {
  constructor(message = "Sign-in required") {
    super("UNAUTHORIZED", 401, message);
  }
}
export class Forbidden extends AppError {
  constructor(message = "You may not do this") {
    super("FORBIDDEN", 403, message);
  }
}
/** The person must set a new password (reset by an administrator, new account, expired) before anything else. */
export class PasswordChangeRequired extends AppError {
  constructor(message = "Set a new password first (POST /api/v1/me/password)") {
    super("PASSWORD_CHANGE_REQUIRED", 403, message);
  }
}
export class NotFound extends AppError {
  constructor(message = "Not found") {
    super("NOT_FOUND", 404, message);
  }
}
export class Conflict extends AppError {
  constructor(message: string, current?: unknown) {
    super("CONFLICT", 409, message, undefined, current === undefined ? undefined : { current });
  }
}
export class Invalid extends AppError {
  constructor(fields: FieldErrors, message = "Some fields are invalid") {
    super("VALIDATION_FAILED", 422, message, fields);
  }
}
export class PayloadTooLarge extends AppError {
  constructor(readonly maxBytes: number) {
    super("PAYLOAD_TOO_LARGE", 413, `Body too large: at most ${maxBytes} bytes`);
  }
}
export class TooManyRequests extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many attempts; try again later",
  ) {
    super("TOO_MANY_REQUESTS", 429, message, undefined, { retryAfterSeconds });
  }
}

/** The database (or another dependency) can't be reached for a moment: try again shortly. */
export class ServiceUnavailable extends AppError {
  constructor(
    readonly retryAfterSeconds = 5,
    message = "The database is unavailable for a moment; try again in a few seconds",
  ) {
    super("SERVICE_UNAVAILABLE", 503, message, undefined, { retryAfterSeconds });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** zod issues → `{ "field.path": [messages] }` ("_" for the root). */
export function zodFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  // No prototype: an unknown field literally named "__proto__" is reported like any other.
  const out: FieldErrors = Object.create(null);
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}
