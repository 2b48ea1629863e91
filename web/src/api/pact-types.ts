// Shapes of the service pact API (docs/api-pact.md). The JSON documents themselves (targets,
// plan terms, rider effects, amendment changes) are the domain's own types, imported here so
// the web app and the server never disagree about them.
import type { AmendmentChange, PlanDocument, PriorityMatrixDocument } from '../../../src/domain/pact/pact-documents';
import type {
  CatalogCategory,
  CatalogDeliveryMode,
  Complexity,
  ContractTerms,
  DeliveryMode,
  PriceBasis,
  RiderEffect,
  Target,
  Turnaround,
} from '../../../src/domain/pact/pact-types';

export type {
  AmendmentChange,
  CatalogCategory,
  CatalogDeliveryMode,
  Complexity,
  ContractTerms,
  DeliveryMode,
  PlanDocument,
  PriceBasis,
  PriorityMatrixDocument,
  RiderEffect,
  Target,
  Turnaround,
};
export type {
  Comparator,
  GoalMetric,
  GoalPeriod,
  GoalScope,
  GoalTerms,
  MetricKey,
  MoneyRule,
  PenaltyRule,
  PlanTerms,
  PriorityTerms,
  ResponsibilityMeasure,
  ResponsibilityTerms,
  RiderTerms,
  TargetPair,
} from '../../../src/domain/pact/pact-types';
export type { MetricListing } from '../../../src/domain/metrics/registry';
export type { MetricUnit } from '../../../src/domain/metrics/metric-types';

export type PriorityMatrix = PriorityMatrixDocument & { version?: number };

export type CalendarPeriod = [string, string];
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type HolidayEntry =
  | string
  | { date: string; yearly?: boolean; name?: string }
  | { from: string; to: string; yearly?: boolean; name?: string };

/** The calendar-engine JSON (docs/calendar.md). */
export type CalendarDefinition = {
  timeZone: string;
  week: Partial<Record<Weekday, CalendarPeriod[]>>;
  holidays?: HolidayEntry[];
  holidaySets?: string[];
};

export type BusinessCalendar = {
  id: string;
  name: string;
  definition: CalendarDefinition;
  createdAt?: string;
  updatedAt?: string;
  version: number;
};

export type CalendarPreview = { start: string; due: string; dueLocal: string; timeZone: string; openNow: boolean };

export type HolidaySet = { code: string; name: string };

export type RecordStatus = 'active' | 'retired';

export type Plan = {
  id: string;
  name: string;
  description: string;
  status: RecordStatus;
  terms: PlanDocument;
  createdAt?: string;
  updatedAt?: string;
  version: number;
};

export type Price = { amountMinor: number; currency: string; basis: PriceBasis };

export type Rider = {
  id: string;
  name: string;
  description: string;
  status: RecordStatus;
  effect: RiderEffect;
  price: Price;
  version: number;
};

export type CatalogItem = {
  id: string;
  category: CatalogCategory;
  name: string;
  description: string;
  defaultUrgency: string;
  defaultImpact: string;
  deliveryMode: CatalogDeliveryMode;
  complexity: Complexity;
  expectedEffortMinutes: number;
  turnarounds: Record<string, Turnaround>;
  status: RecordStatus;
  version: number;
};

export type CatalogImportError = { row: number; field: string; message: string };

export type ContractStatus = 'draft' | 'active' | 'ended';
export type AmendmentStatus = 'proposed' | 'accepted' | 'rejected' | 'withdrawn';

export type AmendmentDecision = { byUserId: string | null; byName: string | null; at: string; ip: string | null; reason: string | null };

export type Amendment = {
  contractId?: string;
  number: number;
  summary: string;
  changes: AmendmentChange[];
  terms?: ContractTerms;
  status: AmendmentStatus;
  effectiveAt: string;
  inForceFrom: string | null;
  proposedAt?: string;
  /** The proposing staff member's user id. */
  proposedBy?: string | null;
  decision: AmendmentDecision | null;
};

export type Contract = {
  id: string;
  clientId: string;
  clientName?: string;
  name: string;
  status: ContractStatus;
  startsAt: string;
  endsAt: string | null;
  planId?: string | null;
  planName?: string | null;
  calendarId?: string | null;
  createdAt?: string;
  version: number;
  /** Only on GET /contracts/:id. */
  termsNow?: ContractTerms | null;
  termsVersion?: number | null;
  amendments?: Amendment[];
  pendingAmendments?: Amendment[];
};

export type SimulateRequest = {
  clientId: string;
  catalogItemId?: string;
  urgency: string;
  impact: string;
  deliveryMode: DeliveryMode;
  siteId?: string;
  at?: string;
};

export type SimulatedClock = {
  target: Target;
  calendarId: string;
  pausesStopClock: boolean;
  thresholds?: number[];
  warningThresholds?: number[];
  explanation: string[];
  due?: string | null;
};

export type SimulateResult = {
  contractId: string;
  priority: string;
  firstResponse: SimulatedClock;
  resolution: SimulatedClock;
  explanation: string[];
};
