import { Card, Tabs } from 'antd';
import { useLang } from '../../i18n';
import { ApprovalsQueue } from './ApprovalsQueue';
import { AssignmentsPanel } from './AssignmentsPanel';
import { AttentionLists } from './AttentionLists';
import { TargetChangeFeed } from './TargetChangeFeed';

/** 督办台: what waits for a supervisor's decision, what needs attention, what changed, who owes what. */
export function SupervisionPage() {
  const { t } = useLang();
  return (
    <Card title={t('督办台')}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'queue', label: t('待审批'), children: <ApprovalsQueue /> },
          { key: 'attention', label: t('关注清单'), children: <AttentionLists /> },
          { key: 'changes', label: t('指标变更'), children: <TargetChangeFeed /> },
          { key: 'assign', label: t('分工调整'), children: <AssignmentsPanel /> },
        ]}
      />
    </Card>
  );
}
