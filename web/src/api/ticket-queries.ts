import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { allPages } from './queries';
import type { Attachment, BoardView, NotificationItem, Ticket, TicketComment, TicketFilters, TicketSettings, TimeEntry } from './ticket-types';
import type { Page, User } from './types';

// Query keys of tickets; every ticket write invalidates ['tickets'] (the board and the page).
export const ticketKeys = {
  all: ['tickets'] as const,
  list: (filters: TicketFilters) => ['tickets', 'list', filters] as const,
  ticket: (id: string) => ['tickets', id] as const,
  comments: (id: string) => ['tickets', id, 'comments'] as const,
  timeEntries: (id: string) => ['tickets', id, 'time-entries'] as const,
  attachments: (id: string) => ['tickets', id, 'attachments'] as const,
  notifications: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  boardViews: ['board-views'] as const,
  settings: ['ticket-settings'] as const,
  staff: ['users', 'staff-for-tickets'] as const,
};

const enc = encodeURIComponent;
export const ticketPath = (id: string) => `/tickets/${enc(id)}`;

function filterQuery(filters: TicketFilters): Record<string, string | boolean | undefined> {
  return {
    clientId: filters.clientId,
    assigneeId: filters.assigneeId,
    priority: filters.priority,
    status: filters.status || 'open',
    risk: filters.risk || undefined,
    q: filters.q,
    mine: filters.mine ? true : undefined,
  };
}

/** The board: tickets by next due instant, a page at a time. */
export function useTicketList(filters: TicketFilters, options: { pollMs?: number | false } = {}) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<Page<Ticket>>('/tickets', { ...filterQuery(filters), sort: 'due', order: 'asc', limit: 25, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: options.pollMs ?? false,
  });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ticketKeys.ticket(id), queryFn: () => api.get<Ticket>(ticketPath(id)), enabled: id !== '' });
}

export function useComments(id: string) {
  return useQuery({ queryKey: ticketKeys.comments(id), queryFn: () => allPagesOrArray<TicketComment>(`${ticketPath(id)}/comments`) });
}

export function useAttachments(id: string) {
  return useQuery({ queryKey: ticketKeys.attachments(id), queryFn: () => allPagesOrArray<Attachment>(`${ticketPath(id)}/attachments`) });
}

export function useTimeEntries(id: string, enabled = true) {
  return useQuery({ queryKey: ticketKeys.timeEntries(id), queryFn: () => allPagesOrArray<TimeEntry>(`${ticketPath(id)}/time-entries`), enabled });
}

/** Sub-lists may come as a cursor page or as a bare array. */
async function allPagesOrArray<T>(path: string): Promise<T[]> {
  const first = await api.get<Page<T> | T[]>(path, { limit: 100 });
  if (Array.isArray(first)) return first;
  if (!first.nextCursor) return first.items;
  return allPages<T>(path);
}

export function useUnreadCount() {
  return useQuery({
    queryKey: ticketKeys.unreadCount,
    queryFn: async () => {
      const data = await api.get<{ count: number } | { unread: number } | number>('/notifications/unread-count');
      return typeof data === 'number' ? data : 'count' in data ? data.count : data.unread;
    },
    refetchInterval: 30_000,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({ queryKey: ticketKeys.notifications, queryFn: () => allPagesOrArray<NotificationItem>('/notifications'), enabled });
}

export function useBoardViews() {
  return useQuery({ queryKey: ticketKeys.boardViews, queryFn: () => allPagesOrArray<BoardView>('/board/views') });
}

export function useTicketSettings(enabled = true) {
  return useQuery({ queryKey: ticketKeys.settings, queryFn: () => api.get<TicketSettings>('/tenant/ticket-settings'), enabled });
}

/** Staff to assign to; only owners and admins may list users, others get an empty list. */
export function useStaffUsers() {
  return useQuery({
    queryKey: ticketKeys.staff,
    queryFn: async () => {
      try {
        return (await allPages<User>('/users', { kind: 'staff' })).filter((u) => u.status !== 'disabled');
      } catch {
        return [];
      }
    },
    staleTime: 60_000,
  });
}

export function useInvalidateTickets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ticketKeys.all });
}

/**
 * Keeps the board fresh: `GET /board/stream` (server-sent events) refetches the tickets when
 * one changes; if the stream fails, the board polls every 15 s instead. Returns whether the
 * stream is live, so the board can say so.
 */
export function useBoardStream(): { live: boolean; pollMs: number | false } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/board/stream', { withCredentials: true });
    const refetch = () => void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    source.onopen = () => setLive(true);
    source.addEventListener('ticket', refetch);
    source.onmessage = refetch;
    // The browser reconnects by itself; until it does, the board polls.
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [queryClient]);
  return { live, pollMs: live ? false : 15_000 };
}
