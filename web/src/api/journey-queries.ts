import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { allPages } from './queries';
import type { Journey, Problem, ProblemFilters, ProblemListItem, ProblemSuggestion } from './journey-types';
import type { Page } from './types';

const enc = encodeURIComponent;

// Query keys of journeys and problems; a write invalidates its group (a problem write also the
// journey, whose evidence picker and suggestions list problems).
export const journeyKeys = {
  journey: (clientId: string) => ['journey', clientId] as const,
  problems: ['problems'] as const,
  problemList: (filters: ProblemFilters) => ['problems', 'list', filters] as const,
  problem: (id: string) => ['problems', 'one', id] as const,
  suggestions: (clientId: string) => ['problems', 'suggestions', clientId] as const,
  ticketProblems: (ticketId: string) => ['problems', 'ticket', ticketId] as const,
  clientTickets: (clientId: string) => ['tickets', 'client-picker', clientId] as const,
};

export const journeyPath = (clientId: string) => `/clients/${enc(clientId)}/journey`;
export const problemPath = (id: string) => `/problems/${enc(id)}`;

export function useJourney(clientId: string, enabled = true) {
  return useQuery({ queryKey: journeyKeys.journey(clientId), queryFn: () => api.get<Journey>(journeyPath(clientId)), enabled: enabled && clientId !== '' });
}

export function useProblemList(filters: ProblemFilters) {
  return useInfiniteQuery({
    queryKey: journeyKeys.problemList(filters),
    queryFn: ({ pageParam }) => api.get<Page<ProblemListItem>>('/problems', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Every problem of one client (a client has a handful), for pickers. */
export function useClientProblems(clientId: string, enabled = true) {
  return useQuery({
    queryKey: journeyKeys.problemList({ clientId, status: 'all-pages' }),
    queryFn: () => allPages<ProblemListItem>('/problems', { clientId }),
    enabled: enabled && clientId !== '',
  });
}

export function useProblem(id: string) {
  return useQuery({
    queryKey: journeyKeys.problem(id),
    queryFn: async (): Promise<Problem> => {
      const { data, etag } = await api.getWithEtag<Problem>(problemPath(id));
      // The version for If-Match: from the body, or else from the ETag.
      const version = data.version ?? (etag ? Number(etag.replaceAll('"', '').replace(/^W\//, '')) : 0);
      return { ...data, version };
    },
    enabled: id !== '',
  });
}

export function useProblemSuggestions(clientId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: journeyKeys.suggestions(clientId ?? ''),
    queryFn: async () => {
      const data = await api.get<ProblemSuggestion[] | { items: ProblemSuggestion[] }>('/problems/suggestions', { clientId });
      return Array.isArray(data) ? data : data.items;
    },
    enabled,
  });
}

export function useTicketProblems(ticketId: string, enabled = true) {
  return useQuery({
    queryKey: journeyKeys.ticketProblems(ticketId),
    queryFn: async () => {
      const data = await api.get<ProblemListItem[] | { items: ProblemListItem[] }>(`/tickets/${enc(ticketId)}/problems`);
      return Array.isArray(data) ? data : data.items;
    },
    enabled: enabled && ticketId !== '',
  });
}

export type TicketOption = { id: string; number: number; reference: string; subject: string; status: string; createdAt: string };

/** A client's latest tickets (any status), for evidence and link pickers. */
export function useClientTickets(clientId: string, enabled = true) {
  return useQuery({
    queryKey: journeyKeys.clientTickets(clientId),
    queryFn: async () => (await api.get<Page<TicketOption>>('/tickets', { clientId, sort: 'number', order: 'desc', limit: 100 })).items,
    enabled: enabled && clientId !== '',
    staleTime: 30_000,
  });
}

/** After a journey or problem write: refetch both, they show each other. */
export function useInvalidateJourney() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['journey'] }), queryClient.invalidateQueries({ queryKey: journeyKeys.problems })]);
  };
}
