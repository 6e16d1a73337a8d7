import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  AUTH_STORE,
  listUsers,
  readUser,
  Roles,
  userHistory,
  viewOfUser,
  type AuthStore,
  type UserHistoryEntry,
  type UserView,
} from '@duty-ledger/auth';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import type { UserEvent } from '@duty-ledger/domain';
import { asOfInstant } from '@duty-ledger/projections';
import { commandContextOf, type CommandContext } from '../shared/command-context';
import type { CommandResult } from '../shared/execute-batch';
import type { CommandRequest } from '../shared/request-context';
import { ChangeUserDto, CreateUserDto, SetPasswordDto, UsersQueryDto } from './user.dto';
import { UserAdmin } from './user-admin';
import { WithoutIdempotencyKey } from '../shared/idempotency.interceptor';

interface UserChangeResponse {
  readonly user: UserView | undefined;
  readonly revision: number;
  readonly position: string;
  readonly events: readonly { readonly type: string }[];
}

/** The users admin API: who may sign in with which role. Admins only; passwords never come back. */
@ApiTags('users')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  private readonly admin: UserAdmin;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUTH_STORE) authStore: AuthStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.admin = new UserAdmin(store, authStore, clock);
  }

  /** Every user, as recorded by `asOf` when given. */
  @Get()
  async list(@Query() query: UsersQueryDto): Promise<{ items: UserView[]; asOf: string }> {
    const asOf =
      query.asOf === undefined ? this.clock.now().toISOString() : asOfInstant(query.asOf);
    return { items: await listUsers(this.store, asOf), asOf };
  }

  /** Who granted this user what, and when: the user's stream, oldest first. */
  @Get(':id/history')
  async history(
    @Param('id') id: string,
    @Query() query: UsersQueryDto,
  ): Promise<{ items: UserHistoryEntry[] }> {
    const asOf = query.asOf === undefined ? undefined : asOfInstant(query.asOf);
    const items = await userHistory(this.store, id, asOf);
    if (!items) throw new NotFoundException(`user ${id} does not exist`);
    return { items };
  }

  @Post()
  @WithoutIdempotencyKey()
  async create(
    @Body() body: CreateUserDto,
    @Req() request: CommandRequest,
  ): Promise<UserChangeResponse> {
    const { password, id, ...profile } = body;
    const context = commandContextOf(request, this.clock);
    return this.answer(id, await this.admin.create(context, { userId: id, ...profile }, password));
  }

  /** Changes name, role or unit, and enables or disables, in that order; each is its own event. */
  @Patch(':id')
  async change(
    @Param('id') id: string,
    @Body() body: ChangeUserDto,
    @Req() request: CommandRequest,
  ): Promise<UserChangeResponse> {
    const { enabled, ...given } = body;
    // Fields left out of the body are absent, not undefined-valued, in the domain's change.
    const profile = Object.fromEntries(
      Object.entries(given).filter(([, value]) => value !== undefined),
    ) as Omit<ChangeUserDto, 'enabled'>;
    if (Object.keys(profile).length === 0 && enabled === undefined)
      throw new BadRequestException({
        statusCode: 400,
        message: 'name, role, unit or enabled: give at least one',
        errors: [{ field: 'body', reason: 'give at least one of name, role, unit, enabled' }],
      });
    const context = commandContextOf(request, this.clock);
    const results: CommandResult<UserEvent>[] = [];
    if (Object.keys(profile).length > 0)
      results.push(await this.admin.change(context, { userId: id, ...profile }));
    if (enabled !== undefined) {
      const user = await readUser(this.store, id);
      if (!user || (user.status === 'enabled') !== enabled)
        results.push(await this.toggle(context, id, enabled, results.length > 0));
    }
    return this.answer(id, ...results);
  }

  @Post(':id/password')
  @WithoutIdempotencyKey()
  @HttpCode(200)
  async setPassword(
    @Param('id') id: string,
    @Body() body: SetPasswordDto,
    @Req() request: CommandRequest,
  ): Promise<UserChangeResponse> {
    const context = commandContextOf(request, this.clock);
    return this.answer(id, await this.admin.setPassword(context, id, body.password));
  }

  /** A second act of one request: its own command id, the same correlation. */
  private toggle(context: CommandContext, id: string, enabled: boolean, second: boolean) {
    const next = second ? secondCommand(context) : context;
    return enabled ? this.admin.enable(next, id) : this.admin.disable(next, id);
  }

  private async answer(
    id: string,
    ...results: CommandResult<UserEvent>[]
  ): Promise<UserChangeResponse> {
    const last = results[results.length - 1];
    const user = await viewOfUser(this.store, id);
    return {
      user,
      revision: last?.revision ?? -1,
      position: last?.position ?? '',
      events: results.flatMap((r) => r.events.map((e) => ({ type: e.type }))),
    };
  }
}

function secondCommand(context: CommandContext): CommandContext {
  const commandId = `${context.metadata.commandId}-2`;
  return {
    metadata: { ...context.metadata, commandId },
    eventMetadata: { ...context.eventMetadata, commandId, causationId: commandId },
  };
}
