import type { Actor } from '../events/event-metadata';
import { DomainError } from '../errors';
import { deciderSpec } from '../testing/given-when-then';
import {
  admin,
  command,
  imported,
  supervisor,
  TARGET_1,
  TASK_ID,
  viewer,
  withActor,
} from '../testing/task-fixtures';
import type { TaskCommand } from './commands/task-command';
import { decideTask, TASK_COMMAND_ROLES } from './decide-task';
import { taskCommandScope } from './task-command-scope';
import { taskDecider } from './task-decider';
import { initialTaskState } from './task-state';

const { given } = deciderSpec(taskDecider);
const scope = { taskId: TASK_ID };
const onTarget = { targetId: TARGET_1 };

/** One command of every type, as sent by the viewer (the actor is replaced per test). */
const everyCommand: TaskCommand[] = [
  command('AssignLead', { ...scope, unit: '区城运中心', reason: 'r' }, viewer),
  command('AssignSupportingUnit', { ...scope, unit: '区城运中心', reason: 'r' }, viewer),
  command(
    'RemoveAssignment',
    { ...scope, unit: '区委网信办', role: 'supporting', reason: 'r' },
    viewer,
  ),
  command('AcknowledgeAssignment', { ...scope, unit: '区数据局' }, viewer),
  command('DeclineAssignment', { ...scope, unit: '区数据局', reason: 'r' }, viewer),
  command(
    'ReportMilestone',
    { ...onTarget, milestoneId: 'm', value: 1, asOf: '2024-06-01', evidence: [] },
    viewer,
  ),
  command(
    'ReportTaskProgress',
    { ...scope, reportId: 'p', asOf: '2024-06-01', note: 'n', evidence: [] },
    viewer,
  ),
  command('CorrectReport', { ...onTarget, reportId: 'm', value: 2, reason: 'r' }, viewer),
  command(
    'ReviseTarget',
    { ...onTarget, revisionId: 'r', changes: { value: 1 }, reason: 'r' },
    viewer,
  ),
  command(
    'ProposeTargetRevision',
    { ...onTarget, revisionId: 'r', changes: { value: 1 }, reason: 'r' },
    viewer,
  ),
  command('ApproveTargetRevision', { ...onTarget, revisionId: 'r' }, viewer),
  command('RejectTargetRevision', { ...onTarget, revisionId: 'r', reason: 'r' }, viewer),
  command(
    'RequestDeadlineExtension',
    { ...onTarget, extensionId: 'e', requestedDueDate: '2025-01-31', reason: 'r' },
    viewer,
  ),
  command(
    'ApproveDeadlineExtension',
    { ...onTarget, extensionId: 'e', newDueDate: '2025-01-31' },
    viewer,
  ),
  command('RejectDeadlineExtension', { ...onTarget, extensionId: 'e', reason: 'r' }, viewer),
  command('ClaimCompletion', { ...onTarget, evidence: ['x'] }, viewer),
  command('VerifyCompletion', { ...onTarget }, viewer),
  command('SendBackCompletion', { ...onTarget, reason: 'r' }, viewer),
  command('ReopenTarget', { ...onTarget, reason: 'r' }, viewer),
];

describe('decideTask', () => {
  it('has a sample of every command type in this table', () => {
    expect(everyCommand.map((c) => c.type).sort()).toEqual(Object.keys(TASK_COMMAND_ROLES).sort());
  });

  describe.each(everyCommand.map((c) => [c.type, c] as const))('%s', (_type, cmd) => {
    it('is forbidden to a viewer', () => {
      given(...imported)
        .when(cmd)
        .thenThrows('forbidden');
    });

    it('is forbidden to an admin, who only imports plans', () => {
      given(...imported)
        .when(withActor(cmd, admin))
        .thenThrows('forbidden');
    });

    it('is not found on a task that does not exist, for a role that may send it', () => {
      const allowed: Actor = {
        id: 'u-allowed',
        role: TASK_COMMAND_ROLES[cmd.type][0],
        unit: '区数据局',
      };
      given().when(withActor(cmd, allowed)).thenThrows('not-found');
    });
  });

  it('is not found when the command addresses another task than the state holds', () => {
    given(...imported)
      .when(
        command(
          'AssignLead',
          { taskId: 'cn-2024-t02', unit: '区城运中心', reason: 'r' },
          supervisor,
        ),
      )
      .thenThrows('not-found');
  });

  it('throws DomainError instances carrying a code and details', () => {
    const run = () =>
      decideTask(command('VerifyCompletion', onTarget, supervisor), initialTaskState());
    expect(run).toThrow(DomainError);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'not-found',
        name: 'NotFoundError',
        details: { taskId: TASK_ID },
      });
    }
  });
});

describe('taskCommandScope', () => {
  it('routes a task-addressed command to its task stream', () => {
    expect(
      taskCommandScope(
        command('AssignLead', { taskId: TASK_ID, unit: '区城运中心', reason: 'r' }, supervisor),
      ),
    ).toEqual({
      taskId: TASK_ID,
      streamId: `task-${TASK_ID}`,
    });
  });

  it('keeps the target of a target-level assignment', () => {
    expect(
      taskCommandScope(
        command(
          'AcknowledgeAssignment',
          { taskId: TASK_ID, targetId: TARGET_1, unit: '区数据局' },
          supervisor,
        ),
      ),
    ).toEqual({ taskId: TASK_ID, targetId: TARGET_1, streamId: `task-${TASK_ID}` });
  });

  it('derives the task of a target-addressed command from the target id', () => {
    expect(
      taskCommandScope(
        command('ReopenTarget', { targetId: 'cn-2024-t12-g3', reason: 'r' }, supervisor),
      ),
    ).toEqual({
      taskId: 'cn-2024-t12',
      targetId: 'cn-2024-t12-g3',
      streamId: 'task-cn-2024-t12',
    });
  });

  it('is not found for a target id that names no task', () => {
    expect(() =>
      taskCommandScope(command('ReopenTarget', { targetId: 'g3', reason: 'r' }, supervisor)),
    ).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
