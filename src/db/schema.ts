import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CalendarDefinition } from '../domain/calendar';
import type { AmendmentChange, PlanDocument, PriorityMatrixDocument } from '../domain/pact/pact-documents';
import type { ScorecardDocument } from '../domain/goals/goal-types';
import type { CsatScale, JourneyEvidence, JourneyStage, ProblemStatus } from '../domain/satisfaction/satisfaction-types';
import type { CatalogCategory, CatalogDeliveryMode, Complexity, ContractTerms, PriceBasis, RiderEffect, Turnaround } from '../domain/pact/pact-types';

/**
 * Checked-in table types. Every tenant-owned table leads its primary key with tenant_id.
 * Keep in step with src/db/migrations (one interface per table, columns in table order).
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type StaffRole = 'owner' | 'admin' | 'dispatcher' | 'technician' | 'account_manager';
export type ClientRole = 'client_admin' | 'client_user';
export type UserRole = StaffRole | ClientRole;
export type ContactRole = 'primary' | 'billing' | 'technical' | 'approver';

export interface TenantsTable {
  id: Generated<string>;
  name: string;
  slug: string;
  mfa_required_staff: Generated<boolean>;
  mfa_required_client_admin: Generated<boolean>;
  created_at: Generated<Date>;
  version: Generated<number>;
  // bumped by triggers on every change ticket intake caches (migration 041); bigint as text
  pact_version: Generated<string>;
}

export interface UsersTable {
  tenant_id: string;
  id: Generated<string>;
  email: string;
  name: string;
  role: UserRole;
  client_id: string | null;
  password_hash: string | null;
  status: Generated<'active' | 'disabled'>;
  mfa_secret: string | null;
  mfa_enabled_at: NullableTimestamp;
  failed_sign_ins: Generated<number>;
  locked_until: NullableTimestamp;
  last_sign_in_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface SessionsTable {
  tenant_id: string;
  id: string; // sha-256 of the cookie token, hex
  user_id: string;
  csrf_token: string;
  mfa_pending: boolean;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface MfaRecoveryCodesTable {
  tenant_id: string;
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export interface ApiTokensTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  token_prefix: string;
  token_hash: string;
  scopes: string[];
  created_by: string;
  created_at: Generated<Date>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  tenant_id: string;
  id: Generated<string>; // bigint identity, returned as a string by pg
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Json<Record<string, unknown>>;
}

export interface ClientsTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  code: string | null;
  status: Generated<'active' | 'inactive'>;
  notes: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface SitesTable {
  tenant_id: string;
  id: Generated<string>;
  client_id: string;
  name: string;
  address: Generated<string>;
  time_zone: string;
  travel_minutes: Generated<number>;
  is_main: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ContactsTable {
  tenant_id: string;
  id: Generated<string>;
  client_id: string;
  name: string;
  email: string;
  phone: Generated<string>;
  roles: ContactRole[];
  user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface InvitationsTable {
  tenant_id: string;
  id: Generated<string>;
  client_id: string | null;
  contact_id: string | null;
  email: string;
  name: Generated<string>;
  role: UserRole;
  token_hash: string;
  created_by: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface OutboxEmailsTable {
  tenant_id: string;
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  kind: string;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface PriorityMatricesTable {
  tenant_id: string;
  matrix: Json<PriorityMatrixDocument>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface CalendarsTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  definition: Json<CalendarDefinition>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface PlansTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  status: Generated<'active' | 'retired'>;
  terms: Json<PlanDocument>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface RidersTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  status: Generated<'active' | 'retired'>;
  effect: Json<RiderEffect>;
  price_minor: number;
  currency: string;
  price_basis: PriceBasis;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface CatalogItemsTable {
  tenant_id: string;
  id: Generated<string>;
  category: CatalogCategory;
  name: string;
  description: Generated<string>;
  default_urgency: string;
  default_impact: string;
  delivery_mode: CatalogDeliveryMode;
  complexity: Complexity;
  expected_effort_minutes: number;
  turnarounds: Json<Record<string, Turnaround>>;
  status: Generated<'active' | 'retired'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ContractsTable {
  tenant_id: string;
  id: Generated<string>;
  client_id: string;
  name: string;
  status: Generated<'draft' | 'active' | 'ended'>;
  starts_at: Timestamp;
  ends_at: NullableTimestamp;
  draft_terms: Json<ContractTerms | null>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export type AmendmentStatus = 'proposed' | 'accepted' | 'rejected' | 'withdrawn';

export interface AmendmentsTable {
  tenant_id: string;
  id: Generated<string>;
  contract_id: string;
  number: number;
  summary: string;
  changes: Json<AmendmentChange[]>;
  terms: Json<ContractTerms>;
  effective_at: Timestamp;
  status: AmendmentStatus;
  in_force_from: NullableTimestamp;
  proposed_by: string;
  proposed_at: Generated<Date>;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: NullableTimestamp;
  decision_ip: string | null;
  rejection_reason: string | null;
}

export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  clients: ClientsTable;
  sites: SitesTable;
  contacts: ContactsTable;
  invitations: InvitationsTable;
  outbox_emails: OutboxEmailsTable;
  priority_matrices: PriorityMatricesTable;
  calendars: CalendarsTable;
  plans: PlansTable;
  riders: RidersTable;
  catalog_items: CatalogItemsTable;
  contracts: ContractsTable;
  amendments: AmendmentsTable;
}

export type Tenant = Selectable<TenantsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Client = Selectable<ClientsTable>;
export type Site = Selectable<SitesTable>;
export type Contact = Selectable<ContactsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type CalendarRow = Selectable<CalendarsTable>;
export type PlanRow = Selectable<PlansTable>;
export type RiderRow = Selectable<RidersTable>;
export type CatalogItemRow = Selectable<CatalogItemsTable>;
export type ContractRow = Selectable<ContractsTable>;
export type AmendmentRow = Selectable<AmendmentsTable>;

// ---------- tickets (migration 2026_11_22_020_tickets) ----------
// Declared by interface merging so this section only appends.

export type TicketStatus = 'new' | 'assigned' | 'in_progress' | 'waiting_on_client' | 'waiting_on_third_party' | 'resolved' | 'closed';
export type TicketSource = 'portal' | 'email' | 'api' | 'staff';
export type ClockName = 'first_response' | 'resolution';
export type ClockStateColumn = 'not_started' | 'running' | 'paused' | 'met' | 'breached';

export interface TenantsTable {
  pausing_statuses: Generated<string[]>;
  comment_on_closed: Generated<'reopen' | 'refuse'>;
  unknown_senders: Generated<'triage' | 'refuse'>;
  support_address: string | null;
  escalation_user_id: string | null;
}

export interface TicketCountersTable {
  tenant_id: string;
  next_number: Generated<number>;
}

export interface TicketsTable {
  tenant_id: string;
  id: Generated<string>;
  number: number;
  client_id: string;
  site_id: string | null;
  requester_contact_id: string | null;
  requester_user_id: string | null;
  catalog_item_id: string | null;
  contract_id: string | null;
  subject: string;
  description: Generated<string>;
  urgency: string;
  impact: string;
  priority: string;
  priority_override_reason: string | null;
  delivery_mode: 'remote' | 'onsite';
  status: Generated<TicketStatus>;
  assignee_id: string | null;
  tags: Generated<string[]>;
  source: TicketSource;
  no_contract: Generated<boolean>;
  /** What targetsFor gave (see TicketTargetsDocument in src/domain/tickets); null without a contract. */
  targets: ColumnType<unknown, string | null, string | null>;
  response_state: ClockStateColumn | null;
  response_due_at: NullableTimestamp;
  response_completed_at: NullableTimestamp;
  resolution_state: ClockStateColumn | null;
  resolution_due_at: NullableTimestamp;
  resolution_completed_at: NullableTimestamp;
  next_due_at: NullableTimestamp;
  next_threshold_at: NullableTimestamp;
  at_risk_at: NullableTimestamp;
  target_generation: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  resolved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  version: Generated<number>;
}

