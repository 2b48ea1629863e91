// The satisfaction summary and at-risk signals as the API answers them (docs/api-satisfaction.md).
import type { JourneyStage, RiskReason } from '../../../src/domain/satisfaction/satisfaction-types';

export type { RiskReason };

export type SummaryDimension = 'client' | 'technician' | 'plan' | 'category';

export type SummaryRow = {
  key: string | null;
  label: string;
  csat: { average: number | null; positivePercent: number | null; responses: number; sent: number; responseRate: number | null };
  nps: { nps: number | null; responses: number } | null;
};

export type SatisfactionSummary = { by: SummaryDimension; from: string; to: string; rows: SummaryRow[]; total: SummaryRow };

export type AtRiskClient = {
  client: { id: string; name: string };
  accountManager: { id: string; name: string } | null;
  stage: JourneyStage | null;
  stageLabel: string | null;
  reasons: RiskReason[];
  score: number;
};

export type ClientRisk = { reasons: RiskReason[]; score: number; evaluatedAt: string };
