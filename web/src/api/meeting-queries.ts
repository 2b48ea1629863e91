import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { CadenceView, CalendarFeed, Meeting, Occurrence, Participants } from './meeting-types';

const enc = encodeURIComponent;

export const meetingKeys = {
  contract: (contractId: string) => ['meetings', contractId] as const,
  cadence: (contractId: string) => ['meetings', contractId, 'cadence'] as const,
  participants: (contractId: string) => ['meetings', contractId, 'participants'] as const,
  list: (contractId: string, from: string, to: string) => ['meetings', contractId, 'list', from, to] as const,
  meeting: (contractId: string, start: string) => ['meetings', contractId, 'meeting', start] as const,
  feeds: ['calendar-feeds'] as const,
};

export const meetingsPath = (contractId: string) => `/contracts/${enc(contractId)}/meetings`;
export const meetingPath = (contractId: string, start: string) => `${meetingsPath(contractId)}/${enc(start)}`;

export function useCadence(contractId: string) {
  return useQuery({ queryKey: meetingKeys.cadence(contractId), queryFn: () => api.get<CadenceView>(`${meetingsPath(contractId)}/cadence`) });
}

export function useParticipants(contractId: string, enabled = true) {
  return useQuery({ queryKey: meetingKeys.participants(contractId), queryFn: () => api.get<Participants>(`${meetingsPath(contractId)}/participants`), enabled });
}

/** Who the participants picker offers: active staff and the client's contacts. */
export function useParticipantOptions(contractId: string) {
  return useQuery({ queryKey: [...meetingKeys.participants(contractId), 'options'], queryFn: () => api.get<Participants>(`${meetingsPath(contractId)}/participant-options`) });
}

/** Meetings from a month ago to a year ahead, or in the window given. */
export function useMeetings(contractId: string, from: string, to: string) {
  return useQuery({
    queryKey: meetingKeys.list(contractId, from, to),
    queryFn: async () => (await api.get<{ items: Occurrence[] }>(meetingsPath(contractId), { from, to })).items,
    enabled: contractId !== '',
  });
}

export function useMeeting(contractId: string, start: string) {
  return useQuery({ queryKey: meetingKeys.meeting(contractId, start), queryFn: () => api.get<Meeting>(meetingPath(contractId, start)), enabled: contractId !== '' && start !== '' });
}

export function useInvalidateMeetings(contractId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: meetingKeys.contract(contractId) });
}

export function useCalendarFeeds() {
  return useQuery({ queryKey: meetingKeys.feeds, queryFn: async () => (await api.get<{ items: CalendarFeed[] }>('/calendar-feeds')).items });
}

/** Dates as the meeting's zone reads them, with the zone named: "Tue 12 Jan 2027, 10:00 (Europe/Berlin)". */
export function formatMeetingTime(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return `${text} (${timeZone})`;
}
