import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@duty-ledger/auth';
import { EVENT_STORE, formatPosition, type EventStore } from '@duty-ledger/event-store';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Public()
  @Get()
  async health(): Promise<{ status: string; headPosition: string | null }> {
    const head = await this.store.headPosition();
    return { status: 'ok', headPosition: head ? formatPosition(head) : null };
  }
}
