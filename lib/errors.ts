/**
 * Expected failures of a write, each with the HTTP status the API answers and a message
 * fit for a user. Anything else is unexpected: it is logged and answered with a generic
 * 500 that carries no internals.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors,
    /** More for the client beside the field errors, e.g. a quote's `suggestion`. */
    extra: Record<string, unknown> = {},
  ) {
    super(400, message, { ...extra, fieldErrors });
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(404, message);
  }
}

/** The record changed since the version the edit was based on; `current` says how it is now. */
export class StaleVersionError extends DomainError {
  constructor(message: string, current: Record<string, unknown>) {
    super(409, message, { current });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(409, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(403, message);
  }
}

export function fieldError(field: string, message: string): InvalidInputError {
  return new InvalidInputError(`${field}: ${message}`, { [field]: [message] });
}

/** The refusal of an edit based on an old version: what the record is and how it looks now. */
export function staleEdit(what: string, editedVersion: number, current: Record<string, unknown> & { version: number }): StaleVersionError {
  return new StaleVersionError(
    `This ${what} was changed by someone else (you edited version ${editedVersion}, it is now version ${current.version}). Nothing was saved.`,
    current,
  );
}
