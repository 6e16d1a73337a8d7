import { Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, enc, query } from '../../api';
import { ActionForm, type Field } from '../../components/ActionForm';
import { ExportButtons } from '../../components/ExportButtons';
import { Loaded, Refusal } from '../../components/Refusal';
import { lightRank, StatusLight } from '../../components/StatusLight';
import { formatTarget, percent } from '../../components/terms';
import { useLang } from '../../i18n';
import { useSession } from '../../session';
import type { Obligation, Page } from '../../types';
import { useApi } from '../../use-api';
import { actionRequest, assignmentPath, type ActionKind } from './obligation-actions';

const FORMS: Record<ActionKind, { title: string; fields: Field[] }> = {
  decline: {
    title: '退回',
    fields: [{ kind: 'textarea', name: 'reason', label: '退回理由', required: true }],
  },
  report: {
    title: '填报进展',
    fields: [
      { kind: 'number', name: 'value', label: '当前值', required: true },
      { kind: 'date', name: 'asOf', label: '统计截至日期', required: true },
      { kind: 'textarea', name: 'evidence', label: '佐证材料链接', placeholder: '每行一个链接' },
      { kind: 'textarea', name: 'note', label: '进展说明' },
    ],
  },
  revise: {
    title: '申请调整指标',
    fields: [
      { kind: 'number', name: 'value', label: '调整后目标值' },
      { kind: 'date', name: 'dueDate', label: '调整后完成时限' },
      { kind: 'textarea', name: 'reason', label: '调整理由', required: true },
      { kind: 'text', name: 'reference', label: '依据文号', placeholder: '如 长府办〔2024〕12号' },
    ],
  },
  extend: {
    title: '申请延期',
    fields: [
      { kind: 'date', name: 'requestedDueDate', label: '申请延期至', required: true },
      { kind: 'textarea', name: 'reason', label: '延期理由', required: true },
    ],
  },
  complete: {
    title: '申请办结',
    fields: [
      {
        kind: 'textarea',
        name: 'evidence',
        label: '佐证材料链接',
        required: true,
        placeholder: '每行一个链接',
      },
      { kind: 'textarea', name: 'note', label: '完成情况说明' },
    ],
  },
};

const ACK_TEXT: Record<string, { zh: string; color: string }> = {
  pending: { zh: '待签收', color: 'orange' },
  reopened: { zh: '待重新签收', color: 'orange' },
  acknowledged: { zh: '已签收', color: 'green' },
  declined: { zh: '已退回', color: 'red' },
};

const keyOf = (o: Obligation) => `${o.taskId}|${o.targetId ?? ''}|${o.role}|${o.scope}`;

