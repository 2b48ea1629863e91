import { JOURNEY_STAGE_LABELS, type JourneyEvidence } from '../../domain/satisfaction/satisfaction-types';
import type { StageChangeRow } from './journey.repository';

/** Evidence as the domain types it: tickets and problems by id, the rest by label and link. */
function presentEvidence(e: JourneyEvidence): JourneyEvidence {
  switch (e.kind) {
    case 'ticket':
    case 'problem':
      return { kind: e.kind, id: e.id, label: e.label };
    case 'change':
    case 'project':
    case 'link':
      return { kind: e.kind, label: e.label, url: e.url ?? null };
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function presentChange(c: StageChangeRow) {
  return {
    id: c.id,
    stage: c.stage,
    label: JOURNEY_STAGE_LABELS[c.stage],
    effectiveOn: c.effective_on,
    note: c.note,
    evidence: c.evidence.map(presentEvidence),
    createdBy: { id: c.created_by, name: c.created_by_name },
    createdAt: c.created_at.toISOString(),
  };
}
