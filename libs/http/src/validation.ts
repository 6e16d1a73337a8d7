import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { byBasicFirst, type FieldProblem } from './problems/problem';

export type { FieldProblem } from './problems/problem';

function flatten(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]) => ({
      field,
      reason,
      constraint,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Rejects unknown fields and names every bad field with its reason, the most basic problem first
 * (a missing field is named as missing before anything is said about its length); the problem
 * filter words them in the client's language.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors).sort(byBasicFirst);
      const first = problems[0];
      return new BadRequestException({
        code: 'validation-failed',
        message: first ? `${first.field}: ${first.reason}` : 'Invalid request',
        errors: problems,
      });
    },
  });
}
