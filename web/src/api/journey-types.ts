// Shapes of the journey and problems API (docs/api-satisfaction.md, "Journey" and "Problems").
// The vocabulary (stages, evidence, statuses) comes from the domain module the server uses.

import type { JourneyEvidence, JourneyStage, JourneySuggestion, ProblemStatus } from '../../../src/domain/satisfaction/satisfaction-types';

export type { JourneyEvidence, JourneyStage, JourneySuggestion, ProblemStatus };

export type JourneyChange = {
  id: string;
  stage: JourneyStage;
  label: string;
  /** 'YYYY-MM-DD' */
  effectiveOn: string;
  note: string;
  evidence: JourneyEvidence[];
  createdBy: { id: string; name: string } | null;
  createdAt: string;
};

/** A stage from the day it took effect to the day the next one did; the current one is open. */
export type JourneyBand = { stage: JourneyStage; label: string; from: string; to: string | null };

export type CsatMonth = { month: string; average: number | null; positivePercent: number | null; responses: number };
export type NpsQuarter = { quarter: string; nps: number | null; responses: number };

export type Journey = {
  current: JourneyStage | null;
  changes: JourneyChange[];
  bands: JourneyBand[];
  satisfaction: { csat: CsatMonth[]; nps: NpsQuarter[] };
  /** Staff only; absent or empty for the client. */
  suggestions?: JourneySuggestion[];
};

/** What the change-stage form sends; tickets and problems by id, the rest by label and link. */
export type EvidenceInput = { kind: JourneyEvidence['kind']; id?: string; label?: string; url?: string };

export type StageChangeInput = { stage: JourneyStage; effectiveOn: string; note: string; evidence: EvidenceInput[] };

export type Money = { amountMinor: number; currency: string };

export type Milestone = { id: string; title: string; dueOn: string | null; doneOn: string | null };

export type ProblemListItem = {
  id: string;
  number: number;
  reference: string;
  client: { id: string; name: string };
  title: string;
  status: ProblemStatus;
  ticketCount: number;
  openedAt: string;
  resolvedAt: string | null;
  nextMilestone: Milestone | null;
};

export type ProblemTicket = { id: string; number: number; subject: string; status: string; createdAt: string; reference?: string };

export type Problem = ProblemListItem & {
  description: string;
  rootCause: string;
  workaround: string;
  plan: string;
  estimatedCost: Money | null;
  tickets: ProblemTicket[];
  milestones: Milestone[];
  createdBy?: { id: string; name: string } | null;
  createdAt?: string;
  updatedAt?: string;
  version: number;
};

export type ProblemFilters = { clientId?: string; status?: string; q?: string };

export type ProblemInput = {
  clientId: string;
  title: string;
  description?: string;
  rootCause?: string;
  workaround?: string;
  plan?: string;
  estimatedCost?: Money | null;
  ticketIds?: string[];
};

export type ProblemPatch = Partial<Omit<ProblemInput, 'clientId' | 'ticketIds'>> & { status?: ProblemStatus };

export type MilestoneInput = { id?: string; title: string; dueOn?: string | null; doneOn?: string | null };

/** Recurring tickets of a client (same catalog item and site within 90 days) not yet in a problem. */
export type ProblemSuggestion = {
  clientId: string;
  client?: { id: string; name: string };
  catalogItem: { id: string; name: string } | null;
  site: { id: string; name: string } | null;
  tickets: ProblemTicket[];
};
