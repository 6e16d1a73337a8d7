import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
