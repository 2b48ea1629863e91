/**
 * The CSAT survey of a resolution, for the tickets service: writes (or re-issues) the ticket's
 * survey inside the resolving transaction and builds the "resolved" e-mail with its one-click
 * links. One statement; nothing on ticket intake.
 */
import type { Db } from '../../db/database';
import { signSurveyToken } from '../../domain/satisfaction/survey-token';
import { csatLinks, resolvedMail, type MailContent } from './survey-mail';
import { issueCsat } from './surveys.repository';

export async function resolvedMailWithSurvey(trx: Db, publicUrl: string, tenantId: string, ticket: { id: string; reference: string; subject: string }, now: Date): Promise<MailContent> {
  const issued = await issueCsat(trx, tenantId, ticket.id, now);
  if (!issued) return resolvedMail({ reference: ticket.reference, subject: ticket.subject, links: [], expiresAt: null });
  const token = signSurveyToken({ kind: 'csat', tenantId, surveyId: issued.id, expiresAt: issued.expires_at }, issued.survey_key);
  return resolvedMail({ reference: ticket.reference, subject: ticket.subject, links: csatLinks(publicUrl, token, issued.scale), expiresAt: issued.expires_at });
}
