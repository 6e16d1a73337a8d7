import {
  Button,
  ConfigProvider,
  Layout,
  Menu,
  Result,
  Segmented,
  Space,
  Spin,
  Typography,
} from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useLang, type Lang } from './i18n';
import { ImportPage } from './pages/admin/ImportPage';
import { ROLE_TEXT, UsersPage } from './pages/admin/UsersPage';
import { LoginPage } from './pages/LoginPage';
import { OverviewPage } from './pages/overview/OverviewPage';
import { SupervisionPage } from './pages/supervision/SupervisionPage';
import { TargetPage } from './pages/target/TargetPage';
import { TodoPage } from './pages/todo/TodoPage';
import { homeOf, mayOpen, PAGES, type PagePath } from './routes';
import { useSession } from './session';

/** A page only for the roles that may use it; others get a refusal, not the page. */
function Guard({ path, children }: { path: PagePath; children: ReactNode }) {
  const { t } = useLang();
  const { me } = useSession();
  if (!me) return null;
  if (!mayOpen(me.role, path))
    return (
      <Result
        status="403"
        title={t('无权访问')}
        subTitle={t('您的角色（{role}）不能使用此页面。', {
          role: t(ROLE_TEXT[me.role] ?? me.role),
        })}
        extra={
          <Link to={homeOf(me.role)}>
            <Button type="primary">{t('返回首页')}</Button>
          </Link>
        }
      />
    );
  return <>{children}</>;
}

function Shell() {
  const { t, lang, setLang } = useLang();
  const { me, logout } = useSession();
  const location = useLocation();
  if (me === undefined)
    return (
      <div style={{ padding: 96, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  if (me === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  const menu = PAGES.filter((p) => mayOpen(me.role, p.path)).map((p) => ({
    key: p.path,
    label: <Link to={p.path}>{t(p.zh)}</Link>,
  }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('履职台账')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[`/${location.pathname.split('/')[1]}`]}
          items={menu}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space style={{ color: '#fff' }}>
          <span data-testid="who">
            {me.name}（{t(ROLE_TEXT[me.role] ?? me.role)}
            {me.unit ? ` · ${me.unit}` : ''}）
          </span>
          <Segmented<Lang>
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'EN' },
            ]}
          />
          <Button size="small" onClick={() => void logout()}>
            {t('退出登录')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Routes>
          <Route path="/" element={<Navigate to={homeOf(me.role)} replace />} />
          <Route
            path="/todo"
            element={
              <Guard path="/todo">
                <TodoPage />
              </Guard>
            }
          />
          <Route
            path="/supervision"
            element={
              <Guard path="/supervision">
                <SupervisionPage />
              </Guard>
            }
          />
          <Route
            path="/overview"
            element={
              <Guard path="/overview">
                <OverviewPage />
              </Guard>
            }
          />
          <Route
            path="/import"
            element={
              <Guard path="/import">
                <ImportPage />
              </Guard>
            }
          />
          <Route
            path="/people"
            element={
              <Guard path="/people">
                <UsersPage />
              </Guard>
            }
          />
          <Route path="/target/:targetId" element={<TargetPage />} />
          <Route
            path="*"
            element={
              <Result
                status="404"
                title={t('页面不存在')}
                extra={<Link to="/">{t('返回首页')}</Link>}
              />
            }
          />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="*" element={<Shell />} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}
