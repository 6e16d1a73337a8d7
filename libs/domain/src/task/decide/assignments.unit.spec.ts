import { deciderSpec } from '../../testing/given-when-then';
import {
  admin,
  assigned,
  command,
  imported,
  supervisor,
  TARGET_1,
  TASK_ID,
  viewer,
  withActor,
  区数据局,
} from '../../testing/task-fixtures';
import { taskDecider } from '../task-decider';

const { given } = deciderSpec(taskDecider);
const assignLead = (unit: string, targetId?: string, reason = '区委常委会决定') =>
  command(
    'AssignLead',
    { taskId: TASK_ID, ...(targetId ? { targetId } : {}), unit, reason },
    supervisor,
  );
const assignSupporting = (unit: string, targetId?: string, reason = '工作需要') =>
  command(
    'AssignSupportingUnit',
    { taskId: TASK_ID, ...(targetId ? { targetId } : {}), unit, reason },
    supervisor,
  );

describe('AssignLead', () => {
  it('makes a unit the lead of the task', () => {
    given(...imported)
      .when(assignLead('区城运中心'))
      .then(assigned('lead', '区城运中心', undefined, '区委常委会决定'));
  });

  it('makes a unit the lead of a single target', () => {
    given(...imported)
      .when(assignLead('区城运中心', TARGET_1))
      .then(assigned('lead', '区城运中心', TARGET_1, '区委常委会决定'));
  });

  it.each([viewer, admin, 区数据局])('is forbidden to $role', (actor) => {
    given(...imported)
      .when(withActor(assignLead('区城运中心'), actor))
      .thenThrows('forbidden');
  });

  it('is not found for a task that was never registered', () => {
    given().when(assignLead('区城运中心')).thenThrows('not-found');
  });

  it('is not found for a target outside the task', () => {
    given(...imported)
      .when(assignLead('区城运中心', `${TASK_ID}-g9`))
      .thenThrows('not-found');
  });

  it('needs a reason', () => {
    given(...imported)
      .when(assignLead('区城运中心', undefined, '  '))
      .thenThrows('rule-violation', 'reason');
  });

  it('needs a unit name', () => {
    given(...imported)
      .when(assignLead(''))
      .thenThrows('rule-violation', 'unit');
  });

  it('refuses to assign the same lead twice', () => {
    given(...imported)
      .when(assignLead('区数据局'))
      .thenThrows('rule-violation', '区数据局 is already the lead');
  });

  it('refuses to make a supporting unit the lead without removing that assignment first', () => {
    given(...imported)
      .when(assignLead('区委网信办'))
      .thenThrows('rule-violation', 'remove that assignment first');
  });

  it('refuses a target-level lead for a unit that already owes the target through the task', () => {
    given(...imported)
      .when(assignLead('区数据局', TARGET_1))
      .thenThrows('rule-violation');
  });

  it('refuses a task-level lead for a unit already assigned to one of its targets', () => {
    given(...imported, assigned('supporting', '区城运中心', TARGET_1))
      .when(assignLead('区城运中心'))
      .thenThrows('rule-violation', `target ${TARGET_1}`);
  });
});

describe('AssignSupportingUnit', () => {
  it('adds a supporting unit to the task', () => {
    given(...imported)
      .when(assignSupporting('华阳路街道'))
      .then(assigned('supporting', '华阳路街道', undefined, '工作需要'));
  });

  it('adds a supporting unit to a single target', () => {
    given(...imported)
      .when(assignSupporting('华阳路街道', TARGET_1))
      .then(assigned('supporting', '华阳路街道', TARGET_1, '工作需要'));
  });

  it('is forbidden to a lead', () => {
    given(...imported)
      .when(withActor(assignSupporting('华阳路街道'), 区数据局))
      .thenThrows('forbidden');
  });

  it('is not found for a target outside the task', () => {
    given(...imported)
      .when(assignSupporting('华阳路街道', 'cn-2024-t02-g1'))
      .thenThrows('not-found');
  });

  it('needs a reason', () => {
    given(...imported)
      .when(assignSupporting('华阳路街道', undefined, ''))
      .thenThrows('rule-violation', 'reason');
  });

  it('refuses the same supporting unit twice', () => {
    given(...imported)
      .when(assignSupporting('区委网信办'))
      .thenThrows('rule-violation', '区委网信办 is already the supporting unit');
  });

  it('refuses to make the lead a supporting unit', () => {
    given(...imported)
      .when(assignSupporting('区数据局'))
      .thenThrows('rule-violation', 'remove that assignment first');
  });
});

