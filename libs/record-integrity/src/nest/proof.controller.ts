import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@duty-ledger/auth';
import { EVENT_STORE, parsePosition, type EventStore } from '@duty-ledger/event-store';
import { buildProof, type RecordProof } from '../proof';

@ApiTags('record')
@ApiBearerAuth()
@Controller('events')
export class ProofController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':position/proof')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Proof that the event at a log position is in the record under a signed seal',
    description:
      'The event as recorded, its place in the log, every leaf hash of the seal that first covers it (the chain ' +
      'segment from the previous seal) and that seal with its Ed25519 signature. Check it with only the public key: ' +
      '`node tools/verify-record.js --key record-seal-key.pub.pem --proof proof.json`. 409 while the event is not sealed yet.',
  })
  async proof(@Param('position') text: string): Promise<RecordProof> {
    const position = parsePosition(text);
    if (!position) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'position: must be a log position, e.g. 42',
      });
    }
    const answer = await buildProof(this.store, position);
    if (answer === 'not-found') throw new NotFoundException(`No event at position ${text}`);
    if (answer === 'not-sealed-yet') {
      throw new ConflictException(
        `The event at position ${text} is not sealed yet; it will be within the next seal interval`,
      );
    }
    return answer;
  }
}
