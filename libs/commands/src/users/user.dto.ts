import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { ROLES, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type Role } from '@duty-ledger/auth';
import { USER_ID_PATTERN } from '@duty-ledger/domain';

export class CreateUserDto {
  @ApiProperty({ example: 'li.na', description: 'sign-in name: lower-case letters, digits, . _ -' })
  @IsString()
  @Matches(USER_ID_PATTERN, {
    message: 'id must be 2 to 64 of a-z 0-9 . _ - (starting with a letter or digit)',
  })
  id: string;

  @ApiProperty({ example: '李娜' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: '区数据局', description: 'required for a lead' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  unit?: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  password: string;
}

export class ChangeUserDto {
  @ApiPropertyOptional({ example: '李娜' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: '区数据局', nullable: true, description: 'null removes it' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @Length(1, 100)
  unit?: string | null;

  @ApiPropertyOptional({ description: 'false disables the user: their sessions stop at once' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class SetPasswordDto {
  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  password: string;
}

export class UsersQueryDto {
  @ApiPropertyOptional({
    description:
      'ISO-8601 instant, or a day (to its end in China time): the users as recorded by then',
    example: '2024-07-01T00:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
