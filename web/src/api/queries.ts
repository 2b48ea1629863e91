import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { ApiToken, AuditEntry, Client, Contact, Page, Site, TenantSettings, User } from './types';

// Query keys in one place so mutations invalidate exactly what they change.
export const keys = {
  session: ['session'] as const,
  me: ['me'] as const,
  clients: ['clients'] as const,
  clientList: (filters: ClientFilters) => ['clients', 'list', filters] as const,
  client: (id: string) => ['clients', id] as const,
  sites: (clientId: string) => ['clients', clientId, 'sites'] as const,
  contacts: (clientId: string) => ['clients', clientId, 'contacts'] as const,
  users: ['users'] as const,
  userList: (filters: Record<string, string>) => ['users', filters] as const,
  tokens: ['api-tokens'] as const,
  audit: (action: string) => ['audit-log', action] as const,
  tenant: ['tenant'] as const,
};

export type ClientFilters = { q: string; status: string; sort: 'name' | 'createdAt'; order: 'asc' | 'desc' };

function nextCursor<T>(page: Page<T>) {
  return page.nextCursor ?? undefined;
}

export function useClientList(filters: ClientFilters) {
  return useInfiniteQuery({
    queryKey: keys.clientList(filters),
    queryFn: ({ pageParam }) => api.get<Page<Client>>('/clients', { ...filters, limit: 25, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: keys.client(id), queryFn: () => api.get<Client>(`/clients/${encodeURIComponent(id)}`) });
}

/** Every page of a small sub-list (sites, contacts): a client has tens, not thousands. */
export async function allPages<T>(path: string, query: Record<string, string> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await api.get<Page<T>>(path, { ...query, limit: 100, cursor });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

export function useSites(clientId: string) {
  return useQuery({ queryKey: keys.sites(clientId), queryFn: () => allPages<Site>(`/clients/${encodeURIComponent(clientId)}/sites`) });
}

export function useContacts(clientId: string) {
  return useQuery({ queryKey: keys.contacts(clientId), queryFn: () => allPages<Contact>(`/clients/${encodeURIComponent(clientId)}/contacts`) });
}

export function useUserList(filters: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: keys.userList(filters),
    queryFn: ({ pageParam }) => api.get<Page<User>>('/users', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: () => allPages<ApiToken>('/api-tokens') });
}

export function useAuditLog(action: string) {
  return useInfiniteQuery({
    queryKey: keys.audit(action),
    queryFn: ({ pageParam }) => api.get<Page<AuditEntry>>('/audit-log', { action, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useTenantSettings() {
  return useQuery({ queryKey: keys.tenant, queryFn: () => api.get<TenantSettings>('/tenant') });
}

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: () => api.get<User>('/me') });
}
