import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** A required free-text reason (理由): non-empty, bounded. */
export const Reason = (example = '因上级文件调整'): PropertyDecorator =>
  applyDecorators(ApiProperty({ example }), IsString(), IsNotEmpty(), MaxLength(2000));

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date, YYYY-MM-DD. */
export const CalendarDate = (example = '2024-12-31'): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example, format: 'date' }),
    IsString(),
    Matches(ISO_DATE, { message: '$property must be a date as YYYY-MM-DD' }),
  );
