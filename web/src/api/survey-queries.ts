import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { NpsRound, SurveySettings, TicketSatisfaction } from './survey-types';

export const surveyKeys = {
  settings: ['surveys', 'settings'] as const,
  rounds: ['surveys', 'nps-rounds'] as const,
  ticket: (ticketId: string) => ['surveys', 'ticket', ticketId] as const,
};

export const useSurveySettings = () => useQuery({ queryKey: surveyKeys.settings, queryFn: () => api.get<SurveySettings>('/settings/satisfaction') });

export const useNpsRounds = () => useQuery({ queryKey: surveyKeys.rounds, queryFn: async () => (await api.get<{ items: NpsRound[] }>('/nps/rounds')).items });

export const useTicketSatisfaction = (ticketId: string) =>
  useQuery({ queryKey: surveyKeys.ticket(ticketId), queryFn: () => api.get<TicketSatisfaction>(`/tickets/${ticketId}/satisfaction`) });
