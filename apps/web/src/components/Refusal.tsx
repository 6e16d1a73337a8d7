import { Alert, Empty, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { useLang } from '../i18n';

/** What each refusal means, in the user's words; the API's own reason follows it. */
const STATUS_TEXT: Record<number, string> = {
  0: '无法连接服务，请检查网络后重试',
  400: '输入有误',
  401: '未登录或登录已过期，请重新登录',
  403: '无权执行此操作',
  404: '对象不存在',
  409: '当前状态不允许此操作',
  422: '不符合业务规则',
  429: '尝试过于频繁，请稍后再试',
};

export function useRefusalText(): (error: ApiError) => string {
  const { t } = useLang();
  return (error) => {
    const head = t(STATUS_TEXT[error.status] ?? '服务异常，请稍后重试');
    return error.status === 0 || !error.message ? head : `${head}：${error.message}`;
  };
}

/** A refused action's reason, shown right next to the action. */
export function Refusal({ error }: { error?: ApiError }) {
  const text = useRefusalText();
  if (!error) return null;
  return (
    <Typography.Text type="danger" role="alert" data-refusal={error.status}>
      {text(error)}
    </Typography.Text>
  );
}

/** Loading, error and empty states of a list or page, in the user's language. */
export function Loaded({
  loading,
  error,
  empty,
  children,
}: {
  loading: boolean;
  error?: ApiError;
  empty?: boolean;
  children: ReactNode;
}) {
  const { t } = useLang();
  const text = useRefusalText();
  if (error)
    return <Alert type="error" showIcon message={t('加载失败')} description={text(error)} />;
  if (loading && empty !== false)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin tip={t('加载中…')}>
          <div style={{ height: 40 }} />
        </Spin>
      </div>
    );
  if (empty) return <Empty description={t('暂无数据')} />;
  return <>{children}</>;
}
