import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { enc } from '../../api';
import { ActionForm, type Field } from '../../components/ActionForm';
import { Loaded } from '../../components/Refusal';
import { formatInstant, formatTerms } from '../../components/terms';
import { useLang } from '../../i18n';
import { useSession } from '../../session';
import type { Approval, Page } from '../../types';
import { useApi } from '../../use-api';

const KIND_TEXT: Record<Approval['kind'], string> = {
  revision: '指标调整',
  extension: '延期申请',
  completion: '办结申请',
  decline: '退回',
};

type Decision = 'approve' | 'reject';

/** Where a decision on a request goes, its form, and the body it sends. */
function decisionOf(
  a: Approval & { kind: Exclude<Approval['kind'], 'decline'> },
  decision: Decision,
): { title: string; fields: Field[]; path: string; body: (v: Record<string, unknown>) => unknown } {
  const base = a.targetId ? `/targets/${enc(a.targetId)}` : `/tasks/${enc(a.taskId)}`;
  const reason: Field = {
    kind: 'textarea',
    name: 'reason',
    label: '理由',
    required: decision === 'reject',
  };
  switch (a.kind) {
    case 'revision':
      return {
        title: decision === 'approve' ? '同意调整' : '驳回调整',
        fields: [reason],
        path: `${base}/revisions/${enc(a.requestId)}/${decision}`,
        body: (v) => (v.reason ? { reason: v.reason } : {}),
      };
    case 'extension':
      return decision === 'approve'
        ? {
            title: '同意延期',
            fields: [
              {
                kind: 'date',
                name: 'newDueDate',
                label: '延期至',
                required: true,
                initial: a.requestedDueDate ?? a.proposed?.dueDate,
              },
              { ...reason, required: false },
            ],
            path: `${base}/extensions/${enc(a.requestId)}/approve`,
            body: (v) => ({ newDueDate: v.newDueDate, reason: v.reason || undefined }),
          }
        : {
            title: '驳回延期',
            fields: [reason],
            path: `${base}/extensions/${enc(a.requestId)}/reject`,
            body: (v) => ({ reason: v.reason }),
          };
    case 'completion':
      return decision === 'approve'
        ? {
            title: '核销办结',
            fields: [{ kind: 'textarea', name: 'note', label: '核查意见' }],
            path: `${base}/completion/verify`,
            body: (v) => ({ note: v.note || undefined }),
          }
        : {
            title: '退回办结申请',
            fields: [reason],
            path: `${base}/completion/send-back`,
            body: (v) => ({ reason: v.reason }),
          };
  }
}

/** 待审批: revision proposals, extension requests, completion claims and returns waiting for a supervisor. */
export function ApprovalsQueue() {
  const { t } = useLang();
  const { me } = useSession();
  const queue = useApi<Page<Approval>>('/approvals?limit=200');
  const [open, setOpen] = useState<{ a: Approval; decision: Decision }>();

  const columns = [
    {
      title: t('类型'),
      key: 'kind',
      width: 100,
      render: (_: unknown, a: Approval) => <Tag color="blue">{t(KIND_TEXT[a.kind] ?? a.kind)}</Tag>,
    },
    {
      title: t('事项'),
      key: 'what',
      render: (_: unknown, a: Approval) => (
        <Space direction="vertical" size={0}>
          {a.targetId ? (
            <Link to={`/target/${enc(a.targetId)}`}>{a.metric ?? a.targetId}</Link>
          ) : null}
          <Typography.Text type={a.targetId ? 'secondary' : undefined}>
            {a.taskNo}. {a.taskTitle}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('单位'), dataIndex: 'unit', key: 'unit', width: 120 },
    {
      title: t('申请人 / 时间'),
      key: 'by',
      width: 160,
      render: (_: unknown, a: Approval) => (
        <Space direction="vertical" size={0}>
          <span>{a.requestedBy.name ?? a.requestedBy.id}</span>
          <Typography.Text type="secondary">{formatInstant(a.requestedAt)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('现行 → 申请'),
      key: 'terms',
      width: 220,
      render: (_: unknown, a: Approval) => (
        <span data-testid="approval-terms">
          {formatTerms(a.current) || '—'} →{' '}
          {formatTerms(a.proposed && { unit: a.current?.unit, ...a.proposed }) ||
            a.requestedDueDate ||
            '—'}
        </span>
      ),
    },
    { title: t('理由'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('操作'),
      key: 'actions',
      width: 170,
      render: (_: unknown, a: Approval) =>
        a.kind === 'decline' ? (
          <Typography.Text type="secondary">{t('请在“分工调整”中重新分派')}</Typography.Text>
        ) : a.requestedBy.id === me?.id ? (
          <Typography.Text type="secondary" data-testid="own-request">
            {t('本人提交，须由其他督办人员审批')}
          </Typography.Text>
        ) : (
          <Space>
            <Button size="small" type="primary" onClick={() => setOpen({ a, decision: 'approve' })}>
              {t('同意')}
            </Button>
            <Button size="small" danger onClick={() => setOpen({ a, decision: 'reject' })}>
              {t('驳回')}
            </Button>
          </Space>
        ),
    },
  ];

  const form =
    open &&
    open.a.kind !== 'decline' &&
    decisionOf({ ...open.a, kind: open.a.kind }, open.decision);
  return (
    <>
      <Loaded
        loading={queue.loading && !queue.data}
        error={queue.error}
        empty={queue.data ? queue.data.items.length === 0 : undefined}
      >
        <Table
          rowKey={(a) => `${a.kind}|${a.requestId}`}
          dataSource={queue.data?.items as Approval[] | undefined}
          columns={columns}
          size="middle"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
        />
      </Loaded>
      {open && form && (
        <ActionForm
          title={t(form.title)}
          intro={<Typography.Paragraph>{open.a.reason}</Typography.Paragraph>}
          fields={form.fields}
          request={(v) => ({ path: form.path, body: form.body(v) })}
          onCancel={() => setOpen(undefined)}
          onDone={(position) => {
            setOpen(undefined);
            queue.reload(position);
          }}
        />
      )}
    </>
  );
}
