import {
  Badge,
  Card,
  Col,
  DatePicker,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { query } from '../../api';
import { EChart } from '../../components/EChart';
import { ExportButtons } from '../../components/ExportButtons';
import { Loaded } from '../../components/Refusal';
import { useLightLabel } from '../../components/StatusLight';
import { formatInstant, percent } from '../../components/terms';
import { useLang } from '../../i18n';
import type { DashboardSummary, StatusCounts } from '../../types';
import { useApi } from '../../use-api';
import { usePlans } from '../../use-plans';
import { healthyShare, lightsBars, lightsPie, rankUnits } from './overview-charts';
import { useLiveUpdates } from './use-live-updates';

/** The end of a calendar day in China time, as the API's asOf. */
const endOfDay = (day: Dayjs) => `${day.format('YYYY-MM-DD')}T23:59:59.999+08:00`;

/** 总览: a plan's lights by section and by unit and the units' ranking; live, or as of a past day. */
export function OverviewPage() {
  const { t } = useLang();
  const label = useLightLabel();
  const { plans, loading: plansLoading } = usePlans();
  const [planId, setPlanId] = useState<string>();
  const [asOfDay, setAsOfDay] = useState<Dayjs | null>(null);
  useEffect(() => {
    if (!planId && plans.length > 0) setPlanId(plans[0].planId);
  }, [plans, planId]);

  const asOf = asOfDay ? endOfDay(asOfDay) : undefined;
  const summary = useApi<DashboardSummary>(
    planId ? `/dashboard/summary${query({ planId, asOf })}` : null,
  );
  const live = useLiveUpdates(Boolean(planId) && !asOf, summary.reload);
  const s = summary.data;

  const charts = useMemo(
    () =>
      s && {
        pie: lightsPie(s, label),
        sections: lightsBars(
          s.sections.map((x) => ({ ...x, name: `${x.sectionNo}、${x.sectionTitle}` })),
          label,
        ),
        units: lightsBars(
          rankUnits(s.units).map((x) => ({ ...x, name: x.unit })),
          label,
        ),
      },
    [s, label],
  );
  const ranking = useMemo(
    () => (s ? rankUnits(s.units).map((u, i) => ({ ...u, rank: i + 1 })) : []),
    [s],
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Select
              style={{ minWidth: 320 }}
              value={planId}
              loading={plansLoading}
              onChange={setPlanId}
              placeholder={t('选择计划')}
              options={plans.map((p) => ({ value: p.planId, label: p.title }))}
            />
            <span>{t('截至')}</span>
            <DatePicker
              value={asOfDay}
              onChange={setAsOfDay}
              allowClear
              placeholder={t('今天（实时）')}
              data-testid="as-of"
            />
          </Space>
          <Space wrap>
            {asOf ? (
              <Badge
                status="default"
                text={t('历史视图：截至 {day}', { day: asOfDay!.format('YYYY-MM-DD') })}
              />
            ) : (
              <Badge
                status={live ? 'processing' : 'warning'}
                text={t(live ? '实时更新中' : '实时连接中断，正在重连')}
              />
            )}
            {s && (
              <Typography.Text type="secondary" data-testid="summary-as-of">
                {t('数据时间')} {formatInstant(s.asOf)}
              </Typography.Text>
            )}
            {planId && <ExportButtons path="/obligations" search={query({ planId, asOf })} />}
          </Space>
        </Space>
      </Card>
      <Loaded
        loading={(summary.loading || plansLoading) && !s}
        error={summary.error}
        empty={!plansLoading && plans.length === 0 ? true : undefined}
      >
        {s && charts && (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('事项总数')} value={s.plan.total} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic
                    title={t('量化指标达标')}
                    value={`${s.plan.met} / ${s.plan.targets}`}
                    data-testid="kpi-met"
                  />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('指标达标率')} value={percent(s.plan.shareMet)} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic
                    title={t('逾期事项')}
                    value={s.plan.overdue}
                    valueStyle={{ color: '#cf1322' }}
                  />
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={8}>
                <Card title={t('整体状态')}>
                  <EChart option={charts.pie} testId="lights-pie" />
                </Card>
              </Col>
              <Col xs={24} lg={16}>
                <Card title={t('各板块状态')}>
                  <EChart option={charts.sections} />
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card title={t('各单位状态')}>
                  <EChart option={charts.units} height={Math.max(320, s.units.length * 22)} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={t('单位排名')}>
                  <Table<StatusCounts & { unit: string; rank: number }>
                    rowKey="unit"
                    size="small"
                    dataSource={ranking}
                    pagination={false}
                    data-testid="ranking"
                    columns={[
                      { title: t('排名'), dataIndex: 'rank', width: 60 },
                      { title: t('单位'), dataIndex: 'unit' },
                      { title: t('事项'), dataIndex: 'total', width: 70 },
                      { title: t('逾期'), dataIndex: 'overdue', width: 70 },
                      {
                        title: t('正常推进率'),
                        key: 'healthy',
                        width: 100,
                        render: (_, u) => percent(healthyShare(u)),
                      },
                      {
                        title: t('指标达标率'),
                        key: 'met',
                        width: 100,
                        render: (_, u) => percent(u.shareMet),
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </Loaded>
    </Space>
  );
}
