import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class AssignUnitDto {
  @ApiProperty({ example: '区数据局', description: 'The unit, as named in the plan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  unit: string;

  @ApiProperty({ enum: ['lead', 'supporting'] })
  @IsIn(['lead', 'supporting'])
  role: 'lead' | 'supporting';

  @ApiProperty({ example: '按区委督查室要求调整牵头单位' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class RemoveAssignmentDto {
  @ApiProperty({ example: '职能调整' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({
    enum: ['lead', 'supporting'],
    description: 'Needed only when the unit holds both roles here',
  })
  @IsOptional()
  @IsIn(['lead', 'supporting'])
  role?: 'lead' | 'supporting';
}

export class DeclineAssignmentDto {
  @ApiProperty({ example: '该事项不属于本单位职责' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
