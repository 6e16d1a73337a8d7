import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { ApiError } from '../api';
import { useRefusalText } from '../components/Refusal';
import { useLang } from '../i18n';
import { homeOf } from '../routes';
import { useSession } from '../session';

/** 登录: username and password; the API sets the session cookie. */
export function LoginPage() {
  const { t } = useLang();
  const { me, login } = useSession();
  const refusal = useRefusalText();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (me) return <Navigate to={homeOf(me.role)} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await login(values.username.trim(), values.password);
    } catch (e) {
      const api = e instanceof ApiError ? e : new ApiError(0, '', undefined);
      // A wrong name or password is not "signed out": say what the user can fix.
      setError(api.status === 401 ? t('用户名或密码错误，请重新输入') : refusal(api));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('履职台账')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('督查督办工作平台')}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('用户名')}
            rules={[{ required: true, message: t('请输入用户名') }]}
          >
            <Input autoComplete="username" autoFocus id="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('密码')}
            rules={[{ required: true, message: t('请输入密码') }]}
          >
            <Input.Password autoComplete="current-password" id="password" />
          </Form.Item>
          {error && (
            <Alert
              type="error"
              showIcon
              message={error}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('登录')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
