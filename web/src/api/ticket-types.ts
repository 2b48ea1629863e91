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

export type TicketSite = { id: string; name: string; timeZone?: string } | null;

export type Requester = { contactId: string | null; userId: string | null; name: string; email: string | null } | null;

export type Watcher = { id?: string; userId?: string; name: string; email?: string | null };

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
  /** Not fixed by the contract: the time zone the client's clocks run in. */
  timeZone?: string | null;
  attachments?: Attachment[];
  version: number;
};

export type TicketFilters = {
  clientId?: string;
  assigneeId?: string;
  priority?: string;
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
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdAt?: string;
  commentId?: string | null;
  uploadedBy?: NamedRef | null;
};

export type CommentKind = 'comment' | 'call' | 'email' | string;

export type TicketComment = {
  id: string;
  body: string;
  public: boolean;
  kind?: CommentKind;
  author: { id: string | null; name: string; kind?: 'staff' | 'client' | 'system' | string } | null;
  createdAt: string;
  attachments?: Attachment[];
};

export type TimeEntry = {
  id: string;
  user: NamedRef | null;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number;
  inCoverageMinutes: number;
  afterHoursMinutes: number;
  note: string;
  billable: boolean;
  createdAt?: string;
};

export type RunningTimer = { startedAt: string } | null;

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
  version?: number;
};
