import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../db/schema';
import { defaultPlans } from '../domain/pact/plan-rules';
import { defaultPriorityMatrix } from '../domain/pact/priority-matrix';
import { agentFrom, createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../test/support/test-app';

/**
 * The authorisation matrix: every API route x every kind of caller x a row of the caller's own
 * client, of another client of the same MSP, and of another MSP. A route missing here fails
 * the first test, so new routes must join.
 */

type Principal = 'anonymous' | UserRole | 'token_read' | 'token_write';
const STAFF: Principal[] = ['owner', 'admin', 'dispatcher', 'technician', 'account_manager'];
const CLIENT: Principal[] = ['client_admin', 'client_user'];
const TOKENS: Principal[] = ['token_read', 'token_write'];
const EVERYONE: Principal[] = [...STAFF, ...CLIENT, ...TOKENS];
const PRINCIPALS: Principal[] = ['anonymous', ...EVERYONE];

type Where = 'own' | 'otherClient' | 'otherTenant';
type Ids = { clientId: string; siteId: string; contactId: string; userId: string; tokenId: string; summaryBatchId: string } & ConfigIds & ContractIds & TicketIds & Partial<ScoreIds> & ProblemIds & AnnouncementIds & MeetingIds;
// Per client: a ticket (no contract in force now) with a public attachment, a time entry, the row's client user watching.
type TicketIds = { ticketId: string; attachmentId: string; entryId: string };
// Per client: an active contract with amendment #2 proposed, an instant inside it, and a draft after it.
// They use the seeded Gold plan and Premium Response rider, which no other row of this matrix retires or deletes.
type ContractIds = { contractId: string; draftId: string; contractAt: string; goldPlanId: string; premiumRiderId: string };
// Per client, made only for the routes that need them: a two-month contract with goals in a past
// year, its first month final, its second a draft, and a manual value with an evidence file.
type ScoreIds = { scoredContractId: string; finalPeriod: string; draftPeriod: string; goalId: string; manualGoalId: string; responsibilityId: string; manualValueId: string };
// Per client: a problem with the row's ticket linked.
type ProblemIds = { problemId: string };
// Announcements are the tenant's: a draft to the row's client, and one scheduled far ahead (to cancel).
type AnnouncementIds = { announcementId: string; scheduledAnnouncementId: string };
// Per client: a weekly review cadence far ahead on the active contract, its first meeting with an action item, the row's contact taking part.
type MeetingIds = { meetingStart: string; actionItemId: string };
// Pact configuration rows are tenant-wide; the client of the row set does not matter.
type ConfigIds = { calendarId: string; planId: string; riderId: string; catalogItemId: string };

type Case = {
  route: string; // "METHOD /path" with :params, as registered
  allow: Principal[]; // who succeeds on a row of their own client (or with no row)
  // Rows the URL names; without it the route is called once per principal.
  scoped?: boolean;
  // Destructive routes get fresh rows for every call.
  fresh?: boolean;
  body?: (ids: Ids) => unknown;
  public?: boolean;
  // Who may also act on other clients' rows of the same MSP (default: allowed staff and tokens).
  crossClient?: Principal[];
  // The route needs a contract with scorecards (ScoreIds).
  scores?: boolean;
};

const u = () => randomUUID().slice(0, 8);
const CLIENT_WRITERS: Principal[] = ['owner', 'admin', 'dispatcher', 'account_manager', 'token_write'];
const READERS: Principal[] = [...STAFF, ...CLIENT, ...TOKENS];
const CONTRACT_WRITERS: Principal[] = ['owner', 'admin', 'account_manager', 'token_write'];
const CONFIGURE: Principal[] = ['owner', 'admin', 'token_write'];
const STAFF_READERS: Principal[] = [...STAFF, ...TOKENS];
// Scorecards, statements and review packs: staff, and the client admin (final revisions only).
const SCORE_READERS: Principal[] = [...STAFF, 'client_admin', ...TOKENS];
// Far ahead, so that its meetings are always to come; weekly on the first meeting's weekday.
const MEETING_CADENCE = { title: 'Service review', rrule: 'FREQ=WEEKLY', firstStart: '2998-01-05T10:00', timeZone: 'UTC', durationMinutes: 60, location: '' };
const CALENDAR = { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']] } };
const planTerms = (ids: Ids) => defaultPlans({ businessHours: ids.calendarId, allHours: ids.calendarId })[1]!.terms;
const rider = () => ({ name: `Rider ${u()}`, effect: { kind: 'scale', factorPercent: 75, floorMinutes: 10 }, price: { amountMinor: 1000, currency: 'EUR', basis: 'flat' } });
const catalogItem = () => ({ category: 'other', name: `Item ${u()}`, defaultUrgency: 'low', defaultImpact: 'individual', deliveryMode: 'remote', complexity: 'low', expectedEffortMinutes: 10 });

const cases: Case[] = [
  // Session and sign-in: reachable by anyone; their own tests cover behaviour.
  { route: 'GET /session', allow: PRINCIPALS, public: true },
  { route: 'GET /setup', allow: PRINCIPALS, public: true },
  // Me: a token answers as the staff member who created it.
  { route: 'GET /me', allow: [...STAFF, ...CLIENT, ...TOKENS] },
  { route: 'POST /me/mfa/enrolment', allow: [...STAFF, ...CLIENT] },
  // Administration.
  { route: 'GET /users', allow: ['owner', 'admin', 'client_admin', 'token_read', 'token_write'] },
  { route: 'GET /users/:id', allow: ['owner', 'admin', 'client_admin', 'token_read', 'token_write'], scoped: true, crossClient: ['owner', 'admin', 'token_read', 'token_write'] },
  { route: 'PATCH /users/:id', allow: ['owner', 'admin', 'client_admin', 'token_write'], scoped: true, fresh: true, body: () => ({ name: `Renamed ${u()}` }), crossClient: ['owner', 'admin', 'token_write'] },
  { route: 'POST /users/:id/sign-out-everywhere', allow: ['owner', 'admin', 'token_write'], scoped: true, fresh: true },
  { route: 'POST /users/:id/mfa/reset', allow: ['owner', 'admin', 'token_write'], scoped: true, fresh: true },
  { route: 'POST /users', allow: ['owner', 'admin', 'token_write'], body: () => ({ email: `staff-${u()}@example.test`, name: 'New Staff', role: 'technician' }) },
  { route: 'GET /api-tokens', allow: ['owner', 'admin', ...TOKENS] },
  // A token never mints another token; it may revoke one (an integration retiring its own).
  { route: 'POST /api-tokens', allow: ['owner', 'admin'], body: () => ({ name: `t-${u()}`, scopes: ['read'] }) },
  { route: 'DELETE /api-tokens/:id', allow: ['owner', 'admin', 'token_write'], scoped: true, fresh: true },
  // Tokens of an owner may read the audit log, e.g. to feed a security monitoring system.
  { route: 'GET /audit-log', allow: ['owner', ...TOKENS] },
  { route: 'GET /tenant', allow: [...STAFF, ...TOKENS] },
  { route: 'PATCH /tenant', allow: ['owner', 'admin', 'token_write'], body: () => ({ name: `MSP ${u()}` }) },
  // Clients, sites, contacts.
  { route: 'GET /clients', allow: READERS },
  { route: 'POST /clients', allow: CLIENT_WRITERS, body: () => ({ name: `Client ${u()}` }) },
  { route: 'GET /clients/:clientId', allow: READERS, scoped: true },
  { route: 'PATCH /clients/:clientId', allow: CLIENT_WRITERS, scoped: true, body: () => ({ notes: `n ${u()}` }) },
  { route: 'GET /clients/:clientId/sites', allow: READERS, scoped: true },
  { route: 'POST /clients/:clientId/sites', allow: CLIENT_WRITERS, scoped: true, body: () => ({ name: `Site ${u()}`, timeZone: 'Europe/Berlin' }) },
  { route: 'GET /clients/:clientId/sites/:siteId', allow: READERS, scoped: true },
  { route: 'PATCH /clients/:clientId/sites/:siteId', allow: CLIENT_WRITERS, scoped: true, body: () => ({ travelMinutes: 30 }) },
  { route: 'DELETE /clients/:clientId/sites/:siteId', allow: CLIENT_WRITERS, scoped: true, fresh: true },
  { route: 'GET /clients/:clientId/contacts', allow: READERS, scoped: true },
  { route: 'POST /clients/:clientId/contacts', allow: [...CLIENT_WRITERS, 'client_admin'], scoped: true, body: () => ({ name: 'New Contact', email: `c-${u()}@example.test`, roles: ['technical'] }) },
  { route: 'GET /clients/:clientId/contacts/:contactId', allow: READERS, scoped: true },
  { route: 'PATCH /clients/:clientId/contacts/:contactId', allow: [...CLIENT_WRITERS, 'client_admin'], scoped: true, body: () => ({ phone: '+49 30 1234' }) },
  { route: 'DELETE /clients/:clientId/contacts/:contactId', allow: [...CLIENT_WRITERS, 'client_admin'], scoped: true, fresh: true },
  { route: 'POST /clients/:clientId/contacts/:contactId/invite', allow: [...CLIENT_WRITERS, 'client_admin'], scoped: true, fresh: true, body: () => ({ role: 'client_user' }) },
  // Pact configuration.
  { route: 'GET /priority-matrix', allow: READERS },
  { route: 'PUT /priority-matrix', allow: CONFIGURE, body: () => defaultPriorityMatrix() },
  { route: 'POST /priority-matrix/lookup', allow: STAFF_READERS, body: () => ({ urgency: 'high', impact: 'team' }) },
  { route: 'GET /calendars', allow: STAFF_READERS },
  { route: 'POST /calendars', allow: CONFIGURE, body: () => ({ name: `Cal ${u()}`, definition: CALENDAR }) },
  { route: 'GET /calendars/:id', allow: STAFF_READERS, scoped: true },
  { route: 'PUT /calendars/:id', allow: CONFIGURE, scoped: true, body: () => ({ name: `Cal ${u()}`, definition: CALENDAR }) },
  { route: 'DELETE /calendars/:id', allow: CONFIGURE, scoped: true, fresh: true },
  { route: 'GET /calendars/:id/preview', allow: STAFF_READERS, scoped: true },
  { route: 'GET /holiday-sets', allow: STAFF_READERS },
  { route: 'GET /plans', allow: STAFF_READERS },
  { route: 'POST /plans', allow: CONFIGURE, body: (ids) => ({ name: `Plan ${u()}`, terms: planTerms(ids) }) },
  { route: 'GET /plans/:id', allow: STAFF_READERS, scoped: true },
  { route: 'PUT /plans/:id', allow: CONFIGURE, scoped: true, body: (ids) => ({ name: `Plan ${u()}`, terms: planTerms(ids) }) },
  { route: 'POST /plans/:id/retire', allow: CONFIGURE, scoped: true },
  { route: 'DELETE /plans/:id', allow: CONFIGURE, scoped: true, fresh: true },
  { route: 'GET /riders', allow: STAFF_READERS },
  { route: 'POST /riders', allow: CONFIGURE, body: () => rider() },
  { route: 'GET /riders/:id', allow: STAFF_READERS, scoped: true },
  { route: 'PUT /riders/:id', allow: CONFIGURE, scoped: true, body: () => rider() },
  { route: 'POST /riders/:id/retire', allow: CONFIGURE, scoped: true },
  // Client users read the catalog they are measured by (rule 7); the rest is staff.
  { route: 'GET /catalog', allow: READERS },
  { route: 'POST /catalog', allow: CONFIGURE, body: () => catalogItem() },
  { route: 'GET /catalog/export.csv', allow: CONFIGURE },
  { route: 'GET /catalog/:id', allow: STAFF_READERS, scoped: true },
  { route: 'PUT /catalog/:id', allow: CONFIGURE, scoped: true, body: () => catalogItem() },
  { route: 'POST /catalog/:id/retire', allow: CONFIGURE, scoped: true },
  // Contracts and amendments.
  { route: 'GET /contracts', allow: READERS },
  { route: 'POST /contracts', allow: CONTRACT_WRITERS, body: (ids) => ({ clientId: ids.clientId, name: `K ${u()}`, planId: ids.goldPlanId, startsAt: '2026-01-01T00:00:00Z' }) },
  { route: 'GET /contracts/:id', allow: READERS, scoped: true },
  { route: 'PATCH /contracts/:id', allow: CONTRACT_WRITERS, scoped: true, body: () => ({ name: `K ${u()}` }) },
  { route: 'POST /contracts/:id/activate', allow: CONTRACT_WRITERS, scoped: true, fresh: true },
  { route: 'POST /contracts/:id/end', allow: CONTRACT_WRITERS, scoped: true, fresh: true, body: (ids) => ({ endsAt: new Date(Date.parse(ids.contractAt) + 86_400_000).toISOString() }) },
  { route: 'POST /contracts/:id/amendments', allow: CONTRACT_WRITERS, scoped: true, body: (ids) => ({ effectiveAt: ids.contractAt, changes: [{ type: 'rider_added', riderId: ids.premiumRiderId }] }) },
  { route: 'GET /contracts/:id/amendments/:number', allow: READERS, scoped: true },
  { route: 'POST /contracts/:id/amendments/:number/accept', allow: ['client_admin'], scoped: true, fresh: true, crossClient: [] },
  { route: 'POST /contracts/:id/amendments/:number/reject', allow: ['client_admin'], scoped: true, fresh: true, crossClient: [], body: () => ({ reason: 'Not this year' }) },
  { route: 'POST /contracts/:id/amendments/:number/withdraw', allow: CONTRACT_WRITERS, scoped: true, fresh: true },
  { route: 'GET /contracts/:id/schedule', allow: READERS, scoped: true },
  { route: 'GET /contracts/:id/schedule.pdf', allow: READERS, scoped: true },
  { route: 'POST /targets/simulate', allow: READERS, body: (ids) => ({ clientId: ids.clientId, urgency: 'high', impact: 'team', at: ids.contractAt }) },
  // The board is staff's: views are per user (tokens act as their maker).
  { route: 'GET /board/views', allow: STAFF_READERS },
  { route: 'POST /board/views', allow: [...STAFF, 'token_write'], body: () => ({ name: `View ${u()}`, filters: { status: 'new', sort: 'due' } }) },
  // Notifications are per user: every caller reads and clears their own; tokens act as their maker.
  { route: 'GET /notifications', allow: EVERYONE },
  { route: 'GET /notifications/unread-count', allow: EVERYONE },
  { route: 'POST /notifications/read-all', allow: [...STAFF, ...CLIENT, 'token_write'] },
  // Tickets: client users see their own (requested or watched), client admins their client's.
  { route: 'GET /tickets', allow: READERS },
  { route: 'POST /tickets', allow: [...STAFF, ...CLIENT, 'token_write'], body: (ids) => ({ clientId: ids.clientId, subject: `T ${u()}` }) },
  { route: 'POST /tickets/bulk', allow: [...STAFF, 'token_write'], body: (ids) => ({ tickets: [{ clientId: ids.clientId, subject: `T ${u()}` }] }) },
  { route: 'GET /tickets/:id', allow: READERS, scoped: true },
  { route: 'PATCH /tickets/:id', allow: [...STAFF, 'token_write'], scoped: true, body: () => ({ subject: `T ${u()}` }) },
  { route: 'GET /tickets/:id/comments', allow: READERS, scoped: true },
  { route: 'POST /tickets/:id/comments', allow: [...STAFF, ...CLIENT, 'token_write'], scoped: true, body: () => ({ body: 'Any news?' }) },
  { route: 'POST /tickets/:id/calls', allow: [...STAFF, 'token_write'], scoped: true, body: () => ({ note: 'Called the user' }) },
  { route: 'GET /tickets/:id/attachments', allow: READERS, scoped: true },
  { route: 'POST /tickets/:id/attachments', allow: [...STAFF, ...CLIENT, 'token_write'], scoped: true, body: () => ({ filename: 'a.txt', contentType: 'text/plain', dataBase64: 'aGk=' }) },
  { route: 'GET /tickets/:id/attachments/:attachmentId', allow: READERS, scoped: true },
  { route: 'POST /tickets/:id/watchers', allow: [...STAFF, 'client_admin', 'token_write'], scoped: true, body: (ids) => ({ userId: ids.userId }) },
  { route: 'DELETE /tickets/:id/watchers/:userId', allow: [...STAFF, 'client_admin', 'token_write'], scoped: true, fresh: true },
  { route: 'GET /tickets/:id/time-entries', allow: STAFF_READERS, scoped: true },
  { route: 'POST /tickets/:id/time-entries', allow: [...STAFF, 'token_write'], scoped: true, body: () => ({ startedAt: '2026-03-02T09:00:00Z', durationMinutes: 30 }) },
  // The entry is the owner's (tokens act as their maker); others' entries: owner, admin, dispatcher.
  { route: 'DELETE /tickets/:id/time-entries/:entryId', allow: ['owner', 'admin', 'dispatcher', 'token_write'], scoped: true, fresh: true },
  { route: 'POST /tickets/:id/timer/start', allow: [...STAFF, 'token_write'], scoped: true, fresh: true },
  { route: 'GET /tenant/ticket-settings', allow: ['owner', 'admin', ...TOKENS] },
  // Scorecards and statements: client admins read (final revisions), client users never.
  { route: 'GET /contracts/:id/scorecards', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'POST /contracts/:id/scorecards', allow: CONTRACT_WRITERS, scoped: true, scores: true, body: (ids) => ({ periodKey: ids.draftPeriod }) },
  { route: 'GET /contracts/:id/scorecards/:periodKey', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'GET /contracts/:id/scorecards/:periodKey/goals/:goalId', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'POST /contracts/:id/scorecards/:periodKey/finalise', allow: CONTRACT_WRITERS, scoped: true, fresh: true, scores: true },
  { route: 'POST /contracts/:id/scorecards/:periodKey/reopen', allow: CONTRACT_WRITERS, scoped: true, fresh: true, scores: true, body: () => ({ reason: 'Disputed by the client' }) },
  { route: 'GET /contracts/:id/goals/trend', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'GET /contracts/:id/statements/:periodKey', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'GET /contracts/:id/review-pack', allow: SCORE_READERS, scoped: true, scores: true },
  // Manual metric values and their evidence are staff's; attestations and counts the client admin reads too.
  { route: 'GET /contracts/:id/manual-values', allow: STAFF_READERS, scoped: true, scores: true },
  { route: 'POST /contracts/:id/manual-values', allow: CONTRACT_WRITERS, scoped: true, scores: true, body: (ids) => ({ goalId: ids.manualGoalId, periodKey: ids.draftPeriod, value: 90, evidenceNote: 'Survey' }) },
  { route: 'GET /contracts/:id/manual-values/:valueId/evidence', allow: STAFF_READERS, scoped: true, scores: true },
  { route: 'GET /contracts/:id/attestations', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'POST /contracts/:id/attestations', allow: CONTRACT_WRITERS, scoped: true, scores: true, body: (ids) => ({ responsibilityId: ids.responsibilityId, periodKey: ids.draftPeriod, kept: true }) },
  { route: 'GET /contracts/:id/counts', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'POST /contracts/:id/counts', allow: CONTRACT_WRITERS, scoped: true, scores: true, body: () => ({ kind: 'users', count: 12, effectiveFrom: '2000-01-01' }) },
  // Satisfaction metrics and at-risk signals: the summary for staff and the client admin (own client, by category); at-risk for staff.
  { route: 'GET /satisfaction/summary', allow: [...STAFF, 'client_admin', ...TOKENS] },
  { route: 'GET /at-risk', allow: STAFF_READERS },
  { route: 'GET /clients/:clientId/risk', allow: STAFF_READERS, scoped: true },
  { route: 'PATCH /tenant/ticket-settings', allow: ['owner', 'admin', 'token_write'], body: () => ({ commentOnClosed: 'reopen' }) },
  // Journey and problems: staff and the client admin read (the journey without suggestions), client users never;
  // owners, admins and account managers change stages; every staff role works on problems.
  { route: 'GET /clients/:clientId/journey', allow: SCORE_READERS, scoped: true },
  { route: 'POST /clients/:clientId/journey', allow: CONTRACT_WRITERS, scoped: true, body: (ids) => ({ stage: 'easy_wins', effectiveOn: '2026-01-01', note: 'Quick fixes landed', evidence: [{ kind: 'ticket', id: ids.ticketId }] }) },
  { route: 'POST /clients/:clientId/journey/suggestions/:key/dismiss', allow: CONTRACT_WRITERS, scoped: true },
  { route: 'GET /problems', allow: SCORE_READERS },
  { route: 'POST /problems', allow: [...STAFF, 'token_write'], body: (ids) => ({ clientId: ids.clientId, title: `P ${u()}`, ticketIds: [ids.ticketId] }) },
  { route: 'GET /problems/suggestions', allow: STAFF_READERS },
  { route: 'GET /problems/:id', allow: SCORE_READERS, scoped: true },
  { route: 'PATCH /problems/:id', allow: [...STAFF, 'token_write'], scoped: true, body: () => ({ plan: `Plan ${u()}` }) },
  { route: 'POST /problems/:id/tickets', allow: [...STAFF, 'token_write'], scoped: true, body: (ids) => ({ ticketIds: [ids.ticketId] }) },
  { route: 'DELETE /problems/:id/tickets/:ticketId', allow: [...STAFF, 'token_write'], scoped: true, fresh: true },
  { route: 'PUT /problems/:id/milestones', allow: [...STAFF, 'token_write'], scoped: true, body: () => ({ milestones: [{ title: 'Replace the switch', dueOn: '2026-12-31' }] }) },
  { route: 'GET /tickets/:id/problems', allow: SCORE_READERS, scoped: true },
  // Surveys: a ticket's survey is read by whoever sees the ticket and answered only by its requester once resolved
  // (the matrix's rows have neither, so nobody succeeds here; surveys.int.test.ts pins the requester); CSAT answers
  // for staff and the client admin (own client); settings read by staff, changed by owners and admins.
  { route: 'GET /tickets/:id/satisfaction', allow: READERS, scoped: true },
  { route: 'PUT /tickets/:id/satisfaction', allow: [], scoped: true, body: () => ({ rating: 1 }) },
  { route: 'GET /surveys/csat', allow: [...STAFF, 'client_admin', ...TOKENS] },
  { route: 'GET /settings/satisfaction', allow: STAFF_READERS },
  { route: 'PATCH /settings/satisfaction', allow: CONFIGURE, body: () => ({ csatLinkDays: 14 }) },
  { route: 'GET /nps/rounds', allow: STAFF_READERS },
  // Announcements: staff read (tenant-wide, any client's rows), owners, admins and account managers write and send;
  // client users read only what their client received, in the portal.
  { route: 'GET /announcements', allow: STAFF_READERS },
  { route: 'POST /announcements', allow: CONTRACT_WRITERS, body: () => ({ kind: 'newsletter', subject: `N ${u()}`, bodyHtml: '<p>News</p>' }) },
  { route: 'POST /announcements/audience-preview', allow: CONTRACT_WRITERS, body: (ids) => ({ audience: { clientIds: [ids.clientId] } }) },
  { route: 'GET /announcements/:id', allow: STAFF_READERS, scoped: true },
  { route: 'PATCH /announcements/:id', allow: CONTRACT_WRITERS, scoped: true, body: () => ({ subject: `A ${u()}` }) },
  { route: 'GET /announcements/:id/recipients/preview', allow: CONTRACT_WRITERS, scoped: true },
  { route: 'POST /announcements/:id/send', allow: CONTRACT_WRITERS, scoped: true, fresh: true },
  { route: 'POST /announcements/:id/cancel', allow: CONTRACT_WRITERS, scoped: true, fresh: true },
  { route: 'GET /announcements/:id/recipients', allow: STAFF_READERS, scoped: true },
  { route: 'GET /portal/announcements', allow: CLIENT },
  // Executive summaries (per client, on the scored contract's months: the final month's summary published,
  // the draft month's a draft): staff and the client admin read (published only), owners, admins and account
  // managers generate, write, publish, deliver and schedule; the delivery log, schedules and batches are staff's.
  { route: 'GET /clients/:id/summaries', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'POST /clients/:id/summaries', allow: CONTRACT_WRITERS, scoped: true, scores: true, body: (ids) => ({ periodKey: ids.draftPeriod }) },
  { route: 'GET /clients/:id/summaries/:periodKey', allow: SCORE_READERS, scoped: true, scores: true },
  { route: 'PATCH /clients/:id/summaries/:periodKey', allow: CONTRACT_WRITERS, scoped: true, scores: true, body: () => ({ narrative: `A calm month ${u()}` }) },
  { route: 'POST /clients/:id/summaries/:periodKey/publish', allow: CONTRACT_WRITERS, scoped: true, fresh: true, scores: true },
  { route: 'POST /clients/:id/summaries/:periodKey/deliveries', allow: CONTRACT_WRITERS, scoped: true, scores: true, body: (ids) => ({ contactIds: [ids.contactId] }) },
  { route: 'GET /clients/:id/summaries/:periodKey/deliveries', allow: STAFF_READERS, scoped: true, scores: true },
  { route: 'GET /clients/:id/summary-schedules', allow: STAFF_READERS, scoped: true },
  { route: 'PUT /clients/:id/summary-schedules/:period', allow: CONTRACT_WRITERS, scoped: true, body: (ids) => ({ daysAfter: 3, contactIds: [ids.contactId], enabled: true }) },
  { route: 'POST /summary-batches', allow: CONTRACT_WRITERS, body: () => ({ periodKey: '1899-12' }) },
  { route: 'GET /summary-batches/:id', allow: STAFF_READERS, scoped: true },
  // Review meetings: staff read the cadence and participants, owners, admins and account managers plan, move,
  // minute and invite; client users of the contract's client read the meetings; staff keep action items.
  // Calendar feeds are each caller's own (a client's feed: staff and its client admin; see src/modules/meetings).
  { route: 'GET /contracts/:id/meetings/cadence', allow: STAFF_READERS, scoped: true },
  { route: 'PUT /contracts/:id/meetings/cadence', allow: CONTRACT_WRITERS, scoped: true, body: () => MEETING_CADENCE },
  { route: 'POST /contracts/:id/meetings/cadence/preview', allow: STAFF_READERS, scoped: true, body: () => ({ rrule: MEETING_CADENCE.rrule, firstStart: MEETING_CADENCE.firstStart, timeZone: 'UTC' }) },
  { route: 'GET /contracts/:id/meetings/participants', allow: STAFF_READERS, scoped: true },
  { route: 'GET /contracts/:id/meetings/participant-options', allow: STAFF_READERS, scoped: true },
  { route: 'PUT /contracts/:id/meetings/participants', allow: CONTRACT_WRITERS, scoped: true, body: (ids) => ({ userIds: [], contactIds: [ids.contactId] }) },
  { route: 'POST /contracts/:id/meetings/invitations', allow: CONTRACT_WRITERS, scoped: true },
  { route: 'GET /contracts/:id/meetings', allow: READERS, scoped: true },
  { route: 'GET /contracts/:id/meetings/:start', allow: READERS, scoped: true },
  { route: 'PATCH /contracts/:id/meetings/:start', allow: CONTRACT_WRITERS, scoped: true, body: () => ({ minutes: `Minutes ${u()}` }) },
  { route: 'POST /contracts/:id/meetings/:start/agenda/refresh', allow: CONTRACT_WRITERS, scoped: true },
  { route: 'POST /contracts/:id/meetings/:start/action-items', allow: [...STAFF, 'token_write'], scoped: true, body: () => ({ title: `Follow up ${u()}` }) },
  { route: 'PATCH /contracts/:id/meetings/:start/action-items/:itemId', allow: [...STAFF, 'token_write'], scoped: true, body: () => ({ title: `Follow up ${u()}` }) },
  { route: 'POST /contracts/:id/meetings/:start/action-items/:itemId/ticket', allow: [...STAFF, 'token_write'], scoped: true, fresh: true },
  { route: 'GET /calendar-feeds', allow: EVERYONE },
  { route: 'POST /calendar-feeds', allow: [...STAFF, ...CLIENT, 'token_write'], body: () => ({ kind: 'user' }) },
];

// Routes whose callers are people mid-way through signing in or holding a one-time secret;
// their own tests pin them (sign-in, MFA step, set-up, invitations, password and MFA changes).
const coveredElsewhere = new Set([
  'POST /auth/sign-in',
  'POST /auth/mfa',
  'POST /auth/sign-out',
  // Signs the caller out of every session, which would end the other rows of this matrix.
  'POST /auth/sign-out-everywhere',
  'POST /setup',
  'GET /invitations/:token',
  'POST /invitations/:token/accept',
  'POST /me/password',
  'POST /me/mfa/enrolment/confirm',
  'POST /me/mfa/recovery-codes',
  'POST /me/mfa/disable',
  // Takes a text/csv body, which this matrix does not send; src/modules/catalog tests its callers.
  'POST /catalog/import',
  // Needs the caller's own running timer; src/modules/tickets tests start and stop.
  'POST /tickets/:id/timer/stop',
  // A server-sent event stream the matrix cannot read, and a view only its owner has (others get 404); src/modules/board tests both.
  'GET /board/stream',
  'DELETE /board/views/:id',
  // Names one notification, which only its recipient has (others get 404); src/modules/notifications tests it.
  'POST /notifications/:id/read',
  // Survey links answer by token, not by session (anyone holding the link); a quarter's NPS round is sent once,
  // and its answers name a round of the tenant; src/modules/surveys tests who may call them.
  'GET /public/surveys/:token',
  'POST /public/surveys/:token/response',
  'POST /nps/rounds',
  'GET /nps/rounds/:id/responses',
  // Unsubscribe links answer by token (anyone holding the link); src/modules/announcements tests them.
  'GET /public/unsubscribe/:token',
  'POST /public/unsubscribe/:token',
  // A feed is revoked only by its maker (others get 404), and fetched by its secret URL without a session;
  // src/modules/meetings tests both.
  'DELETE /calendar-feeds/:id',
  'GET /feeds/:file',
]);

let t: TestApp;
const callers = new Map<Principal, Agent | null>();
type World = { tenantA: string; ownerA: Agent; ownerB: Agent; a1: string; a2: string; b1: string };
let w: World;

async function json(res: { statusCode: number; json(): { id: string; token: string }; body: string }, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function newClient(owner: Agent) {
  return (await json(await owner.post('/api/v1/clients', { name: `Client ${u()}` }), 'client')).id as string;
}

/** A fresh set of rows under a client: a site, a contact, a client user, an API token. */
async function rowsUnder(owner: Agent, tenantId: string, clientId: string): Promise<Ids> {
  const site = await json(await owner.post(`/api/v1/clients/${clientId}/sites`, { name: `Site ${u()}`, timeZone: 'Europe/Berlin' }), 'site');
  const contact = await json(await owner.post(`/api/v1/clients/${clientId}/contacts`, { name: 'Casey Contact', email: `contact-${u()}@example.test`, roles: ['primary'] }), 'contact');
  const user = await createUser(t.ctx, tenantId, 'client_user', { clientId });
  const token = await json(await owner.post('/api/v1/api-tokens', { name: `row-${u()}`, scopes: ['read'] }), 'token');
  const ticket = await json(await owner.post('/api/v1/tickets', { clientId, subject: `T ${u()}` }), 'ticket');
  for (const watcher of [user.id, ...(clientId === w.a1 ? [matrixClientUserId] : [])]) await json(await owner.post(`/api/v1/tickets/${ticket.id}/watchers`, { userId: watcher }), 'watcher');
  const attachment = await json(await owner.post(`/api/v1/tickets/${ticket.id}/attachments`, { filename: 'a.txt', contentType: 'text/plain', dataBase64: 'aGk=' }), 'attachment');
  const entry = await json(await owner.post(`/api/v1/tickets/${ticket.id}/time-entries`, { startedAt: '2026-03-02T09:00:00Z', durationMinutes: 30 }), 'time entry');
  const tickets: TicketIds = { ticketId: ticket.id, attachmentId: attachment.id, entryId: entry.id };
  const problem = await json(await owner.post('/api/v1/problems', { clientId, title: `P ${u()}`, ticketIds: [ticket.id] }), 'problem');
  const announcement = () => owner.post('/api/v1/announcements', { kind: 'service_notice', subject: `A ${u()}`, bodyHtml: '<p>Maintenance</p>', audience: { clientIds: [clientId] } });
  const draftAnnouncement = await json(await announcement(), 'announcement');
  const scheduledAnnouncement = await json(await announcement(), 'announcement');
  await json(await owner.post(`/api/v1/announcements/${scheduledAnnouncement.id}/send`, { at: '2999-01-01T09:00:00Z' }), 'schedule');
  const announcements: AnnouncementIds = { announcementId: draftAnnouncement.id, scheduledAnnouncementId: scheduledAnnouncement.id };
  // A batch of a month no contract overlaps: nothing to generate, done at once.
  const summaryBatch = await json(await owner.post('/api/v1/summary-batches', { periodKey: '1899-12' }), 'summary batch');
  const contractIds = await contractRows(owner, clientId);
  const meetings = `/api/v1/contracts/${contractIds.contractId}/meetings`;
  await json(await owner.request(`${meetings}/cadence`, { method: 'PUT', body: MEETING_CADENCE }), 'cadence');
  await json(await owner.request(`${meetings}/participants`, { method: 'PUT', body: { contactIds: [contact.id] } }), 'participants');
  const meetingStart = '2998-01-05T10:00:00.000Z';
  const item = await json(await owner.post(`${meetings}/${meetingStart}/action-items`, { title: 'Follow up' }), 'action item');
  return { clientId, siteId: site.id, contactId: contact.id, userId: user.id, tokenId: token.id, ...(await configRows(owner)), ...contractIds, ...tickets, problemId: problem.id, ...announcements, summaryBatchId: summaryBatch.id, meetingStart, actionItemId: item.id };
}

/** An active contract in a year of its own (rows of one client never overlap), amendment #2 proposed, and a later draft. */
let contractYear = 2100;
async function contractRows(owner: Agent, clientId: string): Promise<ContractIds> {
  const y = contractYear++;
  const goldPlanId = ((await owner.get('/api/v1/plans?q=Gold')).json().items as { id: string }[])[0]!.id;
  const premiumRiderId = ((await owner.get('/api/v1/riders')).json().items as { id: string; name: string }[]).find((r) => r.name === 'Premium Response')!.id;
  const body = (startsAt: string, endsAt: string) => ({ clientId, name: `K ${u()}`, planId: goldPlanId, startsAt, endsAt });
  const active = await json(await owner.post('/api/v1/contracts', body(`${y}-01-01T00:00:00Z`, `${y}-07-01T00:00:00Z`)), 'contract');
  await json(await owner.post(`/api/v1/contracts/${active.id}/activate`), 'activation');
  const contractAt = `${y}-03-01T00:00:00.000Z`;
  await json(await owner.post(`/api/v1/contracts/${active.id}/amendments`, { effectiveAt: contractAt, changes: [{ type: 'rider_added', riderId: premiumRiderId }] }), 'amendment');
  const draft = await json(await owner.post('/api/v1/contracts', body(`${y}-07-01T00:00:00Z`, `${y + 1}-01-01T00:00:00Z`)), 'draft');
  return { contractId: active.id, draftId: draft.id, contractAt, goldPlanId, premiumRiderId };
}

/**
 * A two-month contract in a window of its own (rows of one client never overlap, and the months
 * have ended) with a compliance goal, a manual goal and an attested responsibility; the first
 * month finalised, the second a draft; a manual value with an evidence file.
 */
let scoredWindow = 0;
async function scoreRows(owner: Agent, ids: Ids): Promise<ScoreIds> {
  const k = scoredWindow++;
  const month = (i: number) => `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const [finalPeriod, draftPeriod, end] = [month(2 * k), month(2 * k + 1), month(2 * k + 2)];
  const goalId = randomUUID();
  const manualGoalId = randomUUID();
  const responsibilityId = randomUUID();
  const draft = await json(await owner.post('/api/v1/contracts', { clientId: ids.clientId, name: `K ${u()}`, planId: ids.goldPlanId, startsAt: `${finalPeriod}-01T12:00:00Z`, endsAt: `${end}-01T12:00:00Z` }), 'scored contract');
  const base = { scope: {}, incentive: null, method: 'As agreed', minSample: 0, period: 'monthly' };
  const goals = [
    { ...base, goalId, objective: 'Fast answers', metric: { key: 'first_response_compliance' }, comparator: 'gte', target: 90, penalty: { kind: 'fixed', amountMinor: 1000, capPerPeriodMinor: 1000, capOverallMinor: 5000 } },
    { ...base, goalId: manualGoalId, objective: 'Happy users', metric: { key: 'manual', manualName: 'CSAT', manualUnit: 'percent' }, comparator: 'gte', target: 80, penalty: null },
  ];
  const responsibilities = [{ responsibilityId, description: 'Approve changes in time', measure: { kind: 'attested' }, excludeFromCompliance: false }];
  await json(await owner.patch(`/api/v1/contracts/${draft.id}`, { goals, responsibilities }), 'goals');
  await json(await owner.post(`/api/v1/contracts/${draft.id}/activate`), 'scored activation');
  const path = `/api/v1/contracts/${draft.id}`;
  await json(await owner.post(`${path}/scorecards`, { periodKey: finalPeriod }), 'scorecard');
  await json(await owner.post(`${path}/scorecards/${finalPeriod}/finalise`), 'finalise');
  await json(await owner.post(`${path}/scorecards`, { periodKey: draftPeriod }), 'draft scorecard');
  const evidenceFile = { filename: 'survey.txt', contentType: 'text/plain', dataBase64: 'OTA=' };
  const value = await json(await owner.post(`${path}/manual-values`, { goalId: manualGoalId, periodKey: finalPeriod, value: 90, evidenceNote: 'Survey', evidenceFile }), 'manual value');
  // The client's executive summaries of the two months: the final month's published, the other a draft.
  await json(await owner.post(`/api/v1/clients/${ids.clientId}/summaries`, { periodKey: finalPeriod }), 'summary');
  await json(await owner.post(`/api/v1/clients/${ids.clientId}/summaries/${finalPeriod}/publish`), 'summary published');
  await json(await owner.post(`/api/v1/clients/${ids.clientId}/summaries`, { periodKey: draftPeriod }), 'draft summary');
  return { scoredContractId: draft.id, finalPeriod, draftPeriod, goalId, manualGoalId, responsibilityId, manualValueId: value.id };
}

/** A calendar, plan, rider and catalog item of the owner's tenant. */
async function configRows(owner: Agent): Promise<ConfigIds> {
  const calendar = await json(await owner.post('/api/v1/calendars', { name: `Cal ${u()}`, definition: CALENDAR }), 'calendar');
  // The plan runs on a seeded calendar, so the new one stays free to delete.
  const seeded = (await owner.get('/api/v1/calendars?q=business')).json().items[0] as { id: string };
  const plan = await json(await owner.post('/api/v1/plans', { name: `Plan ${u()}`, terms: planTerms({ calendarId: seeded.id } as Ids) }), 'plan');
  const riderRow = await json(await owner.post('/api/v1/riders', rider()), 'rider');
  const item = await json(await owner.post('/api/v1/catalog', catalogItem()), 'catalog item');
  return { calendarId: calendar.id, planId: plan.id, riderId: riderRow.id, catalogItemId: item.id };
}

const fixed = new Map<string, Ids>();
async function idsFor(where: Where, fresh: boolean, scores = false): Promise<Ids> {
  const key = where;
  // Routes that use up a scorecard get fresh scorecards under the fixed rows (much cheaper than fresh rows).
  if (fresh && scores) return { ...(await idsFor(where, false)), ...(await scoreRows(where === 'otherTenant' ? w.ownerB : w.ownerA, await idsFor(where, false))) };
  if (!fresh && fixed.has(key)) return withScores(where, fixed.get(key)!, scores);
  const ids =
    where === 'own' ? await rowsUnder(w.ownerA, w.tenantA, w.a1) : where === 'otherClient' ? await rowsUnder(w.ownerA, w.tenantA, w.a2) : await rowsUnder(w.ownerB, tenantBId, w.b1);
  if (!fresh) fixed.set(key, ids);
  return withScores(where, ids, scores);
}

async function withScores(where: Where, ids: Ids, scores: boolean): Promise<Ids> {
  if (!scores || ids.scoredContractId) return ids;
  return Object.assign(ids, await scoreRows(where === 'otherTenant' ? w.ownerB : w.ownerA, ids));
}

let tenantBId: string;
// The matrix's client user watches the own row's ticket, so it may see it (rule 8).
let matrixClientUserId: string;

function idOf(route: string, ids: Ids): string {
  const path = route.split(' ')[1]!;
  if (path.startsWith('/api-tokens')) return ids.tokenId;
  if (path.startsWith('/calendars')) return ids.calendarId;
  if (path.startsWith('/plans')) return ids.planId;
  if (path.startsWith('/riders')) return ids.riderId;
  if (path.startsWith('/catalog')) return ids.catalogItemId;
  if (path.startsWith('/tickets')) return ids.ticketId;
  if (path.startsWith('/problems')) return ids.problemId;
  if (path.startsWith('/clients/:id')) return ids.clientId;
  if (path.startsWith('/summary-batches')) return ids.summaryBatchId;
  if (path.startsWith('/announcements')) return route.endsWith('/cancel') ? ids.scheduledAnnouncementId : ids.announcementId;
  if (/^\/contracts\/:id\/(scorecards|statements|goals|review-pack|manual-values|attestations|counts)/.test(path)) return ids.scoredContractId!;
  if (path.startsWith('/contracts/:id/meetings')) return ids.contractId;
  if (path.startsWith('/contracts')) return route.startsWith('PATCH') || path.endsWith('/activate') ? ids.draftId : ids.contractId;
  return ids.userId;
}

function fill(route: string, ids: Ids): { method: string; url: string } {
  const [method, path] = route.split(' ') as [string, string];
  const url = path
    .replace(':clientId', ids.clientId)
    .replace(':siteId', ids.siteId)
    .replace(':contactId', ids.contactId)
    .replace(':attachmentId', ids.attachmentId)
    .replace(':entryId', ids.entryId)
    .replace(':ticketId', ids.ticketId)
    .replace(':key', 'user_training:2026-Q4')
    .replace(':userId', ids.userId)
    .replace(':start', ids.meetingStart)
    .replace(':itemId', ids.actionItemId)
    .replace(':periodKey', (route.endsWith('/finalise') || /^(PATCH \/clients\/:id\/summaries\/|POST \/clients\/:id\/summaries\/.*\/publish)/.test(route) ? ids.draftPeriod : ids.finalPeriod) ?? '')
    .replace(':period', 'monthly')
    .replace(':goalId', ids.goalId ?? '')
    .replace(':valueId', ids.manualValueId ?? '')
    .replace(':id', idOf(route, ids))
    .replace(':number', '2');
  return { method, url: `/api/v1${url}${route.endsWith('/preview') ? '?minutes=60' : ''}` };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTenant(t.ctx);
  const b = await createTenant(t.ctx);
  tenantBId = b.tenant.id;
  const ownerA = await signIn(t.app, a.owner.email);
  const ownerB = await signIn(t.app, b.owner.email);
  w = { tenantA: a.tenant.id, ownerA, ownerB, a1: await newClient(ownerA), a2: await newClient(ownerA), b1: await newClient(ownerB) };
  callers.set('anonymous', null);
  callers.set('owner', ownerA);
  for (const role of ['admin', 'dispatcher', 'technician', 'account_manager'] as const) {
    callers.set(role, await signIn(t.app, (await createUser(t.ctx, w.tenantA, role)).email));
  }
  for (const role of ['client_admin', 'client_user'] as const) {
    const user = await createUser(t.ctx, w.tenantA, role, { clientId: w.a1 });
    if (role === 'client_user') matrixClientUserId = user.id;
    callers.set(role, await signIn(t.app, user.email));
  }
  for (const [p, scope] of [['token_read', 'read'], ['token_write', 'write']] as const) {
    const token = await json(await ownerA.post('/api/v1/api-tokens', { name: p, scopes: [scope] }), 'token');
    callers.set(p, { ...agentFrom(t.app, '', ''), request: (url, o = {}) => t.app.inject({ method: o.method ?? 'GET', url, headers: { authorization: `Bearer ${token.token}` }, ...(o.body === undefined ? {} : { payload: o.body as object }) }) } as Agent);
  }
});
afterAll(() => t.close());

function call(p: Principal, method: string, url: string, body: unknown) {
  const agent = callers.get(p);
  const m = method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const payload = body ?? (m === 'POST' || m === 'PATCH' ? {} : undefined);
  if (!agent) return t.app.inject({ method: m, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return agent.request(url, { method: m, body: payload });
}

describe('authorisation matrix', () => {
  it('covers every API route', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const registered = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const known = new Set([...cases.map((c) => c.route), ...coveredElsewhere]);
    expect(registered.filter((r) => !known.has(r))).toEqual([]);
  });

  for (const c of cases) {
    it(c.route, async () => {
      const failures: string[] = [];
      const wheres: Where[] = c.scoped ? ['own', 'otherClient', 'otherTenant'] : ['own'];
      for (const p of PRINCIPALS) {
        for (const where of wheres) {
          const ids = await idsFor(where, !!c.fresh, !!c.scores);
          const { method, url } = fill(c.route, ids);
          const res = await call(p, method, url, c.body?.(ids));
          const allowed = c.allow.includes(p);
          const crossOk = (c.crossClient ?? c.allow.filter((x) => !CLIENT.includes(x))).includes(p);
          let ok: boolean;
          let expected: string;
          if (p === 'anonymous' && !c.public) {
            ok = res.statusCode === 401;
            expected = '401';
          } else if (where === 'otherTenant') {
            // Another MSP's row does not exist for this caller; a caller with no right to the
            // action at all may be told so first, which reveals nothing.
            ok = allowed ? res.statusCode === 404 : res.statusCode === 404 || res.statusCode === 403;
            expected = allowed ? '404' : '403/404';
          } else if (where === 'otherClient' && !crossOk) {
            ok = res.statusCode === 404 || (!allowed && res.statusCode === 403);
            expected = allowed ? '404' : '403/404';
          } else if (allowed) {
            ok = res.statusCode >= 200 && res.statusCode < 300;
            expected = '2xx';
          } else {
            ok = res.statusCode === 403 || (CLIENT.includes(p) && res.statusCode === 404);
            expected = '403';
          }
          if (!ok) failures.push(`${p} on ${where}: got ${res.statusCode}, expected ${expected} (${res.body.slice(0, 120)})`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
