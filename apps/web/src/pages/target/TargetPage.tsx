import { Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { enc } from '../../api';
import { EChart } from '../../components/EChart';
import { Loaded } from '../../components/Refusal';
import { StatusLight } from '../../components/StatusLight';
import { formatInstant, formatTarget, percent } from '../../components/terms';
import { useLang } from '../../i18n';
import type { HistoryEntry, TargetDetails } from '../../types';
import { useApi } from '../../use-api';
import { EVENT_TEXT, FIELD_TEXT, valueText } from './history-text';
import { progressChart } from './progress-chart';

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const { t } = useLang();
  const who = entry.actor
    ? [entry.actor.name ?? entry.actor.id, entry.actor.unit].filter(Boolean).join(' · ')
    : '';
  return (
    <Space direction="vertical" size={2} data-testid="history-entry">
      <Space wrap>
        <Typography.Text strong>{t(EVENT_TEXT[entry.type] ?? entry.type)}</Typography.Text>
        <Typography.Text type="secondary">
          {formatInstant(entry.occurredAt)} · {who}
        </Typography.Text>
      </Space>
      {entry.changes.map((c) => (
        <Typography.Text key={c.field}>
          {t(FIELD_TEXT[c.field] ?? c.field)}：
          {c.before !== undefined && `${valueText(c.before)} → `}
          {valueText(c.after)}
        </Typography.Text>
      ))}
      {entry.reason && (
        <Typography.Text>
          {t('理由')}：{entry.reason}
        </Typography.Text>
      )}
      {entry.reference && (
        <Typography.Text>
          {t('文号')}：{entry.reference}
        </Typography.Text>
      )}
      {entry.approvedBy && (
        <Typography.Text>
          {t('批准人')}：{entry.approvedBy.name ?? entry.approvedBy.id}
        </Typography.Text>
      )}
      {entry.evidence && entry.evidence.length > 0 && (
        <Space wrap>
          {t('佐证材料')}：
          {entry.evidence.map((link) => (
            <a key={link} href={link} target="_blank" rel="noreferrer noopener">
              {link}
            </a>
          ))}
        </Space>
      )}
    </Space>
  );
}

/** 指标详情: original and current terms, reported values against target and pro-rata, full history. */
export function TargetPage() {
  const { t } = useLang();
  const { targetId = '' } = useParams();
  const target = useApi<TargetDetails & { planYear?: number }>(`/targets/${enc(targetId)}`);
  const history = useApi<{ entries: HistoryEntry[] }>(`/targets/${enc(targetId)}/history`);
  const entries = useMemo(() => history.data?.entries ?? [], [history.data]);
  const chart = useMemo(
    () =>
      target.data &&
      progressChart(target.data, entries, {
        reported: t('填报值'),
        target: t('现行目标'),
        originalTarget: t('原始目标'),
        proRata: t('序时进度线'),
      }),
    [target.data, entries, t],
  );
  const d = target.data;
  const report = d?.latestReport;

  return (
    <Loaded loading={target.loading && !d} error={target.error}>
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Card
            title={
              <Space wrap>
                <span>{d.metric}</span>
                <StatusLight light={d.status.light} />
              </Space>
            }
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('所属任务')}>
                {d.taskNo}. {d.taskTitle}
              </Descriptions.Item>
              <Descriptions.Item label={t('计划')}>{d.planTitle ?? d.planId}</Descriptions.Item>
              <Descriptions.Item label={t('原始目标')}>
                <span data-testid="original-terms">
                  {formatTarget(d.original)} · {d.original.dueDate}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('现行目标')}>
                <span data-testid="current-terms">
                  {formatTarget(d.current)} · {d.current.dueDate}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('最新填报')}>
                {report ? `${report.value}（${report.asOf}）` : t('未填报')}
              </Descriptions.Item>
              <Descriptions.Item label={t('完成进度 / 序时进度')}>
                {percent(d.status.progress)} / {percent(d.status.expectedProgress)}
              </Descriptions.Item>
              <Descriptions.Item label={t('责任单位')} span={2}>
                {d.owners.map((o) => (
                  <Tag key={`${o.unit}${o.role}`} color={o.role === 'lead' ? 'blue' : 'default'}>
                    {o.unit}（{t(o.role === 'lead' ? '牵头' : '配合')}）
                  </Tag>
                ))}
              </Descriptions.Item>
              {d.sourceText && (
                <Descriptions.Item label={t('原文')} span={2}>
                  {d.sourceText}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card title={t('填报值与目标、序时进度')}>
                {chart && <EChart option={chart} testId="progress-chart" />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('全部历史')}>
                <Loaded
                  loading={history.loading && !history.data}
                  error={history.error}
                  empty={history.data ? entries.length === 0 : undefined}
                >
                  <Timeline
                    items={[...entries]
                      .reverse()
                      .map((e) => ({ key: e.position, children: <HistoryItem entry={e} /> }))}
                  />
                </Loaded>
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </Loaded>
  );
}
