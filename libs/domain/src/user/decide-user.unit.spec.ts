import { deciderSpec } from '../testing/given-when-then';
import type { UserCreated, UserEvent } from '../events/user-events';
import type { Actor } from '../events/event-metadata';
import type { UserCommand } from './user-commands';
import { userDecider } from './user-decider';

const admin: Actor = { id: 'root', role: 'admin' };
const now = '2024-06-15T02:00:00.000Z';
const spec = deciderSpec(userDecider);
const as = <C extends UserCommand>(type: C['type'], data: C['data'], actor = admin) =>
  ({ type, data, metadata: { actor, now, commandId: 'c-1' } }) as UserCommand;

const liNaCreated: UserCreated = {
  type: 'UserCreated',
  schemaVersion: 1,
  data: { userId: 'li.na', name: '李娜', role: 'lead', unit: '区数据局' },
};

describe('users', () => {
  it('given nothing, when an admin creates a lead with a unit, then the user is created with the Chinese name unchanged', () => {
    spec
      .given()
      .when(as('CreateUser', { userId: 'li.na', name: '李娜', role: 'lead', unit: '区数据局' }))
      .then(liNaCreated);
  });

  it('given nothing, when a supervisor tries to create a user, then it is forbidden', () => {
    spec
      .given()
      .when(
        as(
          'CreateUser',
          { userId: 'x1', name: '某', role: 'admin' },
          { id: 's', role: 'supervisor' },
        ),
      )
      .thenThrows('forbidden');
  });

  it('given nothing, when a lead is created without a unit or with a bad id, then the rule refuses it', () => {
    spec
      .given()
      .when(as('CreateUser', { userId: 'li.na', name: '李娜', role: 'lead' }))
      .thenThrows('rule-violation', 'unit');
    spec
      .given()
      .when(as('CreateUser', { userId: 'Li Na', name: '李娜', role: 'viewer' }))
      .thenThrows('rule-violation', 'userId');
  });

  it('given a user, when created again, then it conflicts', () => {
    spec
      .given(liNaCreated)
      .when(as('CreateUser', { userId: 'li.na', name: '李娜', role: 'viewer' }))
      .thenThrows('illegal-state');
  });

  it('given a lead, when made a supervisor without a unit, then before and after name exactly what changed', () => {
    spec
      .given(liNaCreated)
      .when(as('ChangeUser', { userId: 'li.na', role: 'supervisor', unit: null }))
      .then({
        type: 'UserProfileChanged',
        schemaVersion: 1,
        data: {
          userId: 'li.na',
          before: { role: 'lead', unit: '区数据局' },
          after: { role: 'supervisor' },
        },
      });
  });

  it('given a lead made a supervisor without a unit, then the state has no unit left', () => {
    const changed: UserEvent = {
      type: 'UserProfileChanged',
      schemaVersion: 1,
      data: {
        userId: 'li.na',
        before: { role: 'lead', unit: '区数据局' },
        after: { role: 'supervisor' },
      },
    };
    const state = [liNaCreated, changed].reduce(userDecider.evolve, userDecider.initialState());
    expect(state).toEqual({ status: 'enabled', userId: 'li.na', name: '李娜', role: 'supervisor' });
  });

  it('given a user, when a change changes nothing, then the rule refuses it', () => {
    spec
      .given(liNaCreated)
      .when(as('ChangeUser', { userId: 'li.na', name: '李娜' }))
      .thenThrows('rule-violation');
  });

  it('given a user, when disabled twice, then the second is a conflict; an admin cannot disable or demote themself', () => {
    const disabled: UserEvent = {
      type: 'UserDisabled',
      schemaVersion: 1,
      data: { userId: 'li.na' },
    };
    spec
      .given(liNaCreated)
      .when(as('DisableUser', { userId: 'li.na' }))
      .then(disabled);
    spec
      .given(liNaCreated, disabled)
      .when(as('DisableUser', { userId: 'li.na' }))
      .thenThrows('illegal-state');
    const rootCreated: UserEvent = {
      type: 'UserCreated',
      schemaVersion: 1,
      data: { userId: 'root', name: '管理员', role: 'admin' },
    };
    spec
      .given(rootCreated)
      .when(as('DisableUser', { userId: 'root' }))
      .thenThrows('forbidden');
    spec
      .given(rootCreated)
      .when(as('ChangeUser', { userId: 'root', role: 'viewer' }))
      .thenThrows('forbidden');
  });

  it('given no user, when a password change is recorded, then it is not found; given one, it records when', () => {
    spec
      .given()
      .when(as('RecordPasswordChange', { userId: 'li.na' }))
      .thenThrows('not-found');
    spec
      .given(liNaCreated)
      .when(as('RecordPasswordChange', { userId: 'li.na' }))
      .then({
        type: 'UserPasswordChanged',
        schemaVersion: 1,
        data: { userId: 'li.na', changedAt: now },
      });
  });
});
