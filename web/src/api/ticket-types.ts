// Shapes of the tickets API (docs/api-tickets.md). Optional fields are ones the contract does
// not pin down; the UI shows them when present.

export type TicketStatus = 'new' | 'assigned' | 'in_progress' | 'waiting_on_client' | 'waiting_on_third_party' | 'resolved' | 'closed';
export type TicketSource = 'portal' | 'email' | 'api' | 'staff';
export type TicketDeliveryMode = 'remote' | 'onsite';
export type ClockStateName = 'running' | 'paused' | 'met' | 'breached' | 'not_started';
export type ClockEventType = 'started' | 'paused' | 'resumed' | 'target_changed' | 'warned' | 'met' | 'breached' | 'stopped';

export type ClockEventView = { type: ClockEventType | string; at: string; reason?: string | null; percent?: number | null };

export type TicketClock = {
  state: ClockStateName;
  /** In words: "4 business hours". */
  target: string;
  targetSeconds: number;
  startedAt?: string;
  dueAt: string;
  percentUsed: number;
  elapsedSeconds: number;
  remainingSeconds: number;
  completedAt: string | null;
  nextThresholdAt: string | null;
  events: ClockEventView[];
};

export type TicketClocks = { firstResponse: TicketClock; resolution: TicketClock };

export type NamedRef = { id: string; name: string };

export type TicketSite = NamedRef | null;

export type Requester = { contactId: string | null; userId: string | null; name: string | null; email: string | null } | null;

export type Watcher = { id: string; name: string; email: string };

export type Ticket = {
  id: string;
  number: number;
  reference: string;
  client: NamedRef;
  site: TicketSite;
  requester: Requester;
  catalogItem: NamedRef | null;
  subject: string;
  description: string;
  urgency: string;
  impact: string;
  priority: string;
  priorityOverride: { reason: string } | null;
  deliveryMode: TicketDeliveryMode;
  status: TicketStatus;
  assignee: NamedRef | null;
  watchers: Watcher[];
  tags: string[];
  source: TicketSource;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  contract: NamedRef | null;
  noContract: boolean;
  clocks: TicketClocks | null;
  targetsExplanation: string[];
  targetGeneration?: number;
  version: number;
};

export type TicketFilters = {
  clientId?: string;
  assigneeId?: string;
  priority?: string;
  /** One status, or 'open' (every status but resolved and closed). */
  status?: string;
  risk?: '' | 'breached' | 'at_risk';
  q?: string;
  mine?: boolean;
};

export type CreateTicketBody = {
  clientId: string;
  siteId?: string;
  requesterContactId?: string;
  catalogItemId?: string;
  subject: string;
  description: string;
  urgency?: string;
  impact?: string;
  deliveryMode?: TicketDeliveryMode;
  tags?: string[];
};

export type PatchTicketBody = Partial<{
  subject: string;
  description: string;
  urgency: string;
  impact: string;
  priority: string;
  priorityReason: string;
  catalogItemId: string;
  deliveryMode: TicketDeliveryMode;
  status: TicketStatus;
  assigneeId: string | null;
  tags: string[];
}>;

export type Attachment = {
  id: string;
  commentId: string | null;
  public: boolean;
  filename: string;
  contentType: string;
  size: number;
  sha256?: string;
  createdAt: string;
};

export type TicketComment = {
  id: string;
  kind: 'comment' | 'call';
  public: boolean;
  author: { userId: string | null; contactId: string | null; name: string; email: string | null };
  body: string;
  bodyHtml: string | null;
  source: string;
  createdAt: string;
};

export type TimeEntry = {
  id: string;
  userId: string;
  userName?: string;
  startedAt: string;
  endedAt: string;
  durationMinutes: number;
  inCoverageMinutes: number;
  afterHoursMinutes: number;
  note: string;
  billable: boolean;
};

export type RunningTimer = { ticketId: string; startedAt: string };

export type NotificationItem = {
  id: string;
  kind?: string;
  type?: string;
  title?: string;
  message?: string;
  body?: string;
  ticketId?: string | null;
  ticket?: { id: string; reference: string; subject?: string } | null;
  createdAt: string;
  readAt: string | null;
};

export type BoardView = { id: string; name: string; filters: TicketFilters; createdAt?: string };

export type TicketSettings = {
  pausingStatuses: TicketStatus[];
  commentOnClosed: 'reopen' | 'refuse';
  unknownSenders: 'triage' | 'refuse';
  supportAddress: string | null;
  escalationUserId: string | null;
};
