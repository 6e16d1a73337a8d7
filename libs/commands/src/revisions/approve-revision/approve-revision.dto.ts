import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Approving a lowering needs a 文号: here, unless the proposal gave one. */
export class ApproveRevisionDto {
  @ApiPropertyOptional({
    example: '长府办〔2024〕12号',
    description: '文号 of the document authorising the change; required to approve a lowering',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}
