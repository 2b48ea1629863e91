import type { GoalEvaluation, ScorecardDocument } from '../../domain/goals/goal-types';
import type { AttestationRow, CountRow, ManualValueRow, ScorecardFull, ScorecardMeta, ScorecardSummaryRow } from './scorecards.repository';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'Former user' } : null);

export function presentSummary(r: ScorecardSummaryRow) {
  return {
    periodKey: r.period_key,
    revision: r.revision,
    status: r.status,
    evaluatedAt: r.evaluated_at.toISOString(),
    finalisedAt: iso(r.finalised_at),
    goals: { met: r.met, missed: r.missed, notEvaluable: r.not_evaluable },
    creditMinor: r.credit_minor,
    incentiveMinor: r.incentive_minor,
    currency: r.currency,
  };
}

/** A goal without its per-ticket contributions (the drill-down route has them), with their count. */
export function goalWithoutContributions(g: GoalEvaluation) {
  const { contributions, ...rest } = g;
  return { ...rest, contributionCount: contributions?.length ?? 0 };
}

/** The document as the scorecard route sends it: goals without their contributions. */
export function documentView(doc: ScorecardDocument): Record<string, unknown> {
  return { ...doc, goals: doc.goals.map(goalWithoutContributions) };
}

export function presentScorecard(s: ScorecardFull, revisions: readonly ScorecardMeta[]) {
  return {
    id: s.id,
    contractId: s.contract_id,
    periodKey: s.period_key,
    revision: s.revision,
    status: s.status,
    revisions: revisions.map((r) => ({ revision: r.revision, status: r.status, finalisedAt: iso(r.finalised_at), reopenReason: r.reopen_reason })),
    document: documentView(s.document),
    evaluatedAt: s.evaluated_at.toISOString(),
    finalisedBy: person(s.finalised_by, s.finalised_by_name),
    finalisedAt: iso(s.finalised_at),
    reopenReason: s.reopen_reason,
    reopenedBy: person(s.reopened_by, s.reopened_by_name),
    version: s.version,
  };
}

export function presentManualValue(v: ManualValueRow, current: boolean) {
  return {
    id: v.id,
    goalId: v.goal_id,
    periodKey: v.period_key,
    value: Number(v.value),
    evidenceNote: v.evidence_note,
    evidenceUrl: v.evidence_url,
    hasFile: v.has_file,
    evidenceFilename: v.evidence_filename,
    evidenceContentType: v.evidence_content_type,
    enteredBy: person(v.entered_by, v.entered_by_name),
    enteredAt: v.entered_at.toISOString(),
    current,
  };
}

export function presentAttestation(a: AttestationRow, current: boolean) {
  return {
    id: a.id,
    responsibilityId: a.responsibility_id,
    periodKey: a.period_key,
    kept: a.kept,
    note: a.note,
    attestedBy: person(a.attested_by, a.attested_by_name),
    attestedAt: a.attested_at.toISOString(),
    current,
  };
}

export function presentCount(c: CountRow) {
  return { id: c.id, kind: c.kind, count: c.count, effectiveFrom: c.effective_from, note: c.note, recordedBy: person(c.recorded_by, c.recorded_by_name), recordedAt: c.recorded_at.toISOString() };
}

/** The first row per key of rows sorted newest first: the one in use. */
export function currentIds<T extends { id: string }>(rows: readonly T[], key: (r: T) => string): Set<string> {
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k)) continue;
    seen.add(k);
    ids.add(r.id);
  }
  return ids;
}
