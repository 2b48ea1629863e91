import { describe, expect, it } from 'vitest';
import { buildAgenda, formatMoney, type AgendaFacts } from './agenda';

const now = new Date('2027-01-12T08:00:00Z');
const empty: AgendaFacts = { scorecard: null, responsibilities: [], problems: [], riskReasons: [], openActionItems: [] };

describe('buildAgenda', () => {
  it('has every section, saying so when there is nothing to review', () => {
    const a = buildAgenda(empty, now);
    expect(a.sections.map((s) => s.kind)).toEqual(['scorecard', 'missed_goals', 'credits', 'responsibilities', 'problems', 'risks', 'action_items']);
    expect(a.sections.every((s) => s.items.length === 0 && s.empty.length > 0)).toBe(true);
    expect(a.builtAt).toBe(now.toISOString());
  });

  it('lists missed goals, credits and incentives with the net, open responsibilities, problems with plans, risks and open action items', () => {
    const a = buildAgenda(
      {
        scorecard: {
          periodKey: '2026-12',
          revision: 2,
          status: 'final',
          met: 3,
          missed: 1,
          notEvaluable: 0,
          currency: 'EUR',
          goals: [
            { goalId: 'g1', objective: 'P1 resolved within 4 h', outcome: 'missed', reason: '80 % < 95 %', amountMinor: -15000, amountExplanation: '5 % of 3,000.00' },
            { goalId: 'g2', objective: 'CSAT at least 4.5', outcome: 'met', reason: '4.7 >= 4.5', amountMinor: 5000, amountExplanation: 'bonus' },
          ],
        },
        responsibilities: [
          { responsibilityId: 'r1', description: 'Approve changes within 2 business days', outcome: 'breached', reason: '2 tickets waited longer' },
          { responsibilityId: 'r2', description: 'Keep the asset list current', outcome: 'kept', reason: 'attested' },
        ],
        problems: [{ id: 'p1', reference: 'PRB-1', title: 'Basel printers jam', status: 'root_cause_known', plan: 'Replace the fleet in Q1', nextMilestone: { title: 'Order printers', dueOn: '2027-01-20' } }],
        riskReasons: [{ rule: 'nps_drop', text: 'NPS fell from 40 to 10 between 2026-Q3 and 2026-Q4' }],
        openActionItems: [{ id: 'a1', title: 'Send the backup report', owner: 'Ada', dueOn: '2027-01-05' }],
      },
      now,
    );
    const section = (k: string) => a.sections.find((s) => s.kind === k)!;
    expect(a.scorecardPeriod).toBe('2026-12');
    expect(section('scorecard').items[0]!.text).toBe('3 goals met, 1 missed, 0 not evaluable');
    expect(section('missed_goals').items).toEqual([{ text: 'P1 resolved within 4 h', detail: '80 % < 95 %', ref: { kind: 'goal', id: 'g1' } }]);
    expect(section('credits').items[0]!.text).toBe('Credits to the client EUR 150.00, incentives EUR 50.00, net -EUR 100.00');
    expect(section('credits').items).toHaveLength(3);
    expect(section('responsibilities').items.map((i) => i.text)).toEqual(['Approve changes within 2 business days']);
    expect(section('problems').items[0]).toMatchObject({ text: 'PRB-1 Basel printers jam (root cause known)', detail: 'Plan: Replace the fleet in Q1. Next milestone: Order printers (due 2027-01-20).' });
    expect(section('risks').items[0]!.text).toMatch(/NPS fell/);
    expect(section('action_items').items[0]).toMatchObject({ text: 'Send the backup report', detail: 'Owner: Ada, due 2027-01-05' });
  });

  it('formats money in minor units with thousands separators', () => {
    expect(formatMoney(123456789, 'CHF')).toBe('CHF 1,234,567.89');
    expect(formatMoney(-5, 'EUR')).toBe('-EUR 0.05');
  });
});
