import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type {
  AttestationInput,
  AttestationRecord,
  GoalDrillDown,
  ManualValueInput,
  ManualValueRecord,
  ReviewPack,
  Scorecard,
  ScorecardSummary,
  Statement,
  StatementDocument,
  Trend,
} from './goal-types';

const enc = encodeURIComponent;

// Query keys of a contract's scorecards; every write invalidates the contract's whole group.
export const goalKeys = {
  contract: (contractId: string) => ['scorecards', contractId] as const,
  list: (contractId: string) => ['scorecards', contractId, 'list'] as const,
  scorecard: (contractId: string, periodKey: string, revision: number | null) => ['scorecards', contractId, 'period', periodKey, revision ?? 'latest'] as const,
  goal: (contractId: string, periodKey: string, goalId: string, revision: number | null) => ['scorecards', contractId, 'period', periodKey, revision ?? 'latest', 'goal', goalId] as const,
  trend: (contractId: string, periods: number) => ['scorecards', contractId, 'trend', periods] as const,
  statement: (contractId: string, periodKey: string) => ['scorecards', contractId, 'statement', periodKey] as const,
  reviewPack: (contractId: string) => ['scorecards', contractId, 'review-pack'] as const,
  manualValues: (contractId: string, periodKey: string) => ['scorecards', contractId, 'manual-values', periodKey] as const,
  attestations: (contractId: string, periodKey: string) => ['scorecards', contractId, 'attestations', periodKey] as const,
};

export const contractPath = (contractId: string) => `/contracts/${enc(contractId)}`;

/** Lists come as `{ items }`; accept a bare array too. */
function items<T>(data: { items: T[] } | T[]): T[] {
  return Array.isArray(data) ? data : data.items;
}

export function useScorecards(contractId: string) {
  return useQuery({
    queryKey: goalKeys.list(contractId),
    queryFn: async () => items(await api.get<{ items: ScorecardSummary[] } | ScorecardSummary[]>(`${contractPath(contractId)}/scorecards`)),
    enabled: contractId !== '',
  });
}

export function useScorecard(contractId: string, periodKey: string, revision: number | null) {
  return useQuery({
    queryKey: goalKeys.scorecard(contractId, periodKey, revision),
    queryFn: async (): Promise<Scorecard> => {
      const { data, etag } = await api.getWithEtag<Scorecard>(`${contractPath(contractId)}/scorecards/${enc(periodKey)}${revision ? `?revision=${revision}` : ''}`);
      // The version for If-Match: from the body, or else from the ETag.
      const version = data.version ?? (etag ? Number(etag.replaceAll('"', '').replace(/^W\//, '')) : undefined);
      return { ...data, version, revisions: data.revisions ?? [] };
    },
    enabled: contractId !== '' && periodKey !== '',
  });
}

export function useGoalDrillDown(contractId: string, periodKey: string, goalId: string | null, revision: number | null) {
  return useQuery({
    queryKey: goalKeys.goal(contractId, periodKey, goalId ?? '', revision),
    queryFn: () => api.get<GoalDrillDown>(`${contractPath(contractId)}/scorecards/${enc(periodKey)}/goals/${enc(goalId ?? '')}`, { revision }),
    enabled: contractId !== '' && !!goalId,
  });
}

export function useGoalTrend(contractId: string, periods = 12) {
  return useQuery({
    queryKey: goalKeys.trend(contractId, periods),
    queryFn: () => api.get<Trend>(`${contractPath(contractId)}/goals/trend`, { periods }),
    enabled: contractId !== '',
  });
}

/** The statement route may send the document alone or wrapped with its revision; read both. */
export function normaliseStatement(data: unknown): Statement {
  const d = data as Record<string, unknown>;
  if (d && typeof d === 'object' && 'statement' in d && d.statement && typeof d.statement === 'object') {
    const doc = d.statement as StatementDocument;
    return {
      ...doc,
      warnings: doc.warnings ?? [],
      status: (d.status as Statement['status']) ?? 'draft',
      revision: (d.revision as number | undefined) ?? null,
      contractName: d.contractName as string | undefined,
      clientName: d.clientName as string | undefined,
      organisation: d.organisation as string | undefined,
    };
  }
  const doc = d as unknown as StatementDocument & Partial<Pick<Statement, 'status' | 'revision'>>;
  return { ...doc, warnings: doc.warnings ?? [], status: doc.status ?? 'draft', revision: doc.revision ?? null };
}

export function useStatement(contractId: string, periodKey: string) {
  return useQuery({
    queryKey: goalKeys.statement(contractId, periodKey),
    queryFn: async () => normaliseStatement(await api.get<unknown>(`${contractPath(contractId)}/statements/${enc(periodKey)}`)),
    enabled: contractId !== '' && periodKey !== '',
  });
}

export function useReviewPack(contractId: string) {
  return useQuery({
    queryKey: goalKeys.reviewPack(contractId),
    queryFn: async (): Promise<ReviewPack> => {
      const d = await api.get<ReviewPack>(`${contractPath(contractId)}/review-pack`);
      return { ...d, trend: d.trend ?? { goals: [] }, openResponsibilities: d.openResponsibilities ?? [], goalsMissedTwiceRunning: d.goalsMissedTwiceRunning ?? [] };
    },
    enabled: contractId !== '',
  });
}

export function useManualValues(contractId: string, periodKey: string, enabled = true) {
  return useQuery({
    queryKey: goalKeys.manualValues(contractId, periodKey),
    queryFn: async () => items(await api.get<{ items: ManualValueRecord[] } | ManualValueRecord[]>(`${contractPath(contractId)}/manual-values`, { periodKey })),
    enabled: enabled && contractId !== '' && periodKey !== '',
  });
}

export function useAttestations(contractId: string, periodKey: string, enabled = true) {
  return useQuery({
    queryKey: goalKeys.attestations(contractId, periodKey),
    queryFn: async () => items(await api.get<{ items: AttestationRecord[] } | AttestationRecord[]>(`${contractPath(contractId)}/attestations`, { periodKey })),
    enabled: enabled && contractId !== '' && periodKey !== '',
  });
}

/** After any evaluation, finalisation, re-opening or entered value: refetch the contract's scorecards. */
export function useInvalidateScorecards(contractId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: goalKeys.contract(contractId) });
}

export const scorecardActions = {
  evaluate: (contractId: string, periodKey: string) => api.post<Scorecard>(`${contractPath(contractId)}/scorecards`, { periodKey }),
  finalise: (contractId: string, periodKey: string, version: number) => api.post<Scorecard>(`${contractPath(contractId)}/scorecards/${enc(periodKey)}/finalise`, {}, version),
  reopen: (contractId: string, periodKey: string, reason: string) => api.post<Scorecard>(`${contractPath(contractId)}/scorecards/${enc(periodKey)}/reopen`, { reason }),
  enterManualValue: (contractId: string, input: ManualValueInput) => api.post<ManualValueRecord>(`${contractPath(contractId)}/manual-values`, input),
  attest: (contractId: string, input: AttestationInput) => api.post<AttestationRecord>(`${contractPath(contractId)}/attestations`, input),
};

export const statementCsvUrl = (contractId: string, periodKey: string) => `/api/v1${contractPath(contractId)}/statements/${enc(periodKey)}.csv`;
export const statementPdfUrl = (contractId: string, periodKey: string) => `/api/v1${contractPath(contractId)}/statements/${enc(periodKey)}.pdf`;
export const manualEvidenceUrl = (contractId: string, valueId: string) => `/api/v1${contractPath(contractId)}/manual-values/${enc(valueId)}/evidence`;
