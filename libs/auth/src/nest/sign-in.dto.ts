import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'li.na' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @Length(1, 1024)
  password: string;
}

/** Who is signed in: what GET /me and a successful sign-in answer. */
export class SignedInUserDto {
  @ApiProperty({ example: 'li.na' }) id: string;
  @ApiProperty({ example: '李娜' }) name?: string;
  @ApiProperty({ enum: ['admin', 'supervisor', 'lead', 'viewer'] }) role: string;
  @ApiProperty({ required: false, example: '区数据局' }) unit?: string;
}
