import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Announcement, AnnouncementInput, AnnouncementSummary, AudiencePreview, PortalAnnouncement, Recipient } from './announcement-types';
import type { Page } from './types';

const enc = encodeURIComponent;

export const announcementKeys = {
  all: ['announcements'] as const,
  list: (status: string) => ['announcements', 'list', status] as const,
  one: (id: string) => ['announcements', 'one', id] as const,
  recipients: (id: string, status: string) => ['announcements', 'recipients', id, status] as const,
  preview: (input: unknown) => ['announcements', 'preview', input] as const,
  portal: ['portal-announcements'] as const,
};

export function useAnnouncementList(status: string) {
  return useInfiniteQuery({
    queryKey: announcementKeys.list(status),
    queryFn: ({ pageParam }) => api.get<Page<AnnouncementSummary>>('/announcements', { status: status || undefined, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAnnouncement(id: string) {
  return useQuery({ queryKey: announcementKeys.one(id), queryFn: () => api.get<Announcement>(`/announcements/${enc(id)}`), enabled: id !== '' });
}

export function useRecipients(id: string, status: string) {
  return useInfiniteQuery({
    queryKey: announcementKeys.recipients(id, status),
    queryFn: ({ pageParam }) => api.get<Page<Recipient>>(`/announcements/${enc(id)}/recipients`, { status: status || undefined, limit: 100, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Queued e-mails turn sent or failed as the outbox works: keep the page current.
    refetchInterval: 15_000,
  });
}

/** Who the audience being composed reaches now; the previous answer stays while a new one loads. */
export function useAudiencePreview(input: Pick<AnnouncementInput, 'kind' | 'audience'>) {
  return useQuery({
    queryKey: announcementKeys.preview(input),
    queryFn: () => api.post<AudiencePreview>('/announcements/audience-preview', input),
    placeholderData: keepPreviousData,
  });
}

export function usePortalAnnouncements() {
  return useInfiniteQuery({
    queryKey: announcementKeys.portal,
    queryFn: ({ pageParam }) => api.get<Page<PortalAnnouncement>>('/portal/announcements', { limit: 20, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAnnouncementMutations() {
  const qc = useQueryClient();
  const done = (a: Announcement) => {
    qc.setQueryData(announcementKeys.one(a.id), a);
    void qc.invalidateQueries({ queryKey: announcementKeys.all });
    return a;
  };
  return {
    create: useMutation({ mutationFn: (input: AnnouncementInput) => api.post<Announcement>('/announcements', input), onSuccess: done }),
    update: useMutation({ mutationFn: ({ id, input, version }: { id: string; input: AnnouncementInput; version: number }) => api.patch<Announcement>(`/announcements/${enc(id)}`, input, version), onSuccess: done }),
    send: useMutation({ mutationFn: ({ id, at, version }: { id: string; at?: string; version: number }) => api.post<Announcement>(`/announcements/${enc(id)}/send`, at ? { at } : {}, version), onSuccess: done }),
    cancel: useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => api.post<Announcement>(`/announcements/${enc(id)}/cancel`, {}, version), onSuccess: done }),
  };
}
