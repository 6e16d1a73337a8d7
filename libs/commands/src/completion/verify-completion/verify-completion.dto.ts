import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class VerifyCompletionDto {
  @ApiPropertyOptional({ example: '核查属实，同意销号' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
