import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { AtRiskClient, ClientRisk, SatisfactionSummary, SummaryDimension } from './satisfaction-types';

export const satisfactionKeys = {
  summary: (q: { from: string; to: string; by: SummaryDimension; clientId?: string }) => ['satisfaction', 'summary', q] as const,
  atRisk: (accountManagerId: string | null) => ['at-risk', accountManagerId ?? 'all'] as const,
  clientRisk: (clientId: string) => ['at-risk', 'client', clientId] as const,
};

export function useSatisfactionSummary(q: { from: string; to: string; by: SummaryDimension; clientId?: string }) {
  return useQuery({
    queryKey: satisfactionKeys.summary(q),
    queryFn: () => api.get<SatisfactionSummary>('/satisfaction/summary', { from: q.from, to: q.to, by: q.by, clientId: q.clientId }),
    enabled: q.from !== '' && q.to !== '',
  });
}

/** Clients with at-risk reasons, highest score first; `accountManagerId` narrows to that person's clients. */
export function useAtRisk(accountManagerId: string | null) {
  return useQuery({
    queryKey: satisfactionKeys.atRisk(accountManagerId),
    queryFn: () => api.get<AtRiskClient[]>('/at-risk', { accountManagerId }),
  });
}

export function useClientRisk(clientId: string) {
  return useQuery({ queryKey: satisfactionKeys.clientRisk(clientId), queryFn: () => api.get<ClientRisk>(`/clients/${encodeURIComponent(clientId)}/risk`), enabled: clientId !== '' });
}
