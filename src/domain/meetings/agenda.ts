/**
 * A review meeting's agenda, built from facts the service loads: the latest scorecard's missed
 * goals and the money they moved, client responsibilities not kept, open problems with their
 * plans, at-risk reasons, and action items still open from earlier meetings. Every section is
 * present, saying so when there is nothing to discuss, so the agenda reads the same each time.
 */

export type AgendaScorecard = {
  periodKey: string;
  revision: number;
  status: 'draft' | 'final';
  met: number;
  missed: number;
  notEvaluable: number;
  currency: string;
  goals: ReadonlyArray<{ goalId: string; objective: string; outcome: 'met' | 'missed' | 'not_evaluable'; reason: string; amountMinor: number; amountExplanation: string }>;
};

export type AgendaFacts = {
  scorecard: AgendaScorecard | null;
  responsibilities: ReadonlyArray<{ responsibilityId: string; description: string; outcome: 'kept' | 'breached' | 'not_assessed'; reason: string }>;
  problems: ReadonlyArray<{ id: string; reference: string; title: string; status: string; plan: string; nextMilestone: { title: string; dueOn: string | null } | null }>;
  riskReasons: ReadonlyArray<{ rule: string; text: string }>;
  openActionItems: ReadonlyArray<{ id: string; title: string; owner: string | null; dueOn: string | null }>;
};

export type AgendaItem = { text: string; detail?: string; ref?: { kind: 'goal' | 'responsibility' | 'problem' | 'risk' | 'action_item'; id: string } };
export type AgendaSectionKind = 'scorecard' | 'missed_goals' | 'credits' | 'responsibilities' | 'problems' | 'risks' | 'action_items';
export type AgendaSection = { kind: AgendaSectionKind; title: string; empty: string; items: AgendaItem[] };
export type Agenda = { builtAt: string; scorecardPeriod: string | null; sections: AgendaSection[] };

/** 12345 minor units of EUR -> "EUR 123.45". */
export function formatMoney(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${currency} ${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function buildAgenda(facts: AgendaFacts, now: Date): Agenda {
  const s = facts.scorecard;
  const sections: AgendaSection[] = [];

  sections.push({
    kind: 'scorecard',
    title: s ? `Scorecard ${s.periodKey}` : 'Scorecard',
    empty: 'No scorecard has been evaluated for this contract yet.',
    items: s
      ? [
          {
            text: `${plural(s.met, 'goal')} met, ${s.missed} missed, ${s.notEvaluable} not evaluable`,
            detail: `Revision ${s.revision}, ${s.status === 'final' ? 'final' : 'draft (may still change)'}`,
          },
        ]
      : [],
  });

  const missed = s ? s.goals.filter((g) => g.outcome === 'missed') : [];
  sections.push({
    kind: 'missed_goals',
    title: 'Missed goals',
    empty: s ? 'Every evaluable goal was met.' : 'Nothing to review until a scorecard exists.',
    items: missed.map((g) => ({ text: g.objective, detail: g.reason, ref: { kind: 'goal', id: g.goalId } })),
  });

  const moved = s ? s.goals.filter((g) => g.amountMinor !== 0) : [];
  const credits = moved.filter((g) => g.amountMinor < 0).reduce((a, g) => a + g.amountMinor, 0);
  const incentives = moved.filter((g) => g.amountMinor > 0).reduce((a, g) => a + g.amountMinor, 0);
  sections.push({
    kind: 'credits',
    title: 'Credits and incentives',
    empty: s ? 'No service credits or incentives this period.' : 'Nothing to review until a scorecard exists.',
    items: s && moved.length
      ? [
          { text: `Credits to the client ${formatMoney(-credits, s.currency)}, incentives ${formatMoney(incentives, s.currency)}, net ${formatMoney(credits + incentives, s.currency)}` },
          ...moved.map((g) => ({ text: `${g.objective}: ${g.amountMinor < 0 ? 'credit' : 'incentive'} ${formatMoney(Math.abs(g.amountMinor), s.currency)}`, detail: g.amountExplanation, ref: { kind: 'goal' as const, id: g.goalId } })),
        ]
      : [],
  });

  sections.push({
    kind: 'responsibilities',
    title: 'Client responsibilities',
    empty: s ? 'Every client responsibility was kept.' : 'Nothing to review until a scorecard exists.',
    items: facts.responsibilities
      .filter((r) => r.outcome !== 'kept')
      .map((r) => ({ text: r.description, detail: `${r.outcome === 'breached' ? 'Not kept' : 'Not assessed'}: ${r.reason}`, ref: { kind: 'responsibility', id: r.responsibilityId } })),
  });

  sections.push({
    kind: 'problems',
    title: 'Open problems and their plans',
    empty: 'No open problems.',
    items: facts.problems.map((p) => {
      const next = p.nextMilestone ? ` Next milestone: ${p.nextMilestone.title}${p.nextMilestone.dueOn ? ` (due ${p.nextMilestone.dueOn})` : ''}.` : '';
      const plan = p.plan.trim();
      const sentence = plan ? `Plan: ${plan}${/[.!?]$/.test(plan) ? '' : '.'}` : 'No plan recorded yet.';
      return { text: `${p.reference} ${p.title} (${p.status.replace(/_/g, ' ')})`, detail: `${sentence}${next}`, ref: { kind: 'problem', id: p.id } };
    }),
  });

  sections.push({
    kind: 'risks',
    title: 'At-risk signals',
    empty: 'No at-risk signals.',
    items: facts.riskReasons.map((r) => ({ text: r.text, ref: { kind: 'risk', id: r.rule } })),
  });

  sections.push({
    kind: 'action_items',
    title: 'Open action items from earlier meetings',
    empty: 'No open action items.',
    items: facts.openActionItems.map((a) => ({
      text: a.title,
      detail: [a.owner ? `Owner: ${a.owner}` : 'No owner', a.dueOn ? `due ${a.dueOn}` : null].filter(Boolean).join(', '),
      ref: { kind: 'action_item', id: a.id },
    })),
  });

  return { builtAt: now.toISOString(), scorecardPeriod: s?.periodKey ?? null, sections };
}
