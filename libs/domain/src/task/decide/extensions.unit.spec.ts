import type { Actor } from '../../events/event-metadata';
import type { TaskEvent } from '../../events/task-events';
import { deciderSpec } from '../../testing/given-when-then';
import {
  claimed,
  command,
  extensionRequested,
  imported,
  revised,
  supervisor,
  TARGET_1,
  TASK_ID,
  verified,
  withActor,
  区委网信办,
  区数据局,
} from '../../testing/task-fixtures';
import { taskDecider } from '../task-decider';

const { given } = deciderSpec(taskDecider);
const request = (
  extra: { requestedDueDate?: string; reason?: string; extensionId?: string } = {},
  now = '2024-12-01T02:00:00Z',
  actor: Actor = 区数据局,
) =>
  command(
    'RequestDeadlineExtension',
    {
      targetId: TARGET_1,
      extensionId: 'ext-1',
      requestedDueDate: '2025-03-31',
      reason: '设备采购延迟',
      ...extra,
    },
    actor,
    now,
  );
const approve = (
  newDueDate = '2025-02-28',
  extra: { reason?: string; extensionId?: string } = {},
  actor: Actor = supervisor,
) =>
  command(
    'ApproveDeadlineExtension',
    { targetId: TARGET_1, extensionId: 'ext-1', newDueDate, ...extra },
    actor,
  );
const reject = (reason = '不符合延期条件', actor: Actor = supervisor) =>
  command('RejectDeadlineExtension', { targetId: TARGET_1, extensionId: 'ext-1', reason }, actor);
const approvedEvent: TaskEvent = {
  type: 'DeadlineExtensionApproved',
  schemaVersion: 1,
  data: {
    taskId: TASK_ID,
    targetId: TARGET_1,
    extensionId: 'ext-1',
    approvedBy: supervisor.id,
    previousDueDate: '2024-12-31',
    newDueDate: '2025-02-28',
  },
};
const rejectedEvent: TaskEvent = {
  type: 'DeadlineExtensionRejected',
  schemaVersion: 1,
  data: {
    taskId: TASK_ID,
    targetId: TARGET_1,
    extensionId: 'ext-1',
    rejectedBy: supervisor.id,
    reason: '不符合延期条件',
  },
};

describe('RequestDeadlineExtension', () => {
  it('records the request of the lead unit against the due date in force', () => {
    given(...imported)
      .when(request())
      .then(extensionRequested('ext-1'));
  });

  it('can be made on the day before the due date', () => {
    given(...imported)
      .when(request({}, '2024-12-30T15:59:59Z'))
      .then(extensionRequested('ext-1'));
  });

  it('is refused on the due date itself (Asia/Shanghai)', () => {
    given(...imported)
      .when(request({}, '2024-12-30T16:00:00Z'))
      .thenThrows('rule-violation', 'before the due date 2024-12-31');
  });

  it('is refused after the due date', () => {
    given(...imported)
      .when(request({}, '2025-01-05T02:00:00Z'))
      .thenThrows('rule-violation', 'before the due date');
  });

  it('measures against the revised due date', () => {
    given(
      ...imported,
      revised(TARGET_1, 'rev-1', { dueDate: '2024-12-31' }, { dueDate: '2024-11-30' }),
    )
      .when(request())
      .thenThrows('rule-violation', 'before the due date 2024-11-30');
  });

  it('refuses a requested date not later than the due date', () => {
    given(...imported)
      .when(request({ requestedDueDate: '2024-12-31' }))
      .thenThrows('rule-violation', 'must be later than the due date');
  });

  it('refuses a requested date that is not a calendar date', () => {
    given(...imported)
      .when(request({ requestedDueDate: '2025-3-31' }))
      .thenThrows('rule-violation', 'requestedDueDate');
  });

  it('needs a reason', () => {
    given(...imported)
      .when(request({ reason: '' }))
      .thenThrows('rule-violation', 'reason');
  });

  it('is refused while another request is pending', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(request({ extensionId: 'ext-2' }))
      .thenThrows('illegal-state', 'ext-1');
  });

  it('may be made again after a rejection, under a new id', () => {
    given(...imported, extensionRequested('ext-1'), rejectedEvent)
      .when(request({ extensionId: 'ext-2' }))
      .then(extensionRequested('ext-2'));
  });

  it('refuses an extension id already used', () => {
    given(...imported, extensionRequested('ext-1'), rejectedEvent)
      .when(request())
      .thenThrows('rule-violation', 'ext-1 is already used');
  });

  it('is refused on a verified target', () => {
    given(...imported, claimed(), verified())
      .when(request())
      .thenThrows('illegal-state');
  });

  it('is forbidden to a supporting unit', () => {
    given(...imported)
      .when(request({}, undefined, 区委网信办))
      .thenThrows('forbidden', 'not the lead unit');
  });

  it('is forbidden to a supervisor', () => {
    given(...imported)
      .when(withActor(request(), supervisor))
      .thenThrows('forbidden');
  });
});

describe('ApproveDeadlineExtension', () => {
  it('grants an exact date, which may differ from the one requested', () => {
    given(...imported, extensionRequested('ext-1', '2025-03-31'))
      .when(approve('2025-02-28'))
      .then(approvedEvent);
  });

  it('records the supervisor’s reason when given', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(approve('2025-02-28', { reason: '同意延期至春节前' }))
      .then({
        ...approvedEvent,
        data: { ...approvedEvent.data, reason: '同意延期至春节前' },
      } as TaskEvent);
  });

  it('refuses a date not later than the due date in force', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(approve('2024-12-31'))
      .thenThrows('rule-violation', 'later than the due date');
  });

  it('refuses a date that is not a calendar date', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(approve('2025-02-29'))
      .thenThrows('rule-violation', 'newDueDate');
  });

  it('refuses a blank reason', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(approve('2025-02-28', { reason: ' ' }))
      .thenThrows('rule-violation', 'reason');
  });

  it('is not found for an unknown request', () => {
    given(...imported)
      .when(approve())
      .thenThrows('not-found');
  });

  it('is refused for a request already decided', () => {
    given(...imported, extensionRequested('ext-1'), approvedEvent)
      .when(approve('2025-04-30'))
      .thenThrows('illegal-state', 'already approved');
  });

  it('is refused on a verified target', () => {
    given(...imported, extensionRequested('ext-1'), claimed(), verified())
      .when(approve())
      .thenThrows('illegal-state', 'verified');
  });

  it('is forbidden to a lead', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(approve('2025-02-28', {}, 区数据局))
      .thenThrows('forbidden');
  });
});

describe('RejectDeadlineExtension', () => {
  it('rejects a pending request with a reason', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(reject())
      .then(rejectedEvent);
  });

  it('needs a reason', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(reject(''))
      .thenThrows('rule-violation', 'reason');
  });

  it('is refused for a request already rejected', () => {
    given(...imported, extensionRequested('ext-1'), rejectedEvent)
      .when(reject())
      .thenThrows('illegal-state', 'already rejected');
  });

  it('is not found for an unknown request', () => {
    given(...imported)
      .when(reject())
      .thenThrows('not-found');
  });

  it('is forbidden to a lead', () => {
    given(...imported, extensionRequested('ext-1'))
      .when(reject('不同意', 区数据局))
      .thenThrows('forbidden');
  });
});
