import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { enc, query } from '../../api';
import { ExportButtons } from '../../components/ExportButtons';
import { Loaded } from '../../components/Refusal';
import { formatInstant, formatTerms } from '../../components/terms';
import { useLang } from '../../i18n';
import type { TargetChange, Terms } from '../../types';
import { useApi } from '../../use-api';

export const CHANGE_KINDS: Record<string, string> = {
  lowered: '调低',
  raised: '调高',
  redefined: '重新定义',
  'deadline-moved': '时限调整',
  'owner-changed': '责任单位调整',
};

const terms = (value: unknown) =>
  value && typeof value === 'object'
    ? formatTerms(value as Terms) || JSON.stringify(value)
    : String(value ?? '—');

/** 指标变更: every change of a target's terms with original, previous and new terms and who did it. */
export function TargetChangeFeed() {
  const { t } = useLang();
  const [kind, setKind] = useState<string>();
  const search = query({ kind });
  const feed = useApi<{ items: TargetChange[] }>(`/audit/target-changes${search}`);
  const items = feed.data?.items ?? [];

  const columns = [
    {
      title: t('类型'),
      key: 'kind',
      width: 110,
      render: (_: unknown, c: TargetChange) => <Tag>{t(CHANGE_KINDS[c.kind] ?? c.kind)}</Tag>,
    },
    {
      title: t('指标'),
      key: 'target',
      render: (_: unknown, c: TargetChange) =>
        c.targetId ? (
          <Link to={`/target/${enc(c.targetId)}`}>{c.metric ?? c.targetId}</Link>
        ) : (
          `${c.taskNo}. ${c.taskTitle}`
        ),
    },
    {
      title: t('原始'),
      key: 'original',
      render: (_: unknown, c: TargetChange) => terms(c.original),
    },
    {
      title: t('调整前'),
      key: 'previous',
      render: (_: unknown, c: TargetChange) => terms(c.previous),
    },
    { title: t('调整后'), key: 'next', render: (_: unknown, c: TargetChange) => terms(c.next) },
    {
      title: t('理由 / 文号'),
      key: 'reason',
      render: (_: unknown, c: TargetChange) => (
        <Space direction="vertical" size={0}>
          <span>{c.reason}</span>
          {c.reference && <Typography.Text type="secondary">{c.reference}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('提出 / 批准'),
      key: 'who',
      render: (_: unknown, c: TargetChange) => (
        <Space direction="vertical" size={0}>
          <span>
            {c.proposedBy
              ? `${c.proposedBy.unit ?? ''} ${c.proposedBy.id}`
              : (c.actor?.name ?? c.actor?.id)}
          </span>
          {c.approvedBy && (
            <Typography.Text type="secondary">
              {t('批准')}：{c.approvedBy.id}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('时间'),
      key: 'at',
      width: 150,
      render: (_: unknown, c: TargetChange) => formatInstant(c.occurredAt),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Select
          allowClear
          placeholder={t('全部类型')}
          style={{ width: 180 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(CHANGE_KINDS).map(([value, zh]) => ({ value, label: t(zh) }))}
        />
        <ExportButtons path="/audit/target-changes" search={search} />
      </Space>
      <Loaded
        loading={feed.loading && !feed.data}
        error={feed.error}
        empty={feed.data ? items.length === 0 : undefined}
      >
        <Table
          rowKey="position"
          dataSource={items}
          columns={columns}
          size="middle"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
        />
      </Loaded>
    </Space>
  );
}