export interface TicketEventsTable {
  tenant_id: string;
  id: Generated<string>; // bigint identity, returned as a string by pg
  ticket_id: string;
  type: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: Generated<string>;
  data: Json<Record<string, unknown>>;
}

export interface ClockEventsTable {
  tenant_id: string;
  id: Generated<string>;
  ticket_id: string;
  clock: ClockName;
  type: string;
  at: Timestamp;
  percent: ColumnType<string | null, number | null | undefined, number | null>; // numeric comes back as text
  reason: string | null;
  data: Json<Record<string, unknown>>;
  target_generation: Generated<number>;
  recorded_at: Generated<Date>;
}

export interface TicketCommentsTable {
  tenant_id: string;
  id: Generated<string>;
  ticket_id: string;
  kind: Generated<'comment' | 'call'>;
  public: boolean;
  author_user_id: string | null;
  author_contact_id: string | null;
  author_email: string | null;
  author_name: string;
  body: string;
  body_html: string | null;
  source: TicketSource;
  message_id: string | null;
  in_reply_to: string | null;
  references: string | null;
  created_at: Generated<Date>;
}

export interface TicketAttachmentsTable {
  tenant_id: string;
  id: Generated<string>;
  ticket_id: string;
  comment_id: string | null;
  public: Generated<boolean>;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by_user_id: string | null;
  created_at: Generated<Date>;
}

