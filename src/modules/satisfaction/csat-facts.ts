/**
 * CSAT survey rows as the metrics library reads them. Goals (scorecards), the satisfaction
 * report and executive summaries all load surveys with these columns and turn them into facts
 * here, so each figure rests on the same reading of a row.
 */
import type { CsatFact } from '../../domain/metrics/metric-types';
import type { CatalogCategory } from '../../domain/pact/pact-types';
import type { CsatScale } from '../../domain/satisfaction/satisfaction-types';

export type CsatFactRow = {
  id: string;
  ticket_id: string;
  number: number;
  subject: string;
  priority: string;
  category: string | null;
  site_id: string | null;
  technician_id: string | null;
  plan_name: string | null;
  scale: CsatScale;
  rating: number | null;
  score: number | null;
  sent_at: Date;
  responded_at: Date | null;
};

export function csatFactOf(r: CsatFactRow): CsatFact {
  return {
    surveyId: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.number,
    ticketSubject: r.subject,
    priority: r.priority,
    category: (r.category as CatalogCategory | null) ?? null,
    siteId: r.site_id,
    technicianId: r.technician_id,
    planName: r.plan_name,
    scale: r.scale,
    rating: r.rating,
    score: r.score,
    sentAt: r.sent_at,
    respondedAt: r.responded_at,
  };
}
