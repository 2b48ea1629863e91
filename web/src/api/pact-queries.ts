import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { BusinessCalendar, CalendarPreview, CatalogItem, Contract, HolidaySet, Plan, PriorityMatrix, Rider } from './pact-types';
import { allPages } from './queries';
import type { Page } from './types';

// Query keys of the service pact; mutations invalidate the group they change.
export const pactKeys = {
  matrix: ['priority-matrix'] as const,
  calendars: ['calendars'] as const,
  calendar: (id: string) => ['calendars', id] as const,
  calendarPreview: (id: string, minutes: number) => ['calendars', id, 'preview', minutes] as const,
  holidaySets: ['holiday-sets'] as const,
  plans: ['plans'] as const,
  plan: (id: string) => ['plans', id] as const,
  riders: ['riders'] as const,
  rider: (id: string) => ['riders', id] as const,
  catalog: ['catalog'] as const,
  contracts: ['contracts'] as const,
  clientContracts: (clientId: string) => ['contracts', 'client', clientId] as const,
  contract: (id: string) => ['contracts', id] as const,
};

const enc = encodeURIComponent;

/** Lists may come as a cursor page or, for small configuration lists, as a bare array. */
async function listAll<T>(path: string, query: Record<string, string> = {}): Promise<T[]> {
  const first = await api.get<Page<T> | T[]>(path, { ...query, limit: 100 });
  if (Array.isArray(first)) return first;
  if (!first.nextCursor) return first.items;
  return allPages<T>(path, query);
}

/** The matrix with its version (from the body or the ETag) for If-Match. */
export function usePriorityMatrix() {
  return useQuery({
    queryKey: pactKeys.matrix,
    queryFn: async (): Promise<PriorityMatrix> => {
      const { data, etag } = await api.getWithEtag<PriorityMatrix | { matrix: PriorityMatrix; version: number }>('/priority-matrix');
      const doc = 'matrix' in data ? { ...data.matrix, version: data.version } : data;
      return { ...doc, version: doc.version ?? (etag ? Number(etag.replaceAll('"', '').replace(/^W\//, '')) : undefined) };
    },
    staleTime: 60_000,
  });
}

export function useCalendars() {
  return useQuery({ queryKey: pactKeys.calendars, queryFn: () => listAll<BusinessCalendar>('/calendars'), staleTime: 30_000 });
}

export function useCalendar(id: string) {
  return useQuery({ queryKey: pactKeys.calendar(id), queryFn: () => api.get<BusinessCalendar>(`/calendars/${enc(id)}`), enabled: id !== '' });
}

/** "A ticket opened now with this target is due ..." for the calendar as saved. */
export function useCalendarPreview(id: string, minutes: number, version: number) {
  return useQuery({
    queryKey: [...pactKeys.calendarPreview(id, minutes), version],
    queryFn: () => api.get<CalendarPreview>(`/calendars/${enc(id)}/preview`, { start: new Date().toISOString(), minutes }),
    enabled: id !== '',
  });
}

export function useHolidaySets() {
  return useQuery({
    queryKey: pactKeys.holidaySets,
    queryFn: async () => {
      const data = await api.get<HolidaySet[] | { items: HolidaySet[] }>('/holiday-sets');
      return Array.isArray(data) ? data : data.items;
    },
    staleTime: Infinity,
  });
}

export function usePlans() {
  return useQuery({ queryKey: pactKeys.plans, queryFn: () => listAll<Plan>('/plans'), staleTime: 30_000 });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: pactKeys.plan(id), queryFn: () => api.get<Plan>(`/plans/${enc(id)}`), enabled: id !== '' });
}

export function useRiders() {
  return useQuery({ queryKey: pactKeys.riders, queryFn: () => listAll<Rider>('/riders'), staleTime: 30_000 });
}

export function useCatalog() {
  return useQuery({ queryKey: pactKeys.catalog, queryFn: () => listAll<CatalogItem>('/catalog'), staleTime: 30_000 });
}

export function useClientContracts(clientId: string) {
  return useQuery({
    queryKey: pactKeys.clientContracts(clientId),
    queryFn: () => listAll<Contract>('/contracts', { clientId }),
    enabled: clientId !== '',
  });
}

export function useContract(id: string) {
  return useQuery({ queryKey: pactKeys.contract(id), queryFn: () => api.get<Contract>(`/contracts/${enc(id)}`), enabled: id !== '' });
}

/** After a contract or amendment changes: the contract, its client's list and every list. */
export function useInvalidateContracts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: pactKeys.contracts });
}

export const scheduleUrl = (contractId: string, amendment?: number) =>
  `/api/v1/contracts/${enc(contractId)}/schedule${amendment ? `?amendment=${amendment}` : ''}`;
export const schedulePdfUrl = (contractId: string, amendment?: number) =>
  `/api/v1/contracts/${enc(contractId)}/schedule.pdf${amendment ? `?amendment=${amendment}` : ''}`;
