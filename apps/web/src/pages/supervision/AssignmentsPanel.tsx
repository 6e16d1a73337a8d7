import { Button, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { enc } from '../../api';
import { ActionForm } from '../../components/ActionForm';
import { Loaded } from '../../components/Refusal';
import { useLang } from '../../i18n';
import { usePlans } from '../../use-plans';
import { useApi } from '../../use-api';

interface TaskView {
  readonly taskId: string;
  readonly no: number;
  readonly title: string;
  readonly leads: readonly { unit: string; targetId?: string }[];
  readonly supporting: readonly { unit: string; targetId?: string }[];
}
interface PlanView {
  readonly planId: string;
  readonly units: readonly string[];
  readonly tasks: readonly TaskView[];
}

type Change = { task: TaskView; remove?: { unit: string; role: 'lead' | 'supporting' } };

/** 分工调整: assign a unit to a task as lead or supporting, or take an assignment away, with a reason. */
export function AssignmentsPanel() {
  const { t } = useLang();
  const { plans } = usePlans();
  const [planId, setPlanId] = useState<string>();
  useEffect(() => {
    if (!planId && plans.length > 0) setPlanId(plans[0].planId);
  }, [plans, planId]);
  const plan = useApi<PlanView>(planId ? `/plans/${enc(planId)}` : null);
  const [change, setChange] = useState<Change>();

  const unitTags = (task: TaskView, role: 'lead' | 'supporting') =>
    (role === 'lead' ? task.leads : task.supporting)
      .filter((a) => !a.targetId)
      .map((a) => (
        <Tag
          key={a.unit}
          color={role === 'lead' ? 'blue' : 'default'}
          closable
          onClose={(e) => {
            e.preventDefault();
            setChange({ task, remove: { unit: a.unit, role } });
          }}
        >
          {a.unit}
        </Tag>
      ));

  const columns = [
    { title: t('序号'), dataIndex: 'no', key: 'no', width: 60 },
    { title: t('任务'), dataIndex: 'title', key: 'title' },
    {
      title: t('牵头单位'),
      key: 'leads',
      render: (_: unknown, task: TaskView) => unitTags(task, 'lead'),
    },
    {
      title: t('配合单位'),
      key: 'supporting',
      render: (_: unknown, task: TaskView) => unitTags(task, 'supporting'),
    },
    {
      title: t('操作'),
      key: 'actions',
      width: 110,
      render: (_: unknown, task: TaskView) => (
        <Button size="small" onClick={() => setChange({ task })}>
          {t('增派单位')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        style={{ minWidth: 360 }}
        value={planId}
        onChange={setPlanId}
        placeholder={t('选择计划')}
        options={plans.map((p) => ({ value: p.planId, label: p.title }))}
      />
      <Loaded
        loading={plan.loading && !plan.data}
        error={plan.error}
        empty={plan.data ? plan.data.tasks.length === 0 : undefined}
      >
        <Table
          rowKey="taskId"
          dataSource={plan.data?.tasks as TaskView[] | undefined}
          columns={columns}
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </Loaded>
      {change && (
        <ActionForm
          title={
            change.remove
              ? t('撤销 {unit} 的分工', { unit: change.remove.unit })
              : `${t('增派单位')} · ${change.task.no}. ${change.task.title}`
          }
          fields={
            change.remove
              ? [{ kind: 'textarea', name: 'reason', label: '理由', required: true }]
              : [
                  {
                    kind: 'text',
                    name: 'unit',
                    label: '单位',
                    required: true,
                    placeholder: '如 区数据局',
                  },
                  {
                    kind: 'select',
                    name: 'role',
                    label: '角色',
                    required: true,
                    options: [
                      { value: 'lead', label: '牵头' },
                      { value: 'supporting', label: '配合' },
                    ],
                  },
                  { kind: 'textarea', name: 'reason', label: '理由', required: true },
                ]
          }
          request={(v) =>
            change.remove
              ? {
                  path: `/tasks/${enc(change.task.taskId)}/assignments/${enc(change.remove.unit)}`,
                  body: { reason: v.reason, role: change.remove.role },
                  method: 'DELETE' as const,
                }
              : { path: `/tasks/${enc(change.task.taskId)}/assignments`, body: v }
          }
          onCancel={() => setChange(undefined)}
          onDone={(position) => {
            setChange(undefined);
            plan.reload(position);
          }}
        />
      )}
    </Space>
  );
}
