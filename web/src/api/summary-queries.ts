import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Summary, SummaryBatch, SummaryDelivery, SummaryListItem, SummarySchedule } from './summary-types';

const enc = encodeURIComponent;
const base = (clientId: string) => `/clients/${enc(clientId)}`;

export const summaryKeys = {
  client: (clientId: string) => ['summaries', clientId] as const,
  list: (clientId: string) => ['summaries', clientId, 'list'] as const,
  one: (clientId: string, periodKey: string) => ['summaries', clientId, 'period', periodKey] as const,
  deliveries: (clientId: string, periodKey: string) => ['summaries', clientId, 'period', periodKey, 'deliveries'] as const,
  schedules: (clientId: string) => ['summaries', clientId, 'schedules'] as const,
  batch: (id: string) => ['summary-batches', id] as const,
};

export function useSummaries(clientId: string) {
  return useQuery({ queryKey: summaryKeys.list(clientId), queryFn: async () => (await api.get<{ items: SummaryListItem[] }>(`${base(clientId)}/summaries`)).items, enabled: clientId !== '' });
}

export function useSummary(clientId: string, periodKey: string) {
  return useQuery({ queryKey: summaryKeys.one(clientId, periodKey), queryFn: () => api.get<Summary>(`${base(clientId)}/summaries/${enc(periodKey)}`), enabled: clientId !== '' && periodKey !== '' });
}

export function useSummaryDeliveries(clientId: string, periodKey: string, enabled = true) {
  return useQuery({
    queryKey: summaryKeys.deliveries(clientId, periodKey),
    queryFn: async () => (await api.get<{ items: SummaryDelivery[] }>(`${base(clientId)}/summaries/${enc(periodKey)}/deliveries`)).items,
    enabled: enabled && clientId !== '' && periodKey !== '',
    // E-mails leave the outbox within seconds: refresh while some are queued.
    refetchInterval: (q) => ((q.state.data ?? []).some((d) => d.status === 'queued') ? 5000 : false),
  });
}

export function useSummarySchedules(clientId: string) {
  return useQuery({ queryKey: summaryKeys.schedules(clientId), queryFn: async () => (await api.get<{ items: SummarySchedule[] }>(`${base(clientId)}/summary-schedules`)).items, enabled: clientId !== '' });
}

/** Generate (or regenerate a draft) and every write on one summary: each refreshes the client's summaries. */
export function useSummaryActions(clientId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: summaryKeys.client(clientId) });
  return {
    generate: useMutation({ mutationFn: (periodKey: string) => api.post<Summary>(`${base(clientId)}/summaries`, { periodKey }), onSuccess: refresh }),
    saveNarrative: useMutation({
      mutationFn: (v: { periodKey: string; narrative: string; version: number }) => api.patch<Summary>(`${base(clientId)}/summaries/${enc(v.periodKey)}`, { narrative: v.narrative }, v.version),
      onSuccess: refresh,
    }),
    publish: useMutation({ mutationFn: (v: { periodKey: string; version: number }) => api.post<Summary>(`${base(clientId)}/summaries/${enc(v.periodKey)}/publish`, {}, v.version), onSuccess: refresh }),
    deliver: useMutation({
      mutationFn: (v: { periodKey: string; contactIds: string[] }) => api.post<{ items: Array<{ id: string; email: string }> }>(`${base(clientId)}/summaries/${enc(v.periodKey)}/deliveries`, { contactIds: v.contactIds }),
      onSuccess: refresh,
    }),
    saveSchedule: useMutation({
      mutationFn: (v: { period: 'monthly' | 'quarterly'; daysAfter: number; contactIds: string[]; enabled: boolean; version: number }) =>
        api.put<SummarySchedule>(`${base(clientId)}/summary-schedules/${v.period}`, { daysAfter: v.daysAfter, contactIds: v.contactIds, enabled: v.enabled }, v.version || undefined),
      onSuccess: refresh,
    }),
  };
}

export function useStartBatch() {
  return useMutation({ mutationFn: (periodKey: string) => api.post<SummaryBatch>('/summary-batches', { periodKey }) });
}

export function useSummaryBatch(id: string | null) {
  return useQuery({
    queryKey: summaryKeys.batch(id ?? ''),
    queryFn: () => api.get<SummaryBatch>(`/summary-batches/${enc(id ?? '')}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
}

/** The month and quarter keys that have ended by `now` (browser time), newest first: what a period picker offers. */
export function endedPeriods(now = new Date(), months = 12, quarters = 6): Array<{ value: string; label: string; group: 'Months' | 'Quarters' }> {
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const out: Array<{ value: string; label: string; group: 'Months' | 'Quarters' }> = [];
  let y = now.getFullYear();
  let m = now.getMonth(); // the previous month, 0-based after the decrement below
  for (let i = 0; i < months; i++) {
    m -= 1;
    if (m < 0) {
      m = 11;
      y -= 1;
    }
    out.push({ value: `${y}-${String(m + 1).padStart(2, '0')}`, label: `${names[m]} ${y}`, group: 'Months' });
  }
  let qy = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3); // the current quarter (0-based); the first ended is the one before
  for (let i = 0; i < quarters; i++) {
    q -= 1;
    if (q < 0) {
      q = 3;
      qy -= 1;
    }
    out.push({ value: `${qy}-Q${q + 1}`, label: `Q${q + 1} ${qy} (${names[q * 3]} to ${names[q * 3 + 2]})`, group: 'Quarters' });
  }
  return out;
}