export interface TicketWatchersTable {
  tenant_id: string;
  ticket_id: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface TimeEntriesTable {
  tenant_id: string;
  id: Generated<string>;
  ticket_id: string;
  user_id: string;
  started_at: Timestamp;
  ended_at: Timestamp;
  duration_seconds: number;
  note: Generated<string>;
  billable: Generated<boolean>;
  in_coverage_seconds: number;
  after_hours_seconds: number;
  created_at: Generated<Date>;
}

export interface RunningTimersTable {
  tenant_id: string;
  user_id: string;
  ticket_id: string;
  started_at: Timestamp;
}

export interface NotificationsTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  ticket_id: string | null;
  kind: string;
  clock: ClockName | null;
  percent: ColumnType<string | null, number | null | undefined, number | null>;
  title: string;
  body: Generated<string>;
  dedupe_key: string;
  created_at: Generated<Date>;
  read_at: NullableTimestamp;
}

export interface BoardViewsTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  name: string;
  filters: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface Database {
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  clock_events: ClockEventsTable;
  ticket_comments: TicketCommentsTable;
  ticket_attachments: TicketAttachmentsTable;
  ticket_watchers: TicketWatchersTable;
  time_entries: TimeEntriesTable;
  running_timers: RunningTimersTable;
  notifications: NotificationsTable;
  board_views: BoardViewsTable;
}

export type TicketRow = Selectable<TicketsTable>;
export type TicketEventRow = Selectable<TicketEventsTable>;
export type ClockEventRow = Selectable<ClockEventsTable>;
export type TicketCommentRow = Selectable<TicketCommentsTable>;
export type TicketAttachmentRow = Selectable<TicketAttachmentsTable>;
export type TimeEntryRow = Selectable<TimeEntriesTable>;
export type RunningTimerRow = Selectable<RunningTimersTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type BoardViewRow = Selectable<BoardViewsTable>;

// ---------- goals (migration 2026_11_22_040_goals) ----------