/** 我的待办: what the signed-in lead's unit owes, most urgent first, with its acts in place. */
export function TodoPage() {
  const { t } = useLang();
  const { me } = useSession();
  const unit = me?.unit ?? '';
  const list = useApi<Page<Obligation>>(unit ? `/units/${enc(unit)}/obligations?limit=1000` : null);
  const [open, setOpen] = useState<{ kind: ActionKind; o: Obligation }>();
  const [ackErrors, setAckErrors] = useState<Record<string, ApiError>>({});

  const rows = useMemo(
    () =>
      [...(list.data?.items ?? [])].sort(
        (a, b) =>
          lightRank(a.status.light) - lightRank(b.status.light) ||
          a.dueDate.localeCompare(b.dueDate),
      ),
    [list.data],
  );

  const acknowledge = async (o: Obligation) => {
    setAckErrors(({ [keyOf(o)]: _, ...rest }) => rest);
    try {
      const answer = await api<{ position?: string }>(
        'POST',
        `${assignmentPath(o)}/acknowledgement`,
        {},
      );
      list.reload(answer?.position);
    } catch (e) {
      if (e instanceof ApiError) setAckErrors((errors) => ({ ...errors, [keyOf(o)]: e }));
    }
  };

  const columns = [
    {
      title: t('状态'),
      key: 'light',
      width: 110,
      render: (_: unknown, o: Obligation) => <StatusLight light={o.status.light} />,
    },
    {
      title: t('任务 / 指标'),
      key: 'task',
      render: (_: unknown, o: Obligation) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>
            {o.taskNo}. {o.taskTitle}
          </Typography.Text>
          {o.targetId ? (
            <Link to={`/target/${enc(o.targetId)}`}>{o.metric}</Link>
          ) : (
            <Typography.Text type="secondary">{t('无量化指标')}</Typography.Text>
          )}
          <Typography.Text type="secondary">
            {t(o.role === 'lead' ? '牵头' : '配合')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('完成时限'),
      key: 'due',
      width: 120,
      render: (_: unknown, o: Obligation) => (
        <Space direction="vertical" size={0}>
          <span>{o.dueDate}</span>
          {o.originalDueDate !== o.dueDate && (
            <Typography.Text type="secondary" delete>
              {o.originalDueDate}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('当前目标（原目标）'),
      key: 'target',
      width: 150,
      render: (_: unknown, o: Obligation) =>
        o.target ? (
          <Space direction="vertical" size={0}>
            <span data-testid="current-target">{formatTarget(o.target)}</span>
            {formatTarget(o.originalTarget) !== formatTarget(o.target) && (
              <Typography.Text type="secondary">
                {t('原')} {formatTarget(o.originalTarget)}
              </Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('最新填报'),
      key: 'latest',
      width: 120,
      render: (_: unknown, o: Obligation) =>
        o.latestReport ? (
          <Space direction="vertical" size={0}>
            <span data-testid="latest-value">{o.latestReport.value}</span>
            <Typography.Text type="secondary">{o.latestReport.asOf}</Typography.Text>
          </Space>
        ) : (
          t('未填报')
        ),
    },
    {
      title: t('完成进度 / 序时进度'),
      key: 'progress',
      width: 170,
      render: (_: unknown, o: Obligation) =>
        // A task without a numeric target has no progress to measure, only a due date.
        !o.targetId ? (
          '—'
        ) : (
          <Space direction="vertical" size={0} style={{ width: 150 }}>
            <Progress
              percent={Math.round(Math.min(1, o.status.progress ?? 0) * 100)}
              size="small"
              data-testid="progress"
            />
            <Typography.Text type="secondary">
              {t('序时进度')} {percent(o.status.expectedProgress)}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('签收'),
      key: 'ack',
      width: 100,
      render: (_: unknown, o: Obligation) => {
        const ack = ACK_TEXT[o.acknowledgement.state] ?? {
          zh: o.acknowledgement.state,
          color: 'default',
        };
        return (
          <Tag color={ack.color} data-ack={o.acknowledgement.state}>
            {t(ack.zh)}
          </Tag>
        );
      },
    },
    {
      title: t('操作'),
      key: 'actions',
      width: 260,
      render: (_: unknown, o: Obligation) => {
        const answerable = ['pending', 'reopened'].includes(o.acknowledgement.state);
        return (
          <Space wrap size={4}>
            {answerable && (
              <>
                <Button size="small" type="primary" onClick={() => acknowledge(o)}>
                  {t('签收')}
                </Button>
                <Button size="small" danger onClick={() => setOpen({ kind: 'decline', o })}>
                  {t('退回')}
                </Button>
              </>
            )}
            {o.role === 'lead' && (
              <>
                {o.targetId && (
                  <Button size="small" onClick={() => setOpen({ kind: 'report', o })}>
                    {t('填报进展')}
                  </Button>
                )}
                {o.targetId && (
                  <Button size="small" onClick={() => setOpen({ kind: 'revise', o })}>
                    {t('申请调整指标')}
                  </Button>
                )}
                <Button size="small" onClick={() => setOpen({ kind: 'extend', o })}>
                  {t('申请延期')}
                </Button>
                <Button size="small" onClick={() => setOpen({ kind: 'complete', o })}>
                  {t('申请办结')}
                </Button>
              </>
            )}
            <Refusal error={ackErrors[keyOf(o)]} />
          </Space>
        );
      },
    },
  ];

  const form = open && FORMS[open.kind];
  return (
    <Card
      title={t('我的待办 · {unit}', { unit })}
      extra={<ExportButtons path="/obligations" search={query({ unit })} />}
    >
      <Loaded
        loading={list.loading && !list.data}
        error={list.error}
        empty={list.data ? rows.length === 0 : undefined}
      >
        <Table
          rowKey={keyOf}
          dataSource={rows}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          size="middle"
          scroll={{ x: 1100 }}
          onRow={(o) =>
            ({ 'data-row': o.targetId ?? o.taskId }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Loaded>
      {open && form && (
        <ActionForm
          title={`${t(form.title)} · ${open.o.metric ?? open.o.taskTitle}`}
          fields={form.fields}
          request={(values) => actionRequest(open.kind, open.o, values)}
          onCancel={() => setOpen(undefined)}
          onDone={(position) => {
            setOpen(undefined);
            list.reload(position);
          }}
        />
      )}
    </Card>
  );
}
