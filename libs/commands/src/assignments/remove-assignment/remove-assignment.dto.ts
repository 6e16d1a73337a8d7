import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Reason } from '../../shared/dto-rules';

export class RemoveAssignmentDto {
  @Reason('职能调整')
  reason: string;

  @ApiPropertyOptional({
    enum: ['lead', 'supporting'],
    description: 'Needed only when the unit holds both roles here',
  })
  @IsOptional()
  @IsIn(['lead', 'supporting'])
  role?: 'lead' | 'supporting';
}
