import { Card, Col, List, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { enc } from '../../api';
import { Loaded } from '../../components/Refusal';
import { useLang } from '../../i18n';
import type { Page } from '../../types';
import { useApi } from '../../use-api';

type AttentionItem = Record<string, unknown> & {
  taskNo?: number;
  taskTitle?: string;
  targetId?: string;
  metric?: string;
  unit?: string;
  leads?: string[];
  days?: number;
  moves?: number;
};

const LISTS: readonly { name: string; zh: string; detail: (i: AttentionItem) => string }[] = [
  {
    name: 'unacknowledged',
    zh: '逾期未签收',
    detail: (i) => `${i.unit ?? ''} · ${i.days ?? 0} 天`,
  },
  {
    name: 'noRecentReport',
    zh: '长期未填报',
    detail: (i) => `${(i.leads ?? []).join('、')} · ${i.days ?? 0} 天`,
  },
  { name: 'deadlineMovedRepeatedly', zh: '多次延期', detail: (i) => `${i.moves ?? 0} 次` },
  { name: 'loweredLate', zh: '年末调低指标', detail: (i) => String(i.reason ?? '') },
];

/** 关注清单: the API's attention lists, each most urgent first. */
export function AttentionLists() {
  const { t } = useLang();
  const lists = useApi<Record<string, Page<AttentionItem>>>('/audit/attention?limit=20');
  return (
    <Loaded loading={lists.loading && !lists.data} error={lists.error}>
      <Row gutter={[16, 16]}>
        {LISTS.map((l) => {
          const page = lists.data?.[l.name];
          return (
            <Col xs={24} lg={12} key={l.name}>
              <Card size="small" title={`${t(l.zh)}（${page?.total ?? 0}）`}>
                <List
                  size="small"
                  dataSource={(page?.items ?? []) as AttentionItem[]}
                  locale={{ emptyText: t('暂无') }}
                  renderItem={(i) => (
                    <List.Item>
                      <Typography.Text ellipsis style={{ maxWidth: '65%' }}>
                        {i.targetId ? (
                          <Link to={`/target/${enc(i.targetId)}`}>{i.metric ?? i.targetId}</Link>
                        ) : (
                          `${i.taskNo ?? ''}. ${i.taskTitle ?? ''}`
                        )}
                      </Typography.Text>
                      <Typography.Text type="secondary">{l.detail(i)}</Typography.Text>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
    </Loaded>
  );
}
