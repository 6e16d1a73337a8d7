import { useMemo } from 'react';
import type { Obligation, Page, PlanSummary } from './types';
import { useApi } from './use-api';

/**
 * The registered plans, from GET /plans. Until a service answers that route (older ones 404),
 * the plans are gathered from the first page of obligations.
 */
export function usePlans(): { plans: readonly PlanSummary[]; loading: boolean } {
  const listed = useApi<{ items: PlanSummary[] } | PlanSummary[]>('/plans');
  const fallback = useApi<Page<Obligation>>(listed.error ? '/obligations?limit=1000' : null);
  const plans = useMemo(() => {
    if (listed.data) return Array.isArray(listed.data) ? listed.data : listed.data.items;
    const seen = new Map<string, PlanSummary>();
    for (const o of fallback.data?.items ?? [])
      if (!seen.has(o.planId))
        seen.set(o.planId, { planId: o.planId, title: o.planTitle ?? o.planId });
    return [...seen.values()];
  }, [listed.data, fallback.data]);
  return { plans, loading: listed.loading || fallback.loading };
}
