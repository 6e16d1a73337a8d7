import { Alert, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { Refusal } from '../../components/Refusal';
import { formatTarget } from '../../components/terms';
import { useLang } from '../../i18n';

interface ParsedTask {
  readonly no: number;
  readonly title: string;
  readonly leads?: readonly { name: string }[];
  readonly supporting?: readonly { name: string }[];
  readonly dueDate?: string;
  readonly targets?: readonly {
    metric: string;
    value: number;
    comparator?: string;
    unit?: string;
  }[];
}
interface Parse {
  readonly planId?: string;
  readonly plan?: {
    title?: string;
    year?: number;
    sections?: readonly { no: string; title: string; tasks: readonly ParsedTask[] }[];
  };
  readonly sections?: readonly { no: string; title: string; tasks: readonly ParsedTask[] }[];
  readonly title?: string;
  readonly year?: number;
  readonly warnings?: readonly string[];
  readonly unclassified?: readonly unknown[];
}

/** 计划导入: paste a plan's text, look at what the parser made of it (dry run), then register it. */
export function ImportPage() {
  const { t } = useLang();
  const [text, setText] = useState('');
  const [parse, setParse] = useState<Parse>();
  const [registered, setRegistered] = useState<{ planId: string }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<Parse & { planId: string }>(
        'POST',
        `/plans${dryRun ? '?dryRun=true' : ''}`,
        { text },
      );
      if (dryRun) setParse(answer);
      else setRegistered(answer);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e), undefined));
    } finally {
      setBusy(false);
    }
  };

  const sections = parse?.plan?.sections ?? parse?.sections ?? [];
  const tasks = sections.flatMap((s) =>
    s.tasks.map((task) => ({ ...task, section: `${s.no}、${s.title}` })),
  );
  return (
    <Card title={t('计划导入')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          {t('粘贴计划全文（含编号任务与“牵头部门：…”），先预览解析结果，确认无误后再登记。')}
        </Typography.Paragraph>
        <Input.TextArea
          rows={10}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setParse(undefined);
            setRegistered(undefined);
          }}
          placeholder={t('在此粘贴计划文本')}
          data-testid="plan-text"
        />
        <Space wrap>
          <Button onClick={() => send(true)} loading={busy} disabled={!text.trim()}>
            {t('预览解析')}
          </Button>
          <Button
            type="primary"
            onClick={() => send(false)}
            loading={busy}
            disabled={!parse || Boolean(registered)}
          >
            {t('确认登记')}
          </Button>
          <Refusal error={error} />
        </Space>
        {registered && (
          <Alert
            type="success"
            showIcon
            message={t('已登记计划 {planId}', { planId: registered.planId })}
            description={<Link to="/overview">{t('查看总览')}</Link>}
          />
        )}
        {parse && (
          <>
            <Descriptions size="small" bordered column={3}>
              <Descriptions.Item label={t('标题')}>
                {parse.plan?.title ?? parse.title}
              </Descriptions.Item>
              <Descriptions.Item label={t('年度')}>
                {parse.plan?.year ?? parse.year}
              </Descriptions.Item>
              <Descriptions.Item label={t('任务数')}>{tasks.length}</Descriptions.Item>
            </Descriptions>
            {(parse.warnings ?? []).map((w) => (
              <Alert key={w} type="warning" showIcon message={w} />
            ))}
            <Table
              rowKey={(r) => `${r.section}|${r.no}`}
              size="small"
              dataSource={tasks}
              pagination={false}
              columns={[
                { title: t('板块'), dataIndex: 'section', width: 200 },
                { title: t('序号'), dataIndex: 'no', width: 60 },
                { title: t('任务'), dataIndex: 'title' },
                {
                  title: t('牵头 / 配合'),
                  key: 'units',
                  render: (_, r) => (
                    <>
                      {(r.leads ?? []).map((u) => (
                        <Tag key={u.name} color="blue">
                          {u.name}
                        </Tag>
                      ))}
                      {(r.supporting ?? []).map((u) => (
                        <Tag key={u.name}>{u.name}</Tag>
                      ))}
                    </>
                  ),
                },
                {
                  title: t('量化指标'),
                  key: 'targets',
                  render: (_, r) =>
                    (r.targets ?? []).map((x) => (
                      <div key={x.metric}>{`${x.metric} ${formatTarget(x)}`}</div>
                    )),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