export interface ScorecardsTable {
  tenant_id: string;
  id: Generated<string>;
  contract_id: string;
  client_id: string;
  period_key: string;
  period_from: Timestamp;
  period_to: Timestamp;
  revision: Generated<number>;
  status: Generated<'draft' | 'final'>;
  document: Json<ScorecardDocument>;
  evaluated_at: Timestamp;
  finalised_by: string | null;
  finalised_at: NullableTimestamp;
  reopen_reason: string | null;
  reopened_by: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface ManualMetricValuesTable {
  tenant_id: string;
  id: Generated<string>;
  contract_id: string;
  goal_id: string;
  period_key: string;
  // numeric arrives as a string
  value: ColumnType<string, number | string, number | string>;
  evidence_note: string;
  evidence_url: string | null;
  evidence_filename: string | null;
  evidence_content_type: string | null;
  evidence_data: Buffer | null;
  entered_by: string;
  entered_at: Generated<Date>;
}

export interface ResponsibilityAttestationsTable {
  tenant_id: string;
  id: Generated<string>;
  contract_id: string;
  responsibility_id: string;
  period_key: string;
  kept: boolean;
  note: Generated<string>;
  attested_by: string;
  attested_at: Generated<Date>;
}

export interface ContractCountsTable {
  tenant_id: string;
  id: Generated<string>;
  contract_id: string;
  kind: 'users' | 'devices';
  count: number;
  effective_from: string; // civil date 'YYYY-MM-DD'
  note: Generated<string>;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface Database {
  scorecards: ScorecardsTable;
  manual_metric_values: ManualMetricValuesTable;
  responsibility_attestations: ResponsibilityAttestationsTable;
  contract_counts: ContractCountsTable;
}

export type ScorecardRow = Selectable<ScorecardsTable>;

// ---------- satisfaction and the journey (migration 2026_12_05_050_satisfaction) ----------

export interface TenantsTable {
  survey_key: Generated<string>;
  csat_scale: Generated<CsatScale>;
  csat_link_days: Generated<number>;
  csat_follow_up: Generated<'notify' | 'ticket'>;
  nps_enabled: Generated<boolean>;
  nps_month_of_quarter: Generated<number>;
  nps_day_of_month: Generated<number>;
  nps_time_zone: Generated<string>;
  risk_window_days: Generated<number>;
  // numeric arrives as a string
  risk_csat_drop: ColumnType<string, number | string | undefined, number | string>;
  risk_bad_streak: Generated<number>;
  risk_problem_days: Generated<number>;
}

export interface ClientsTable {
  account_manager_id: string | null;
}

export interface CsatSurveysTable {
  tenant_id: string;
  id: Generated<string>;
  ticket_id: string;
  client_id: string;
  contract_id: string | null;
  site_id: string | null;
  recipient_email: string;
  recipient_contact_id: string | null;
  recipient_user_id: string | null;
  technician_id: string | null;
  category: string | null;
  priority: string;
  plan_name: string | null;
  scale: CsatScale;
  sent_at: Timestamp;
  expires_at: Timestamp;
  rating: number | null;
  score: number | null;
  comment: Generated<string>;
  responded_at: NullableTimestamp;
  response_count: Generated<number>;
  follow_up_ticket_id: string | null;
}

export interface NpsRoundsTable {
  tenant_id: string;
  id: Generated<string>;
  quarter_key: string;
  started_at: Timestamp;
  started_by: string | null;
  expires_at: Timestamp;
  recipient_count: Generated<number>;
}

export interface NpsSurveysTable {
  tenant_id: string;
  id: Generated<string>;
  round_id: string;
  quarter_key: string;
  client_id: string;
  contact_id: string | null;
  email: string;
  sent_at: Timestamp;
  expires_at: Timestamp;
  score: number | null;
  comment: Generated<string>;
  responded_at: NullableTimestamp;
}

export interface JourneyStageChangesTable {
  tenant_id: string;
  id: Generated<string>;
  client_id: string;
  stage: JourneyStage;
  effective_on: string; // civil date 'YYYY-MM-DD'
  note: string;
  evidence: Json<JourneyEvidence[]>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface JourneySuggestionDismissalsTable {
  tenant_id: string;
  client_id: string;
  suggestion_key: string;
  dismissed_by: string;
  dismissed_at: Generated<Date>;
}

export interface ProblemCountersTable {
  tenant_id: string;
  next_number: Generated<number>;
}

export interface ProblemsTable {
  tenant_id: string;
  id: Generated<string>;
  number: number;
  client_id: string;
  title: string;
  description: Generated<string>;
  status: Generated<ProblemStatus>;
  root_cause: Generated<string>;
  workaround: Generated<string>;
  plan: Generated<string>;
  // bigint arrives as a string
  estimated_cost_minor: ColumnType<string | null, number | string | null, number | string | null>;
  currency: string | null;
  opened_at: Timestamp;
  resolved_at: NullableTimestamp;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ProblemTicketsTable {
  tenant_id: string;
  problem_id: string;
  ticket_id: string;
  linked_by: string | null;
  linked_at: Generated<Date>;
}

export interface ProblemMilestonesTable {
  tenant_id: string;
  id: Generated<string>;
  problem_id: string;
  title: string;
  due_on: string | null;
  done_on: string | null;
  position: number;
}

export interface Database {
  csat_surveys: CsatSurveysTable;
  nps_rounds: NpsRoundsTable;
  nps_surveys: NpsSurveysTable;
  journey_stage_changes: JourneyStageChangesTable;
  journey_suggestion_dismissals: JourneySuggestionDismissalsTable;
  problem_counters: ProblemCountersTable;
  problems: ProblemsTable;
  problem_tickets: ProblemTicketsTable;
  problem_milestones: ProblemMilestonesTable;
}

export type CsatSurveyRow = Selectable<CsatSurveysTable>;
export type NpsRoundRow = Selectable<NpsRoundsTable>;
export type NpsSurveyRow = Selectable<NpsSurveysTable>;
export type JourneyStageChangeRow = Selectable<JourneyStageChangesTable>;
export type ProblemRow = Selectable<ProblemsTable>;
export type ProblemMilestoneRow = Selectable<ProblemMilestonesTable>;

// ---------- communication (migration 2026_12_05_060_communication) ----------

export interface OutboxEmailsTable {
  list_unsubscribe: string | null;
}

export interface OutboxAttachmentsTable {
  tenant_id: string;
  id: Generated<string>;
  email_id: string;
  position: Generated<number>;
  filename: string;
  content_type: string;
  content: Buffer;
}

export interface ExecutiveSummariesTable {
  tenant_id: string;
  id: Generated<string>;
  client_id: string;
  period_key: string;
  status: Generated<'draft' | 'published'>;
  document: Json<unknown>;
  narrative: Generated<string>;
  narrative_by: string | null;
  generated_at: Timestamp;
  generated_by: string | null;
  published_at: NullableTimestamp;
  published_by: string | null;
  version: Generated<number>;
}

export interface SummarySchedulesTable {
  tenant_id: string;
  id: Generated<string>;
  client_id: string;
  period: 'monthly' | 'quarterly';
  days_after: Generated<number>;
  contact_ids: Generated<string[]>;
  enabled: Generated<boolean>;
  created_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface SummaryDeliveriesTable {
  tenant_id: string;
  id: Generated<string>;
  summary_id: string;
  contact_id: string | null;
  email: string;
  outbox_email_id: string | null;
  requested_by: string | null;
  created_at: Generated<Date>;
}

export interface SummaryBatchesTable {
  tenant_id: string;
  id: Generated<string>;
  period_key: string;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  total: Generated<number>;
  done: Generated<number>;
  failed: Generated<number>;
  errors: ColumnType<Array<{ clientId: string; message: string }>, string | undefined, string>;
  started_by: string | null;
  created_at: Generated<Date>;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface MeetingCadencesTable {
  tenant_id: string;
  id: Generated<string>;
  contract_id: string;
  title: string;
  rrule: string;
  first_start: Timestamp;
  time_zone: string;
  duration_minutes: number;
  location: Generated<string>;
  effective_from: Timestamp;
  effective_until: NullableTimestamp;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface MeetingParticipantsTable {
  tenant_id: string;
  id: Generated<string>;
  contract_id: string;
  user_id: string | null;
  contact_id: string | null;
}

export interface ReviewMeetingsTable {
  tenant_id: string;
  id: Generated<string>;
  contract_id: string;
  cadence_id: string;
  recurrence_start: Timestamp;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: Generated<'scheduled' | 'cancelled' | 'held'>;
  agenda: ColumnType<unknown, string | null | undefined, string | null>;
  minutes: Generated<string>;
  sequence: Generated<number>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MeetingActionItemsTable {
  tenant_id: string;
  id: Generated<string>;
  meeting_id: string;
  title: string;
  owner_user_id: string | null;
  owner_contact_id: string | null;
  due_on: string | null;
  done_at: NullableTimestamp;
  ticket_id: string | null;
  position: Generated<number>;
}

export interface CalendarFeedsTable {
  tenant_id: string;
  id: Generated<string>;
  kind: 'user' | 'client';
  user_id: string;
  client_id: string | null;
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: NullableTimestamp;
  last_fetched_at: NullableTimestamp;
}

export interface AnnouncementsTable {
  tenant_id: string;
  id: Generated<string>;
  kind: 'service_notice' | 'newsletter';
  subject: string;
  body_html: string;
  body_text: string;
  audience: ColumnType<{ clientIds?: string[]; planIds?: string[]; siteIds?: string[]; contactRoles?: ContactRole[] }, string | undefined, string>;
  status: Generated<'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled'>;
  scheduled_for: NullableTimestamp;
  sent_at: NullableTimestamp;
  recipient_count: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface AnnouncementRecipientsTable {
  tenant_id: string;
  id: Generated<string>;
  announcement_id: string;
  client_id: string;
  contact_id: string | null;
  email: string;
  status: Generated<'queued' | 'sent' | 'failed' | 'unsubscribed'>;
  outbox_email_id: string | null;
  unsubscribe_token_hash: string | null;
}

export interface NewsletterUnsubscribesTable {
  tenant_id: string;
  email: string; // lower case
  unsubscribed_at: Generated<Date>;
}

export interface Database {
  outbox_attachments: OutboxAttachmentsTable;
  executive_summaries: ExecutiveSummariesTable;
  summary_schedules: SummarySchedulesTable;
  summary_deliveries: SummaryDeliveriesTable;
  summary_batches: SummaryBatchesTable;
  meeting_cadences: MeetingCadencesTable;
  meeting_participants: MeetingParticipantsTable;
  review_meetings: ReviewMeetingsTable;
  meeting_action_items: MeetingActionItemsTable;
  calendar_feeds: CalendarFeedsTable;
  announcements: AnnouncementsTable;
  announcement_recipients: AnnouncementRecipientsTable;
  newsletter_unsubscribes: NewsletterUnsubscribesTable;
}
