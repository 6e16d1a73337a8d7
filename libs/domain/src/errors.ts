/**
 * The four ways the domain refuses a command. The HTTP edge maps `code` to a status in one place:
 * forbidden → 403, not-found → 404, illegal-state → 409, rule-violation → 422.
 */
export type DomainErrorCode = 'forbidden' | 'not-found' | 'illegal-state' | 'rule-violation';

export type DomainErrorDetails = Readonly<Record<string, unknown>>;

/**
 * `code` is the category (it decides the HTTP status); `rule` is the stable machine name of the
 * exact refusal (`reason-required`, `report-value-negative`, …), which clients branch on and the
 * edge's message catalogue translates, filling its placeholders from `details`. `message` is the
 * English text for logs and for refusals the catalogue does not know.
 */
export class DomainError extends Error {
  readonly rule: string;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: DomainErrorDetails,
    rule?: string,
  ) {
    super(message);
    this.name = new.target.name;
    this.rule = rule ?? code;
  }
}

/** The actor may not send this command, or not for this unit. */
export class ForbiddenError extends DomainError {
  constructor(message: string, details?: DomainErrorDetails, rule?: string) {
    super('forbidden', message, details, rule);
  }
}

/** The task, target, assignment, revision or extension addressed does not exist. */
export class NotFoundError extends DomainError {
  constructor(message: string, details?: DomainErrorDetails, rule?: string) {
    super('not-found', message, details, rule);
  }
}

/** The command does not fit the current lifecycle state (verify without a claim, …). */
export class IllegalStateError extends DomainError {
  constructor(message: string, details?: DomainErrorDetails, rule?: string) {
    super('illegal-state', message, details, rule);
  }
}

/** A business rule refuses the command's content (empty reason, date in the future, …). */
export class RuleViolationError extends DomainError {
  constructor(message: string, details?: DomainErrorDetails, rule?: string) {
    super('rule-violation', message, details, rule);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
