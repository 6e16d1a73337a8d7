import type { AssignmentTerms, TaskEvent } from '../../events/task-events';
import { deciderSpec } from '../../testing/given-when-then';
import {
  acknowledgedAfter,
  assigned,
  command,
  declinedAfter,
  imported,
  revised,
  supervisor,
  TARGET_1,
  TARGET_2,
  TASK_ID,
  viewer,
  withActor,
  区城运中心,
  区委网信办,
  区数据局,
} from '../../testing/task-fixtures';
import { taskDecider } from '../task-decider';

const { given } = deciderSpec(taskDecider);
const acknowledge = (unit: string, actor = 区数据局, targetId?: string) =>
  command(
    'AcknowledgeAssignment',
    { taskId: TASK_ID, ...(targetId ? { targetId } : {}), unit },
    actor,
  );
const decline = (unit: string, reason = '该项工作不属于本单位职责', actor = 区数据局) =>
  command('DeclineAssignment', { taskId: TASK_ID, unit, reason }, actor);

const taskTermsV1: AssignmentTerms = {
  version: 1,
  dueDate: '2024-12-31',
  leads: ['区数据局'],
  supporting: ['区委网信办'],
  targets: [
    { targetId: TARGET_1, value: 100, comparator: 'gte', unit: '个', dueDate: '2024-12-31' },
    { targetId: TARGET_2, value: 80, comparator: 'gte', unit: '%', dueDate: '2024-12-31' },
  ],
};
const revisedTo120: TaskEvent = revised(TARGET_1, 'rev-1', { value: 100 }, { value: 120 });

describe('AcknowledgeAssignment', () => {
  it('records the exact terms the lead unit signs for', () => {
    given(...imported)
      .when(acknowledge('区数据局'))
      .then({
        type: 'AssignmentAcknowledged',
        schemaVersion: 1,
        data: { taskId: TASK_ID, unit: '区数据局', role: 'lead', terms: taskTermsV1 },
      });
  });

  it('lets a supporting unit sign for its own assignment', () => {
    given(...imported)
      .when(acknowledge('区委网信办', 区委网信办))
      .then({
        type: 'AssignmentAcknowledged',
        schemaVersion: 1,
        data: { taskId: TASK_ID, unit: '区委网信办', role: 'supporting', terms: taskTermsV1 },
      });
  });

  it('binds a target-level assignment to that target and everyone who owes it', () => {
    given(...imported, assigned('supporting', '区城运中心', TARGET_2))
      .when(acknowledge('区城运中心', 区城运中心, TARGET_2))
      .then({
        type: 'AssignmentAcknowledged',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          targetId: TARGET_2,
          unit: '区城运中心',
          role: 'supporting',
          terms: {
            version: 1,
            dueDate: '2024-12-31',
            leads: ['区数据局'],
            supporting: ['区委网信办', '区城运中心'],
            targets: [
              {
                targetId: TARGET_2,
                value: 80,
                comparator: 'gte',
                unit: '%',
                dueDate: '2024-12-31',
              },
            ],
          },
        },
      });
  });

  it('acknowledges the new version after a revision reopened the old one', () => {
    const history = [...imported, acknowledgedAfter(imported, '区数据局'), revisedTo120];
    given(...history)
      .when(acknowledge('区数据局'))
      .then({
        type: 'AssignmentAcknowledged',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          unit: '区数据局',
          role: 'lead',
          terms: {
            ...taskTermsV1,
            version: 2,
            targets: [{ ...taskTermsV1.targets[0], value: 120 }, taskTermsV1.targets[1]],
          },
        },
      });
  });

  it('lets a unit acknowledge a version it declined, once the refusal is withdrawn', () => {
    given(...imported, declinedAfter(imported, '区数据局'))
      .when(acknowledge('区数据局'))
      .then(acknowledgedAfter(imported, '区数据局'));
  });

  it.each([supervisor, viewer])('is forbidden to a $role', (actor) => {
    given(...imported)
      .when(withActor(acknowledge('区数据局'), actor))
      .thenThrows('forbidden');
  });

  it('is forbidden to the lead of another unit', () => {
    given(...imported)
      .when(acknowledge('区数据局', 区委网信办))
      .thenThrows('forbidden', '区委网信办 may not answer for 区数据局');
  });

  it('is not found for a unit without an assignment at that scope', () => {
    given(...imported)
      .when(acknowledge('区城运中心', 区城运中心))
      .thenThrows('not-found');
  });

  it('is not found for a target-level assignment the unit does not hold', () => {
    given(...imported)
      .when(acknowledge('区数据局', 区数据局, TARGET_1))
      .thenThrows('not-found');
  });

  it('refuses a collective placeholder still to be named', () => {
    given(...imported, {
      type: 'SupportingUnitAssigned',
      schemaVersion: 1,
      data: { taskId: TASK_ID, unit: '各相关单位', reason: '计划文本指定', isGroup: true },
    })
      .when(acknowledge('各相关单位', { id: 'u-x', role: 'lead', unit: '各相关单位' }))
      .thenThrows('rule-violation', 'placeholder');
  });

  it('refuses to acknowledge the same version twice', () => {
    given(...imported, acknowledgedAfter(imported, '区数据局'))
      .when(acknowledge('区数据局'))
      .thenThrows('rule-violation', 'already acknowledged version 1');
  });
});

describe('DeclineAssignment', () => {
  it('returns the assignment with its reason and the version it answers', () => {
    given(...imported)
      .when(decline('区数据局'))
      .then({
        type: 'AssignmentDeclined',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          unit: '区数据局',
          role: 'lead',
          reason: '该项工作不属于本单位职责',
          termsVersion: 1,
        },
      });
  });

  it('declines a reopened assignment at its new version', () => {
    given(...imported, acknowledgedAfter(imported, '区数据局'), revisedTo120)
      .when(decline('区数据局', '目标值调高后无法完成'))
      .then({
        type: 'AssignmentDeclined',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          unit: '区数据局',
          role: 'lead',
          reason: '目标值调高后无法完成',
          termsVersion: 2,
        },
      });
  });

  it('needs a reason', () => {
    given(...imported)
      .when(decline('区数据局', ' '))
      .thenThrows('rule-violation', 'reason');
  });

  it('is forbidden to the lead of another unit', () => {
    given(...imported)
      .when(decline('区数据局', '不同意', 区城运中心))
      .thenThrows('forbidden');
  });

  it('is forbidden to a supervisor', () => {
    given(...imported)
      .when(withActor(decline('区数据局'), supervisor))
      .thenThrows('forbidden');
  });

  it('is not found for a unit without an assignment', () => {
    given(...imported)
      .when(decline('区城运中心', '不同意', 区城运中心))
      .thenThrows('not-found');
  });

  it('refuses to decline the same version twice', () => {
    given(...imported, declinedAfter(imported, '区数据局'))
      .when(decline('区数据局'))
      .thenThrows('rule-violation', 'already declined version 1');
  });

  it('refuses to decline a version already acknowledged', () => {
    given(...imported, acknowledgedAfter(imported, '区数据局'))
      .when(decline('区数据局'))
      .thenThrows('rule-violation', 'already acknowledged version 1');
  });
});
