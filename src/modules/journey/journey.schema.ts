import { z } from 'zod';
import { JOURNEY_STAGES } from '../../domain/satisfaction/satisfaction-types';

// A missing field reads "is required" (src/http/zod-messages.ts); a given one is told what it must be.
const unlessMissing = (message: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : message);
const stage = z.enum(JOURNEY_STAGES, { error: unlessMissing(`must be one of ${JOURNEY_STAGES.join(', ')}`) });

export const journeyParams = z.object({ clientId: z.uuid({ message: 'must be an id' }) });
export const suggestionParams = z.object({ clientId: z.uuid({ message: 'must be an id' }), key: z.string().max(200) });

export const EVIDENCE_KINDS = ['ticket', 'problem', 'change', 'project', 'link'] as const;
export const EVIDENCE_MAX = 20;

// Which fields a kind needs (an id for tickets and problems, a label or a link for the rest) is
// checked by the service, which names the item: evidence[2].id.
const evidenceItem = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS, { message: `must be one of ${EVIDENCE_KINDS.join(', ')}` }),
  id: z.string().trim().max(100, 'must be an id').optional(),
  label: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  url: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
});

export const stageChangeBody = z.strictObject({
  stage,
  effectiveOn: z.iso
    .date({ error: unlessMissing('must be a date, YYYY-MM-DD') })
    .refine((d) => d >= '1900-01-01', 'must be in 1900 or later')
    .describe('the day the client entered the stage; not in the future'),
  note: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
  evidence: z.array(evidenceItem).max(EVIDENCE_MAX, `must have at most ${EVIDENCE_MAX} items`).default([]),
});
export type StageChangeInput = z.infer<typeof stageChangeBody>;
export type EvidenceInput = z.infer<typeof evidenceItem>;

// ---------- views ----------

const evidenceView = z.union([
  z.object({ kind: z.enum(['ticket', 'problem']), id: z.string(), label: z.string() }),
  z.object({ kind: z.enum(['change', 'project', 'link']), label: z.string(), url: z.string().nullable() }),
]);

export const stageChangeView = z.object({
  id: z.string(),
  stage,
  label: z.string(),
  effectiveOn: z.string(),
  note: z.string(),
  evidence: z.array(evidenceView),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
});

export const journeyView = z.object({
  current: stage.nullable(),
  changes: z.array(stageChangeView),
  bands: z.array(z.object({ stage, label: z.string(), from: z.string(), to: z.string().nullable() })),
  satisfaction: z.object({
    csat: z.array(z.object({ month: z.string(), average: z.number(), positivePercent: z.number(), responses: z.number() })),
    nps: z.array(z.object({ quarter: z.string(), nps: z.number(), responses: z.number() })),
  }),
  suggestions: z.array(z.object({ key: z.string(), stage, reason: z.string(), evidence: z.array(evidenceView) })),
});
