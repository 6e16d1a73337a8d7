import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { api, ApiError, type Method } from '../api';
import { useLang } from '../i18n';
import { Refusal } from './Refusal';

export type Field =
  | { kind: 'number'; name: string; label: string; required?: boolean }
  | { kind: 'date'; name: string; label: string; required?: boolean; initial?: string }
  | { kind: 'text'; name: string; label: string; required?: boolean; placeholder?: string }
  | { kind: 'password'; name: string; label: string; required?: boolean; placeholder?: string }
  | { kind: 'textarea'; name: string; label: string; required?: boolean; placeholder?: string }
  | {
      kind: 'select';
      name: string;
      label: string;
      required?: boolean;
      options: readonly { value: string; label: string }[];
    };

/** Form values as the API takes them: dates as YYYY-MM-DD. */
function plain(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v]),
  );
}

/**
 * A modal form that posts one command; the API's refusal stays next to the submit button, so
 * the user sees why and can correct the input. onDone receives the write's log position.
 */
export function ActionForm({
  title,
  fields,
  intro,
  request,
  onDone,
  onCancel,
}: {
  title: string;
  fields: readonly Field[];
  intro?: ReactNode;
  request: (values: Record<string, unknown>) => { path: string; body: unknown; method?: Method };
  onDone: (position?: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    const values = plain(await form.validateFields());
    const { path, body, method = 'POST' } = request(values);
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<{ position?: string } | undefined>(method, path, body);
      onDone(answer?.position);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e), undefined));
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => [{ required: true, message: t('请填写{label}', { label }) }];
  return (
    <Modal
      open
      title={title}
      onCancel={onCancel}
      footer={
        <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Refusal error={error} />
          <Button onClick={onCancel}>{t('取消')}</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="action-submit">
            {t('提交')}
          </Button>
        </Space>
      }
    >
      {intro}
      <Form form={form} layout="vertical">
        {fields.map((f) => {
          const label = t(f.label);
          const rules = f.required ? required(label) : undefined;
          switch (f.kind) {
            case 'number':
              return (
                <Form.Item key={f.name} name={f.name} label={label} rules={rules}>
                  <InputNumber style={{ width: '100%' }} data-field={f.name} />
                </Form.Item>
              );
            case 'date':
              return (
                <Form.Item
                  key={f.name}
                  name={f.name}
                  label={label}
                  rules={rules}
                  initialValue={f.initial ? dayjs(f.initial) : undefined}
                >
                  <DatePicker style={{ width: '100%' }} data-field={f.name} />
                </Form.Item>
              );
            case 'text':
              return (
                <Form.Item key={f.name} name={f.name} label={label} rules={rules}>
                  <Input placeholder={f.placeholder && t(f.placeholder)} data-field={f.name} />
                </Form.Item>
              );
            case 'select':
              return (
                <Form.Item key={f.name} name={f.name} label={label} rules={rules}>
                  <Select
                    options={f.options.map((o) => ({ value: o.value, label: t(o.label) }))}
                    data-field={f.name}
                  />
                </Form.Item>
              );
            case 'password':
              return (
                <Form.Item key={f.name} name={f.name} label={label} rules={rules}>
                  <Input.Password autoComplete="new-password" data-field={f.name} />
                </Form.Item>
              );
            case 'textarea':
              return (
                <Form.Item key={f.name} name={f.name} label={label} rules={rules}>
                  <Input.TextArea
                    rows={3}
                    placeholder={f.placeholder && t(f.placeholder)}
                    data-field={f.name}
                  />
                </Form.Item>
              );
          }
        })}
      </Form>
    </Modal>
  );
}
