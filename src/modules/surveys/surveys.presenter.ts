import type { Cursor } from '../../http/pagination';
import type { CsatLinkRow, CsatListRow, NpsResponseRow, RoundRow, SurveySettingsRow } from './surveys.repository';

const iso = (d: Date) => d.toISOString();

/** Two decimals, halves away from zero (1 of 32 is 3.13, and -3.13 the other way). */
export function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100)) / 100;
}

export function presentSettings(s: SurveySettingsRow) {
  return {
    csatScale: s.csat_scale,
    csatLinkDays: s.csat_link_days,
    csatFollowUp: s.csat_follow_up,
    npsEnabled: s.nps_enabled,
    npsMonthOfQuarter: s.nps_month_of_quarter,
    npsDayOfMonth: s.nps_day_of_month,
    npsTimeZone: s.nps_time_zone,
    risk: { windowDays: s.risk_window_days, csatDrop: Number(s.risk_csat_drop), badStreak: s.risk_bad_streak, problemDays: s.risk_problem_days },
    version: s.version,
  };
}

export function presentTicketSurvey(s: CsatLinkRow | undefined, canRespond: boolean) {
  return {
    survey: s
      ? { scale: s.scale, rating: s.rating, score: s.score, comment: s.comment, respondedAt: s.responded_at ? iso(s.responded_at) : null, sentAt: iso(s.sent_at), expiresAt: iso(s.expires_at) }
      : null,
    canRespond,
  };
}

export function presentCsatResponse(r: CsatListRow) {
  return {
    id: r.id,
    ticket: { id: r.ticket_id, number: r.ticket_number, subject: r.ticket_subject },
    client: { id: r.client_id, name: r.client_name },
    technician: r.technician_id ? { id: r.technician_id, name: r.technician_name ?? '' } : null,
    scale: r.scale,
    rating: r.rating,
    score: r.score,
    comment: r.comment,
    respondedAt: iso(r.responded_at),
    followUpTicketId: r.follow_up_ticket_id,
  };
}

export const answeredCursor = (r: { at_key: string; id: string }): Cursor => ({ k: r.at_key, id: r.id });

export function presentRound(r: RoundRow) {
  return {
    id: r.id,
    quarter: r.quarter_key,
    startedAt: iso(r.started_at),
    startedBy: r.started_by ? { id: r.started_by, name: r.started_by_name ?? '' } : null,
    expiresAt: iso(r.expires_at),
    recipientCount: r.recipient_count,
    responseCount: r.responses,
    responseRate: r.recipient_count > 0 ? round2((r.responses / r.recipient_count) * 100) : null,
    nps: r.responses > 0 ? round2(((r.promoters - r.detractors) * 100) / r.responses) : null,
  };
}

export function presentNpsResponse(r: NpsResponseRow) {
  return { id: r.id, client: { id: r.client_id, name: r.client_name }, email: r.email, score: r.score, comment: r.comment, respondedAt: iso(r.responded_at) };
}
