import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsString, MaxLength } from 'class-validator';

/** A corrected figure for a report already filed, and why. */
export class CorrectReportDto {
  @ApiProperty({ example: 58 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @ApiProperty({ example: '误将累计数报为新增数，予以更正' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
