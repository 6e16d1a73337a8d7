import {
  BadRequestException,
  Controller,
  Get,
  Headers,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { parsePosition } from '@duty-ledger/event-store';
import { ProjectionRunner, type RunnerStatus } from '../runner/projection-runner';

@ApiTags('projections')
@Controller()
export class LiveController {
  constructor(private readonly runner: ProjectionRunner) {}

  /**
   * Server-Sent Events, one per event once it is in the read models; `id:` is its log position.
   * A client reconnecting with Last-Event-ID first gets what it missed, read back from the log.
   */
  @Sse('events/stream')
  stream(@Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    const after =
      lastEventId === undefined || lastEventId === '' ? undefined : parsePosition(lastEventId);
    if (lastEventId && !after)
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Last-Event-ID: must be a log position',
      });
    return this.runner
      .changesAfter(after)
      .pipe(map((change) => ({ id: change.position, type: 'projected', data: change })));
  }

  /** Where each read model stands: caught up, checkpoint, lag in events and seconds. */
  @Get('projections/status')
  status(): Promise<RunnerStatus> {
    return this.runner.status();
  }
}
