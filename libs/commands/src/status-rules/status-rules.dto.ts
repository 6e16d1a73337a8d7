import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class StatusParametersDto {
  @ApiProperty({ example: 30, description: 'Days before the due date that count as due soon' })
  @IsInt()
  dueSoonDays: number;

  @ApiProperty({
    example: 0.1,
    description:
      'Progress may trail the pro-rata share (序时进度) by this much before it is behind',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  scheduleTolerance: number;

  @ApiPropertyOptional({
    example: 480,
    default: 480,
    description: "The plan calendar's UTC offset",
  })
  @IsOptional()
  @IsInt()
  utcOffsetMinutes?: number;
}

export class StatusRuleDto {
  @ApiProperty({ example: 'at-risk' })
  @IsString()
  @MaxLength(40)
  light: string;

  @ApiProperty({
    example: [['behindSchedule'], ['dueSoon']],
    description: 'Holds when all facts of any one list hold',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsArray({ each: true })
  when: string[][];
}

export class ConfigureStatusRulesDto {
  @ApiPropertyOptional({ example: 'changning-2024', default: 'default' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  ruleSetId?: string;

  @ApiProperty({ type: StatusParametersDto })
  // ValidateNested passes an absent value: without IsDefined a rule set without parameters got
  // through validation and failed in the controller (a 500 the API fuzzer found).
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => StatusParametersDto)
  parameters: StatusParametersDto;

  @ApiProperty({ type: [StatusRuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => StatusRuleDto)
  rules: StatusRuleDto[];

  @ApiProperty({ example: '督查室决定：序时进度容差10个百分点' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(2000)
  reason: string;
}
