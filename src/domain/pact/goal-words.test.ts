import { describe, expect, it } from 'vitest';
import { goalInWords, metricInWords, minSampleInWords, moneyWords, scopeInWords, valueInWords } from './goal-words';
import { fastAnswers } from './pact-test-fixtures';

describe('goal words', () => {
  it.each<[number, Parameters<typeof valueInWords>[1], string]>([
    [95, 'percent', '95 %'],
    [99.5, 'percent', '99.5 %'],
    [1, 'minutes', '1 business minute'],
    [240, 'minutes', '4 business hours'],
    [90, 'minutes', '1 business hour 30 min'],
    [45.5, 'minutes', '45.5 business minutes'],
    [1, 'hours', '1 hour'],
    [3.25, 'hours', '3.25 hours'],
    [1200, 'count', '1,200'],
  ])('%s %s reads "%s"', (value, unit, words) => expect(valueInWords(value, unit)).toBe(words));

  it('names metrics, samples, scopes and money', () => {
    expect(metricInWords({ key: 'backlog_older_than', businessDays: 1 })).toBe('tickets open longer than 1 business day');
    expect(metricInWords({ key: 'manual' })).toBe('a measure entered by staff');
    expect(minSampleInWords({ minSample: 2, metric: { key: 'after_hours_hours' } })).toBe('at least 2 time entries');
    expect(minSampleInWords({ minSample: 1, metric: { key: 'reopen_rate' } })).toBe('at least 1 ticket');
    expect(minSampleInWords({ minSample: 1, metric: { key: 'manual', manualName: 'x', manualUnit: 'count' } })).toBeNull();
    expect(minSampleInWords({ minSample: 0, metric: { key: 'reopen_rate' } })).toBeNull();
    expect(scopeInWords({})).toBeNull();
    expect(scopeInWords({ priorities: ['P1'], categories: ['account', 'network', 'other'], siteIds: ['a', 'b'] })).toBe('P1 tickets, accounts and access, network and other issues, at 2 sites');
    expect(moneyWords(123_456_789)).toBe('1,234,567.89');
    expect(moneyWords(5, 'EUR')).toBe('0.05 EUR');
    expect(goalInWords({ ...fastAnswers(), penalty: null, incentive: { kind: 'percent_of_fee', percent: 2.5 }, period: 'quarterly' })).toBe(
      'first-response compliance >= 95 % per quarter, at least 20 tickets; bonus 2.5 % of the quarterly fee when met',
    );
  });
});
