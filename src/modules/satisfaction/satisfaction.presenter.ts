import type { MetricResult } from '../../domain/metrics/metric-types';
import { JOURNEY_STAGE_LABELS, type RiskReason } from '../../domain/satisfaction/satisfaction-types';
import type { RiskClientRow } from './satisfaction.repository';

export type SummaryFigures = { average: MetricResult; positive: MetricResult; rate: MetricResult; nps: MetricResult | null };

export function presentSummaryRow(key: string | null, label: string, f: SummaryFigures) {
  return {
    key,
    label,
    csat: { average: f.average.value, positivePercent: f.positive.value, responses: f.average.sample, sent: f.rate.sample, responseRate: f.rate.value },
    nps: f.nps ? { nps: f.nps.value, responses: f.nps.sample } : null,
  };
}

export function presentRiskItem(c: RiskClientRow, reasons: RiskReason[], score: number) {
  return {
    client: { id: c.id, name: c.name },
    accountManager: c.account_manager_id ? { id: c.account_manager_id, name: c.account_manager_name ?? 'Former user' } : null,
    stage: c.stage,
    stageLabel: c.stage ? JOURNEY_STAGE_LABELS[c.stage] : null,
    reasons,
    score,
  };
}
