/**
 * The four ways the domain refuses a command. The HTTP edge maps `code` to a status in one place:
 * forbidden → 403, not-found → 404, illegal-state → 409, rule-violation → 422.
 */
export type DomainErrorCode = 'forbidden' | 'not-found' | 'illegal-state' | 'rule-violation';

export type DomainErrorDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: DomainErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The actor may not send this command, or not for this unit. */
export class ForbiddenError extends DomainError {
  constructor(message: string, details?: DomainErrorDetails) {
    super('forbidden', message, details);
  }
}

/** The task, target, assignment, revision or extension addressed does not exist. */
export class NotFoundError extends DomainError {
  constructor(message: string, details?: DomainErrorDetails) {
    super('not-found', message, details);
  }
}

/** The command does not fit the current lifecycle state (verify without a claim, …). */
export class IllegalStateError extends DomainError {
  constructor(message: string, details?: DomainErrorDetails) {
    super('illegal-state', message, details);
  }
}

/** A business rule refuses the command's content (empty reason, date in the future, …). */
export class RuleViolationError extends DomainError {
  constructor(message: string, details?: DomainErrorDetails) {
    super('rule-violation', message, details);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
