/** The surveys API (docs/api-satisfaction.md, sections Settings, CSAT and NPS). */

export type CsatScale = 'three' | 'five';
export type SurveyKind = 'csat' | 'nps';

export type SurveyAnswer = { rating: number; comment: string; respondedAt: string };

/** What a survey link shows: nothing about the client beyond the ticket's number and subject. */
export type PublicSurvey = {
  kind: SurveyKind;
  organisation: string;
  scale: CsatScale | 'nps';
  ticket: { number: number; subject: string } | null;
  response: SurveyAnswer | null;
  expiresAt: string;
};

export type TicketSatisfaction = {
  survey: { scale: CsatScale; rating: number | null; score: number | null; comment: string; respondedAt: string | null; sentAt: string; expiresAt: string } | null;
  canRespond: boolean;
};

export type SurveySettings = {
  csatScale: CsatScale;
  csatLinkDays: number;
  csatFollowUp: 'notify' | 'ticket';
  npsEnabled: boolean;
  npsMonthOfQuarter: number;
  npsDayOfMonth: number;
  npsTimeZone: string;
  risk: { windowDays: number; csatDrop: number; badStreak: number; problemDays: number };
  version: number;
};

export type NpsRound = {
  id: string;
  quarter: string;
  startedAt: string;
  startedBy: { id: string; name: string } | null;
  expiresAt: string;
  recipientCount: number;
  responseCount: number;
  responseRate: number | null;
  nps: number | null;
};
