import { Button, Card, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError, enc } from '../../api';
import { ActionForm, type Field } from '../../components/ActionForm';
import { Loaded, Refusal } from '../../components/Refusal';
import { useLang } from '../../i18n';
import type { User } from '../../types';
import { useApi } from '../../use-api';

export const ROLE_TEXT: Record<string, string> = {
  admin: '系统管理员',
  supervisor: '督办人员',
  lead: '单位联络员',
  viewer: '领导查阅',
};

const roleField: Field = {
  kind: 'select',
  name: 'role',
  label: '角色',
  required: true,
  options: Object.entries(ROLE_TEXT).map(([value, label]) => ({ value, label })),
};

type Editing = { kind: 'add' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

/** 用户管理: people, their roles and units; disabling one ends their sessions at once (the API's users routes). */
export function UsersPage() {
  const { t } = useLang();
  const users = useApi<User[] | { items: User[] }>('/users');
  const list = Array.isArray(users.data) ? users.data : (users.data?.items ?? []);
  const [editing, setEditing] = useState<Editing>();
  const [errors, setErrors] = useState<Record<string, ApiError>>({});

  const setEnabled = async (user: User, enabled: boolean) => {
    setErrors(({ [user.id]: _, ...rest }) => rest);
    try {
      await api('PATCH', `/users/${enc(user.id)}`, { enabled });
      users.reload();
    } catch (e) {
      if (e instanceof ApiError) setErrors((all) => ({ ...all, [user.id]: e }));
    }
  };

  const form = (() => {
    if (!editing) return undefined;
    switch (editing.kind) {
      case 'add':
        return {
          title: t('新增用户'),
          fields: [
            { kind: 'text', name: 'id', label: '登录名', required: true, placeholder: '如 li.na' },
            { kind: 'text', name: 'name', label: '姓名', required: true },
            roleField,
            {
              kind: 'text',
              name: 'unit',
              label: '所属单位（联络员必填）',
              placeholder: '如 区数据局',
            },
            { kind: 'password', name: 'password', label: '初始密码', required: true },
          ] as Field[],
          request: (v: Record<string, unknown>) => ({
            path: '/users',
            body: { ...v, unit: v.unit || undefined },
          }),
        };
      case 'edit':
        return {
          title: t('修改 {id}', { id: editing.user.id }),
          fields: [
            { kind: 'text', name: 'name', label: '姓名' },
            { ...roleField, required: false },
            { kind: 'text', name: 'unit', label: '所属单位' },
          ] as Field[],
          request: (v: Record<string, unknown>) => ({
            path: `/users/${enc(editing.user.id)}`,
            method: 'PATCH' as const,
            body: Object.fromEntries(
              Object.entries(v).filter(([, x]) => x !== undefined && x !== ''),
            ),
          }),
        };
      case 'password':
        return {
          title: t('重置 {id} 的密码', { id: editing.user.id }),
          fields: [
            { kind: 'password', name: 'password', label: '新密码', required: true },
          ] as Field[],
          request: (v: Record<string, unknown>) => ({
            path: `/users/${enc(editing.user.id)}/password`,
            body: { password: v.password },
          }),
        };
    }
  })();

  return (
    <Card
      title={t('用户管理')}
      extra={
        <Button type="primary" onClick={() => setEditing({ kind: 'add' })}>
          {t('新增用户')}
        </Button>
      }
    >
      <Loaded
        loading={users.loading && !users.data}
        error={users.error}
        empty={users.data ? list.length === 0 : undefined}
      >
        <Table
          rowKey="id"
          size="middle"
          dataSource={list}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('登录名'), dataIndex: 'id' },
            { title: t('姓名'), dataIndex: 'name' },
            {
              title: t('角色'),
              dataIndex: 'role',
              render: (role: string) => <Tag>{t(ROLE_TEXT[role] ?? role)}</Tag>,
            },
            { title: t('所属单位'), dataIndex: 'unit' },
            {
              title: t('启用'),
              key: 'enabled',
              render: (_, u: User) => (
                <Space>
                  <Switch checked={u.enabled} onChange={(on) => setEnabled(u, on)} />
                  <Refusal error={errors[u.id]} />
                </Space>
              ),
            },
            {
              title: t('操作'),
              key: 'actions',
              render: (_, u: User) => (
                <Space>
                  <Button size="small" onClick={() => setEditing({ kind: 'edit', user: u })}>
                    {t('修改')}
                  </Button>
                  <Button size="small" onClick={() => setEditing({ kind: 'password', user: u })}>
                    {t('重置密码')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Loaded>
      {editing && form && (
        <ActionForm
          title={form.title}
          fields={form.fields}
          request={form.request}
          onCancel={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            users.reload();
          }}
        />
      )}
    </Card>
  );
}
