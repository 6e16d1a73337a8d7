import type { TaskEvent } from '../../events/task-events';
import { deciderSpec } from '../../testing/given-when-then';
import {
  claimed,
  command,
  imported,
  supervisor,
  TARGET_1,
  TASK_ID,
  verified,
  viewer,
  withActor,
  区城运中心,
  区委网信办,
  区数据局,
} from '../../testing/task-fixtures';
import { taskDecider } from '../task-decider';

const { given } = deciderSpec(taskDecider);
const claim = (evidence: string[] = ['验收报告.pdf'], actor = 区数据局, note?: string) =>
  command('ClaimCompletion', { targetId: TARGET_1, evidence, ...(note ? { note } : {}) }, actor);
const verify = (note?: string) =>
  command('VerifyCompletion', { targetId: TARGET_1, ...(note ? { note } : {}) }, supervisor);
const sendBack = (reason = '佐证材料不足') =>
  command('SendBackCompletion', { targetId: TARGET_1, reason }, supervisor);
const reopen = (reason = '复核发现部分小区未覆盖') =>
  command('ReopenTarget', { targetId: TARGET_1, reason }, supervisor);
const sentBackEvent: TaskEvent = {
  type: 'CompletionSentBack',
  schemaVersion: 1,
  data: { taskId: TASK_ID, targetId: TARGET_1, sentBackBy: supervisor.id, reason: '佐证材料不足' },
};

describe('ClaimCompletion', () => {
  it('records the lead unit’s claim with its evidence', () => {
    given(...imported)
      .when(claim())
      .then(claimed());
  });

  it('keeps a note when given', () => {
    given(...imported)
      .when(claim(['验收报告.pdf'], 区数据局, '100个小区全部覆盖'))
      .then({ ...claimed(), data: { ...claimed().data, note: '100个小区全部覆盖' } } as TaskEvent);
  });

  it('may claim again after the claim was sent back', () => {
    given(...imported, claimed(), sentBackEvent)
      .when(claim())
      .then(claimed());
  });

  it('needs evidence', () => {
    given(...imported)
      .when(claim([]))
      .thenThrows('rule-violation', 'evidence');
  });

  it('refuses a blank evidence item', () => {
    given(...imported)
      .when(claim(['验收报告.pdf', ' ']))
      .thenThrows('rule-violation', 'evidence[1]');
  });

  it('is refused while a claim is under review', () => {
    given(...imported, claimed())
      .when(claim())
      .thenThrows('illegal-state', 'claimed');
  });

  it('is refused on a verified target', () => {
    given(...imported, claimed(), verified())
      .when(claim())
      .thenThrows('illegal-state', 'verified');
  });

  it('is forbidden to a supporting unit', () => {
    given(...imported)
      .when(claim(undefined, 区委网信办))
      .thenThrows('forbidden');
  });

  it('is forbidden to the lead of another unit', () => {
    given(...imported)
      .when(claim(undefined, 区城运中心))
      .thenThrows('forbidden');
  });

  it('is forbidden to a viewer', () => {
    given(...imported)
      .when(withActor(claim(), viewer))
      .thenThrows('forbidden');
  });
});

describe('VerifyCompletion', () => {
  it('verifies a claim (销号)', () => {
    given(...imported, claimed())
      .when(verify())
      .then(verified());
  });

  it('keeps the reviewer’s note', () => {
    given(...imported, claimed())
      .when(verify('经现场核查属实'))
      .then({ ...verified(), data: { ...verified().data, note: '经现场核查属实' } } as TaskEvent);
  });

  it('is refused without a claim', () => {
    given(...imported)
      .when(verify())
      .thenThrows('illegal-state', 'open, not claimed');
  });

  it('is refused after the claim was sent back', () => {
    given(...imported, claimed(), sentBackEvent)
      .when(verify())
      .thenThrows('illegal-state');
  });

  it('is forbidden to the lead unit', () => {
    given(...imported, claimed())
      .when(withActor(verify(), 区数据局))
      .thenThrows('forbidden');
  });
});

describe('SendBackCompletion', () => {
  it('sends a claim back with a reason (退办)', () => {
    given(...imported, claimed())
      .when(sendBack())
      .then(sentBackEvent);
  });

  it('needs a reason', () => {
    given(...imported, claimed())
      .when(sendBack(''))
      .thenThrows('rule-violation', 'reason');
  });

  it('is refused without a claim', () => {
    given(...imported)
      .when(sendBack())
      .thenThrows('illegal-state');
  });

  it('is refused once verified', () => {
    given(...imported, claimed(), verified())
      .when(sendBack())
      .thenThrows('illegal-state');
  });

  it('is forbidden to a lead', () => {
    given(...imported, claimed())
      .when(withActor(sendBack(), 区数据局))
      .thenThrows('forbidden');
  });
});

describe('ReopenTarget', () => {
  it('reopens a verified target with a reason', () => {
    given(...imported, claimed(), verified())
      .when(reopen())
      .then({
        type: 'TargetReopened',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          targetId: TARGET_1,
          reopenedBy: supervisor.id,
          reason: '复核发现部分小区未覆盖',
        },
      });
  });

  it('needs a reason', () => {
    given(...imported, claimed(), verified())
      .when(reopen(' '))
      .thenThrows('rule-violation', 'reason');
  });

  it('is refused on a target that is not verified', () => {
    given(...imported, claimed())
      .when(reopen())
      .thenThrows('illegal-state', 'claimed, not verified');
  });

  it('is forbidden to a lead', () => {
    given(...imported, claimed(), verified())
      .when(withActor(reopen(), 区数据局))
      .thenThrows('forbidden');
  });
});