describe('RemoveAssignment', () => {
  const remove = (
    unit: string,
    role: 'lead' | 'supporting',
    reason = '职能调整',
    targetId?: string,
  ) =>
    command(
      'RemoveAssignment',
      { taskId: TASK_ID, ...(targetId ? { targetId } : {}), unit, role, reason },
      supervisor,
    );

  it('removes an assignment with its reason', () => {
    given(...imported)
      .when(remove('区委网信办', 'supporting'))
      .then({
        type: 'AssignmentRemoved',
        schemaVersion: 1,
        data: { taskId: TASK_ID, unit: '区委网信办', role: 'supporting', reason: '职能调整' },
      });
  });

  it('removes a target-level assignment', () => {
    given(...imported, assigned('supporting', '华阳路街道', TARGET_1))
      .when(remove('华阳路街道', 'supporting', '职能调整', TARGET_1))
      .then({
        type: 'AssignmentRemoved',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          targetId: TARGET_1,
          unit: '华阳路街道',
          role: 'supporting',
          reason: '职能调整',
        },
      });
  });

  it('lets a removed supporting unit become the lead', () => {
    given(...imported, {
      type: 'AssignmentRemoved',
      schemaVersion: 1,
      data: { taskId: TASK_ID, unit: '区委网信办', role: 'supporting', reason: '改为牵头' },
    })
      .when(assignLead('区委网信办'))
      .then(assigned('lead', '区委网信办', undefined, '区委常委会决定'));
  });

  it('is forbidden to a lead', () => {
    given(...imported)
      .when(withActor(remove('区委网信办', 'supporting'), 区数据局))
      .thenThrows('forbidden');
  });

  it('is not found for a unit that is not assigned', () => {
    given(...imported)
      .when(remove('区城运中心', 'lead'))
      .thenThrows('not-found');
  });

  it('is not found when the unit holds the other role', () => {
    given(...imported)
      .when(remove('区委网信办', 'lead'))
      .thenThrows('not-found');
  });

  it('is not found at a target the unit is not assigned to directly', () => {
    given(...imported)
      .when(remove('区数据局', 'lead', '职能调整', TARGET_1))
      .thenThrows('not-found');
  });

  it('needs a reason', () => {
    given(...imported)
      .when(remove('区委网信办', 'supporting', ' '))
      .thenThrows('rule-violation', 'reason');
  });

  describe('without a role', () => {
    const removeAny = (unit: string, targetId?: string) =>
      command(
        'RemoveAssignment',
        { taskId: TASK_ID, ...(targetId ? { targetId } : {}), unit, reason: '职能调整' },
        supervisor,
      );

    it('removes the one role the unit holds at the scope', () => {
      given(...imported)
        .when(removeAny('区委网信办'))
        .then({
          type: 'AssignmentRemoved',
          schemaVersion: 1,
          data: { taskId: TASK_ID, unit: '区委网信办', role: 'supporting', reason: '职能调整' },
        });
    });

    it('takes the role held on the target itself', () => {
      given(...imported, assigned('lead', '华阳路街道', TARGET_1))
        .when(removeAny('华阳路街道', TARGET_1))
        .then({
          type: 'AssignmentRemoved',
          schemaVersion: 1,
          data: {
            taskId: TASK_ID,
            targetId: TARGET_1,
            unit: '华阳路街道',
            role: 'lead',
            reason: '职能调整',
          },
        });
    });

    it('is not found, as a lead, for a unit with no role at the scope', () => {
      given(...imported)
        .when(removeAny('区城运中心'))
        .thenThrows('not-found', '区城运中心 is not lead at this scope');
    });

    it('is not found for a task that was never registered', () => {
      given().when(removeAny('区委网信办')).thenThrows('not-found');
    });
  });
});
