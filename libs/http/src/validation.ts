import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and names every bad field with its reason. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const first = problems[0];
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: first ? `${first.field}: ${first.reason}` : 'Invalid request',
        errors: problems,
      });
    },
  });
}
