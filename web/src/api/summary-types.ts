/** Executive summaries as the API sends them (docs/api-communication.md, "Executive summary"). */

export type Figure = { value: number | null; sample: number };
export type CountRow = { key: string; label: string; count: number };

export type ServiceLevelPoint = {
  periodKey: string;
  label: string;
  firstResponseCompliance: Figure;
  resolutionCompliance: Figure;
  meanTimeToRespond: Figure;
  medianTimeToRespond: Figure;
  meanTimeToResolve: Figure;
  medianTimeToResolve: Figure;
  opened: number;
  resolved: number;
  csatAverage: Figure;
};

export type SummaryDocument = {
  clientName: string;
  organisation: string;
  periodKey: string;
  periodLabel: string;
  timeZone: string;
  contract: { id: string; name: string; planName: string | null } | null;
  generatedAt: string;
  headline: {
    opened: number;
    resolved: number;
    firstResponseCompliance: Figure;
    resolutionCompliance: Figure;
    csatAverage: Figure;
    nps: Figure;
    goalsMet: number;
    goalsEvaluated: number;
    netAmountMinor: number;
    currency: string | null;
  };
  serviceLevels: ServiceLevelPoint[];
  volumes: { opened: number; resolved: number; byCategory: CountRow[]; byPriority: CountRow[]; bySite: CountRow[]; backlogAtEnd: number; backlogAged: number; agedDays: number };
  topIssues: {
    catalogItems: CountRow[];
    problems: Array<{ id: string; number: number; title: string; status: string; plan: string; workaround: string; resolvedAt: string | null; linkedTickets: number; nextMilestone: { title: string; dueOn: string | null } | null }>;
  };
  satisfaction: {
    csatAverage: Figure;
    csatPositive: Figure;
    csatResponseRate: Figure;
    npsQuarter: string;
    nps: Figure & { promoters: number; passives: number; detractors: number };
    journey: { current: { stage: string; label: string; since: string } | null; changes: Array<{ stage: string; label: string; effectiveOn: string; note: string }> };
  };
  goals: {
    scorecards: Array<{ contractName: string; periodKey: string; revision: number; status: 'draft' | 'final' }>;
    missingMonths: string[];
    items: Array<{ contractName: string; periodKey: string; objective: string; metricLabel: string; unit: string; value: number | null; comparator: string; target: number; outcome: 'met' | 'missed' | 'not_evaluable'; reason: string; amountMinor: number }>;
    creditsMinor: number;
    incentivesMinor: number;
    netMinor: number;
    currency: string | null;
  };
  afterHours: { hours: number; billableHours: number; nonBillableHours: number; entries: number };
  changes: { recorded: false; note: string };
  notes: string[];
};

export type SummaryListItem = {
  id: string;
  periodKey: string;
  periodLabel: string;
  status: 'draft' | 'published';
  generatedAt: string;
  publishedAt: string | null;
  headline: SummaryDocument['headline'] | null;
};

type Person = { id: string; name: string } | null;

export type Summary = {
  id: string;
  clientId: string;
  clientName: string;
  periodKey: string;
  periodLabel: string;
  status: 'draft' | 'published';
  document: SummaryDocument;
  narrative: string;
  narrativeBy: Person;
  generatedAt: string;
  generatedBy: Person;
  publishedAt: string | null;
  publishedBy: Person;
  version: number;
  pdfUrl: string;
};

export type SummaryDelivery = {
  id: string;
  email: string;
  contact: { id: string; name: string } | null;
  status: 'queued' | 'sent' | 'failed';
  requestedAt: string;
  requestedBy: string | null;
  sentAt: string | null;
  error: string | null;
};

export type SummarySchedule = { period: 'monthly' | 'quarterly'; daysAfter: number; contactIds: string[]; enabled: boolean; configured: boolean; version: number; updatedAt: string | null };

export type SummaryBatch = {
  id: string;
  periodKey: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  errors: Array<{ clientId: string; message: string }>;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};
