import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE } from '../../shared/dto-rules';

const PLAN_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export class UnitRefDto {
  @ApiProperty({ example: '区数据局' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: 'A collective name such as 各街镇' })
  @IsOptional()
  @IsBoolean()
  group?: boolean;
}

export class BaselineDto {
  @ApiProperty({ example: 60, description: 'The value measured before the plan' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @ApiPropertyOptional({ format: 'date', description: 'When it was measured' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'baseline.date must be a date as YYYY-MM-DD' })
  date?: string;
}

export class TargetDraftDto {
  @ApiProperty({ example: '住宅小区地下车库移动通信网络覆盖' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  metric: string;
  @ApiProperty({ example: 100 }) @IsNumber({ allowNaN: false, allowInfinity: false }) value: number;
  @ApiProperty({ example: '个' }) @IsString() @MaxLength(50) unit: string;
  @ApiProperty({ enum: ['gte', 'gt', 'lte', 'lt', 'eq'] })
  @IsIn(['gte', 'gt', 'lte', 'lt', 'eq'])
  comparator: 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
  @ApiPropertyOptional({ description: 'The text says 左右: the value is approximate' })
  @IsOptional()
  @IsBoolean()
  approximate?: boolean;
  @ApiProperty({ enum: ['cumulative', 'in-period', 'level'] })
  @IsIn(['cumulative', 'in-period', 'level'])
  kind: 'cumulative' | 'in-period' | 'level';
  @ApiProperty({ enum: ['count', 'ratio', 'level', 'money', 'yes-no'] })
  @IsIn(['count', 'ratio', 'level', 'money', 'yes-no'])
  measure: 'count' | 'ratio' | 'level' | 'money' | 'yes-no';
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueDate must be a date as YYYY-MM-DD' })
  dueDate?: string;
  @ApiProperty({ example: '完成100个住宅小区地下车库移动通信网络覆盖' })
  @IsString()
  @MaxLength(4000)
  sourceText: string;
  @ApiPropertyOptional({ type: BaselineDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BaselineDto)
  baseline?: BaselineDto;
}

export class TaskDraftDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(9999) no: number;
  @ApiProperty({ example: '完善基础设施建设' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;
  @ApiProperty() @IsString() @MaxLength(20000) body: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueDate must be a date as YYYY-MM-DD' })
  dueDate?: string;
  @ApiProperty({ type: [UnitRefDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => UnitRefDto)
  leads: UnitRefDto[];
  @ApiProperty({ type: [UnitRefDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => UnitRefDto)
  supporting: UnitRefDto[];
  @ApiProperty({ type: [TargetDraftDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TargetDraftDto)
  targets: TargetDraftDto[];
  @ApiPropertyOptional({
    type: [String],
    example: ['着力构建高效协同的数字政府', '提升政务服务效能'],
    description: 'The headings above the task, outermost first',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  sectionPath?: string[];
}

export class SectionDraftDto {
  @ApiProperty({ example: '二' }) @IsString() @IsNotEmpty() @MaxLength(20) no: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiProperty({ type: [TaskDraftDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => TaskDraftDto)
  tasks: TaskDraftDto[];
}

/**
 * Either the plan's text (`text`, parsed on the server) or the structured plan (title, year,
 * dueDate, sections) as JSON.
 */
export class ImportPlanDto {
  @ApiPropertyOptional({ description: 'The plan document as plain text (UTF-8)' })
  // Checked whenever it is sent: the text wins over a structure sent beside it.
  @ValidateIf((o: ImportPlanDto) => o.sections === undefined || o.text !== undefined)
  @IsString()
  @IsNotEmpty({
    message:
      'text must be the plan document, or send the structured plan (title, year, dueDate, sections)',
  })
  @MaxLength(2_000_000)
  text?: string;

  @ApiPropertyOptional({
    example: 'changning-2024-digital',
    description: 'Lower-case letters, digits and -',
  })
  @IsOptional()
  @Matches(PLAN_ID, { message: 'planId must be 2–63 lower-case letters, digits and -' })
  planId?: string;

  @ApiPropertyOptional({ example: '长宁区2024年度城市数字化转型工作方案' })
  @ValidateIf((o: ImportPlanDto) => o.text === undefined || o.title !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 2024 })
  @ValidateIf((o: ImportPlanDto) => o.text === undefined || o.year !== undefined)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: '2024-12-31' })
  @ValidateIf((o: ImportPlanDto) => o.text === undefined)
  @Matches(ISO_DATE, { message: 'dueDate must be a date as YYYY-MM-DD' })
  dueDate?: string;

  @ApiPropertyOptional({
    example: '蔡政办〔2023〕1号',
    description: 'The 文号 of the notice that published the plan',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  noticeRef?: string;

  @ApiPropertyOptional({ type: [SectionDraftDto] })
  @ValidateIf((o: ImportPlanDto) => o.text === undefined)
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SectionDraftDto)
  sections?: SectionDraftDto[];
}

export class ImportPlanQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: answer the parse (tasks, units, targets, warnings) and register nothing',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

export class PlanReadQueryDto {
  @ApiPropertyOptional({
    description:
      'ISO-8601 instant, or a day (up to its end in China time): the plan as recorded by then (default: now)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
