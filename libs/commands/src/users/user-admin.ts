import {
  RuleViolationError,
  userDecider,
  userStreamId,
  type ChangeUser,
  type Role,
  type UserCommand,
  type UserEvent,
} from '@duty-ledger/domain';
import { hashPassword, passwordProblem, readUser, type AuthStore } from '@duty-ledger/auth';
import type { Clock } from '@duty-ledger/clock';
import type { EventStore } from '@duty-ledger/event-store';
import type { CommandContext } from '../shared/command-context';
import { executeCommand, type CommandResult } from '../shared/execute-batch';

export interface NewUser {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly unit?: string;
}

/**
 * Granting and withdrawing rights, shared by the admin API and the CLI: each act is an event on
 * the user's stream; a password goes, hashed, to the AuthStore only — never into an event.
 */
export class UserAdmin {
  constructor(
    private readonly store: EventStore,
    private readonly authStore: AuthStore,
    private readonly clock: Clock,
  ) {}

  /** The user's event goes first: if the hash cannot be stored, the user exists without a password. */
  async create(
    context: CommandContext,
    user: NewUser,
    password: string,
  ): Promise<CommandResult<UserEvent>> {
    const hash = await this.hashChecked(password, user.userId);
    const result = await this.run(context, {
      type: 'CreateUser',
      data: user,
      metadata: context.metadata,
    });
    await this.authStore.setPasswordHash(user.userId, hash, context.metadata.now);
    return result;
  }

  change(context: CommandContext, data: ChangeUser['data']): Promise<CommandResult<UserEvent>> {
    return this.run(context, { type: 'ChangeUser', data, metadata: context.metadata });
  }

  disable(context: CommandContext, userId: string): Promise<CommandResult<UserEvent>> {
    return this.run(context, { type: 'DisableUser', data: { userId }, metadata: context.metadata });
  }

  enable(context: CommandContext, userId: string): Promise<CommandResult<UserEvent>> {
    return this.run(context, { type: 'EnableUser', data: { userId }, metadata: context.metadata });
  }

  /** Sets a new password; the user's sessions begun before it end (see SignIn.resolve). */
  async setPassword(
    context: CommandContext,
    userId: string,
    password: string,
  ): Promise<CommandResult<UserEvent>> {
    const hash = await this.hashChecked(password, userId);
    const command: UserCommand = {
      type: 'RecordPasswordChange',
      data: { userId },
      metadata: context.metadata,
    };
    // Decided before the hash is stored, so an unknown user or a forbidden caller changes nothing.
    userDecider.decide(command, (await readUser(this.store, userId)) ?? userDecider.initialState());
    await this.authStore.setPasswordHash(userId, hash, context.metadata.now);
    return this.run(context, command);
  }

  private async hashChecked(password: string, userId: string): Promise<string> {
    const problem = passwordProblem(password, userId);
    if (problem) throw new RuleViolationError(problem, { field: 'password' });
    return hashPassword(password);
  }

  private run(context: CommandContext, command: UserCommand): Promise<CommandResult<UserEvent>> {
    return executeCommand(this.store, userStreamId(command.data.userId), userDecider, command, {
      expectedRevision: context.expectedRevision,
      commandId: context.metadata.commandId,
      metadata: context.eventMetadata,
      recordedAt: () => this.clock.now().toISOString(),
    });
  }
}
