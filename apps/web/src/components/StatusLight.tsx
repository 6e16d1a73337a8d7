import { Tag } from 'antd';
import { useCallback } from 'react';
import { useLang } from '../i18n';

/** The API's status lights, most urgent first, with the colour and name each is shown with. */
export const LIGHTS: readonly { light: string; color: string; zh: string }[] = [
  { light: 'overdue', color: '#cf1322', zh: '逾期' },
  { light: 'not-acknowledged', color: '#d46b08', zh: '未签收' },
  { light: 'at-risk', color: '#d4b106', zh: '有风险' },
  { light: 'on-track', color: '#389e0d', zh: '正常推进' },
  { light: 'done', color: '#1677ff', zh: '已完成' },
];

export function lightRank(light: string): number {
  const index = LIGHTS.findIndex((l) => l.light === light);
  return index === -1 ? LIGHTS.length : index;
}

export function useLightLabel(): (light: string) => string {
  const { t } = useLang();
  return useCallback((light: string) => t(LIGHTS.find((l) => l.light === light)?.zh ?? light), [t]);
}

export function StatusLight({ light }: { light: string }) {
  const label = useLightLabel();
  const color = LIGHTS.find((l) => l.light === light)?.color ?? '#8c8c8c';
  return (
    <Tag color={color} data-light={light}>
      ● {label(light)}
    </Tag>
  );
}
