/**
 * What staff enter for a period close: values of manual metrics with their evidence (insert-only;
 * the latest per goal and period is in use), attestations of client responsibilities (the latest
 * per responsibility and month is in use), and the user/device counts per-unit plan fees bill.
 * Entries change no stored scorecard: the next evaluation of a draft (or a re-opening) reads them.
 */
import type { GoalTerms, ResponsibilityTerms } from '../../domain/pact/pact-types';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { AppError, forbidden, invalid, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { ATTACHMENT_TYPES } from '../tickets/tickets.service';
import { canReadContractInputs, canReadManualValues, canWriteScorecards } from './scorecards.policy';
import { currentIds, presentAttestation, presentCount, presentManualValue } from './scorecards.presenter';
import * as repo from './scorecards.repository';
import type { ContractHead } from './scorecards.repository';
import { EVIDENCE_MAX_BYTES, type AttestationInput, type CountInput, type ManualValueInput } from './scorecards.schema';
import { contractFor } from './scorecards.service';
import { boundsOf, loadPacts } from './scorecard-evaluation';

const cannotWrite = () => forbidden('Only owners, admins and account managers enter values, attestations and counts');
const staffOnly = () => forbidden('Manual metric values and their evidence are for staff');
const cannotRead = () => forbidden('Attestations and counts are for staff and the client administrator');

/** The latest wording of each goal and responsibility the contract has ever had (draft terms included). */
async function termsItems(ctx: AppContext, c: ContractHead) {
  const goals = new Map<string, GoalTerms>();
  const responsibilities = new Map<string, ResponsibilityTerms>();
  const pact = (await loadPacts(ctx, c.tenant_id, [c.id])).get(c.id)!;
  const versions = pact.history.map((v) => v.terms);
  if (c.status === 'draft') {
    const draft = await repo.draftTerms(ctx.db, c.tenant_id, c.id);
    if (draft) versions.push(draft);
  }
  for (const terms of versions) {
    for (const g of terms.goals ?? []) goals.set(g.goalId, g);
    for (const r of terms.responsibilities ?? []) responsibilities.set(r.responsibilityId, r);
  }
  return { goals, responsibilities, pact };
}

// ---------- manual metric values ----------

export async function listManualValues(ctx: AppContext, actor: Actor, contractId: string, periodKey?: string) {
  const c = await contractFor(ctx, actor, contractId, canReadManualValues, staffOnly);
  const rows = await repo.listManualValues(ctx.db, c.tenant_id, c.id, periodKey);
  const current = currentIds(rows, (r) => `${r.goal_id}|${r.period_key}`);
  return { items: rows.map((r) => presentManualValue(r, current.has(r.id))) };
}

function checkValue(goal: GoalTerms, value: number): string | null {
  switch (goal.metric.manualUnit) {
    case 'percent':
      return value < 0 || value > 100 ? 'must be a percentage, 0 to 100' : null;
    case 'count':
      return value < 0 || !Number.isInteger(value) ? 'must be a whole number, 0 or more' : null;
    case 'minutes':
    case 'hours':
      return value < 0 ? 'must be 0 or more' : null;
    case 'number':
    case undefined:
      return null;
    default: {
      const unreachable: never = goal.metric.manualUnit;
      return `has an unknown unit ${String(unreachable)}`;
    }
  }
}

function decodeEvidence(file: NonNullable<ManualValueInput['evidenceFile']>): { filename: string; contentType: string; data: Buffer } {
  if (file.dataBase64.length > Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 4) {
    throw new AppError('payload_too_large', `Evidence files are limited to ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`, { 'evidenceFile.dataBase64': 'is too large' });
  }
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(file.dataBase64)) throw invalid({ 'evidenceFile.dataBase64': 'is not base64' });
  const contentType = file.contentType.toLowerCase().split(';')[0]!.trim();
  if (!ATTACHMENT_TYPES.has(contentType)) throw new AppError('unsupported_media_type', `Files of type ${contentType} cannot be attached as evidence`, { 'evidenceFile.contentType': 'is not an allowed file type' });
  const data = Buffer.from(file.dataBase64, 'base64');
  if (data.length === 0) throw invalid({ 'evidenceFile.dataBase64': 'is empty' });
  if (data.length > EVIDENCE_MAX_BYTES) throw new AppError('payload_too_large', `Evidence files are limited to ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`, { 'evidenceFile.dataBase64': 'is too large' });
  return { filename: file.filename.replace(/[\r\n"\\/]/g, '_'), contentType, data };
}

export async function enterManualValue(ctx: AppContext, actor: Actor, contractId: string, input: ManualValueInput) {
  const c = await contractFor(ctx, actor, contractId, canWriteScorecards, cannotWrite);
  const evidenceNote = input.evidenceNote?.trim() ?? '';
  if (!evidenceNote) throw invalid({ evidenceNote: 'is required: say where the value comes from (a report, a survey, a meeting)' });
  const { goals } = await termsItems(ctx, c);
  const goal = goals.get(input.goalId);
  if (!goal) throw invalid({ goalId: 'is not a goal of this contract' });
  if (goal.metric.key !== 'manual') throw invalid({ goalId: `is measured from the tickets (${goal.metric.key}); only goals with a manual metric take entered values` });
  const wanted = goal.period === 'quarterly' ? /^\d{4}-Q[1-4]$/ : /^\d{4}-(0[1-9]|1[0-2])$/;
  if (!wanted.test(input.periodKey)) throw invalid({ periodKey: goal.period === 'quarterly' ? 'must be a quarter, YYYY-Qn: the goal is quarterly' : 'must be a month, YYYY-MM: the goal is monthly' });
  const problem = checkValue(goal, input.value);
  if (problem) throw invalid({ value: problem });
  const file = input.evidenceFile ? decodeEvidence(input.evidenceFile) : null;
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertManualValue(trx, {
      tenant_id: c.tenant_id,
      contract_id: c.id,
      goal_id: goal.goalId,
      period_key: input.periodKey,
      value: input.value,
      evidence_note: evidenceNote,
      evidence_url: input.evidenceUrl ?? null,
      evidence_filename: file?.filename ?? null,
      evidence_content_type: file?.contentType ?? null,
      evidence_data: file?.data ?? null,
      entered_by: actor.userId,
      entered_at: now,
    });
    await appendAudit(trx, {
      tenantId: c.tenant_id,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: 'manual_value.entered',
      targetType: 'contract',
      targetId: c.id,
      ip: actor.ip,
      details: { goalId: goal.goalId, periodKey: input.periodKey, value: input.value, file: file?.filename ?? null },
    });
    return newId;
  });
  const row = await repo.findManualValue(ctx.db, c.tenant_id, c.id, id);
  return presentManualValue(row!, true);
}

export async function manualValueEvidence(ctx: AppContext, actor: Actor, contractId: string, valueId: string) {
  const c = await contractFor(ctx, actor, contractId, canReadManualValues, staffOnly);
  const row = await repo.manualEvidence(ctx.db, c.tenant_id, c.id, valueId);
  if (!row || !row.evidence_data) throw notFound('Evidence file');
  return { filename: row.evidence_filename ?? 'evidence', contentType: row.evidence_content_type ?? 'application/octet-stream', data: row.evidence_data };
}

// ---------- attestations ----------

export async function listAttestations(ctx: AppContext, actor: Actor, contractId: string, periodKey?: string) {
  const c = await contractFor(ctx, actor, contractId, canReadContractInputs, cannotRead);
  const rows = await repo.listAttestations(ctx.db, c.tenant_id, c.id, periodKey);
  const current = currentIds(rows, (r) => `${r.responsibility_id}|${r.period_key}`);
  return { items: rows.map((r) => presentAttestation(r, current.has(r.id))) };
}

export async function attest(ctx: AppContext, actor: Actor, contractId: string, input: AttestationInput) {
  const c = await contractFor(ctx, actor, contractId, canWriteScorecards, cannotWrite);
  const { responsibilities, pact } = await termsItems(ctx, c);
  const r = responsibilities.get(input.responsibilityId);
  if (!r) throw invalid({ responsibilityId: 'is not a responsibility of this contract' });
  if (r.measure.kind !== 'attested') throw invalid({ responsibilityId: 'is measured from the tickets (time waiting on the client); only attested responsibilities take an attestation' });
  if (!input.kept && !input.note) throw invalid({ note: 'is required when the responsibility was not kept: say what happened' });
  if (c.status !== 'draft' && boundsOf(input.periodKey, pact.zone).to <= c.starts_at) throw invalid({ periodKey: `ends before the contract starts (${c.starts_at.toISOString()})` });
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertAttestation(trx, {
      tenant_id: c.tenant_id,
      contract_id: c.id,
      responsibility_id: r.responsibilityId,
      period_key: input.periodKey,
      kept: input.kept,
      note: input.note,
      attested_by: actor.userId,
      attested_at: now,
    });
    await appendAudit(trx, {
      tenantId: c.tenant_id,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: 'responsibility.attested',
      targetType: 'contract',
      targetId: c.id,
      ip: actor.ip,
      details: { responsibilityId: r.responsibilityId, periodKey: input.periodKey, kept: input.kept },
    });
    return newId;
  });
  const row = (await repo.listAttestations(ctx.db, c.tenant_id, c.id, input.periodKey)).find((x) => x.id === id)!;
  return presentAttestation(row, true);
}

// ---------- user and device counts ----------

export async function listCounts(ctx: AppContext, actor: Actor, contractId: string) {
  const c = await contractFor(ctx, actor, contractId, canReadContractInputs, cannotRead);
  return { items: (await repo.listCounts(ctx.db, c.tenant_id, [c.id])).map(presentCount) };
}

export async function recordCount(ctx: AppContext, actor: Actor, contractId: string, input: CountInput) {
  const c = await contractFor(ctx, actor, contractId, canWriteScorecards, cannotWrite);
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertCount(trx, { tenant_id: c.tenant_id, contract_id: c.id, kind: input.kind, count: input.count, effective_from: input.effectiveFrom, note: input.note ?? '', recorded_by: actor.userId, recorded_at: now });
    await appendAudit(trx, {
      tenantId: c.tenant_id,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: 'contract_count.recorded',
      targetType: 'contract',
      targetId: c.id,
      ip: actor.ip,
      details: { kind: input.kind, count: input.count, effectiveFrom: input.effectiveFrom },
    });
    return newId;
  });
  const row = (await repo.listCounts(ctx.db, c.tenant_id, [c.id])).find((x) => x.id === id)!;
  return presentCount(row);
}

