import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../pact/pact-types';
import { isMetricKey, listMetrics, METRIC_KEYS, metricDefinition, metricLabel } from './registry';
import { percent2, ratio2 } from './rounding';
import { inScope, isWholeContract } from './scope';

describe('the metrics library', () => {
  it('has one definition per key, listed for GET /metrics', () => {
    const keys: MetricKey[] = [
      'first_response_compliance',
      'resolution_compliance',
      'mean_time_to_respond',
      'median_time_to_respond',
      'mean_time_to_resolve',
      'median_time_to_resolve',
      'first_contact_resolution',
      'reopen_rate',
      'backlog_older_than',
      'ticket_volume',
      'onsite_visits',
      'after_hours_hours',
      'client_wait_time',
      'csat_average',
      'csat_positive',
      'csat_response_rate',
      'nps',
      'manual',
    ];
    expect(METRIC_KEYS).toEqual(keys);
    for (const key of keys) expect(metricDefinition(key).key).toBe(key);
    const list = listMetrics();
    expect(list[0]).toEqual({
      key: 'first_response_compliance',
      label: 'First-response compliance',
      unit: 'percent',
      higherIsBetter: true,
      description: metricDefinition('first_response_compliance').describe({ key: 'first_response_compliance' }),
    });
    expect(list.find((m) => m.key === 'mean_time_to_resolve')).toMatchObject({ unit: 'minutes', higherIsBetter: false });
    expect(list.find((m) => m.key === 'backlog_older_than')?.description).toBe("Number of tickets open at the period's end that are older than N business days on the contract calendar.");
  });

  it('names a goal\'s metric with its parameters', () => {
    expect(metricLabel({ key: 'backlog_older_than', businessDays: 5 })).toBe('Backlog older than 5 business days');
    expect(metricLabel({ key: 'manual', manualName: 'Patch coverage', manualUnit: 'percent' })).toBe('Patch coverage');
    expect(metricDefinition('backlog_older_than').describe({ key: 'backlog_older_than', businessDays: 5 })).toContain('older than 5 business days');
  });

  it('refuses an unknown key', () => {
    expect(isMetricKey('uptime')).toBe(false);
    expect(() => metricDefinition('uptime')).toThrow(/'uptime' is not a metric/);
  });
});

describe('rounding', () => {
  it.each([
    [1, 3, 0.33],
    [2, 3, 0.67],
    // 1.005 as a float rounds down with Math.round(x * 100); as a ratio 201/200 it is exactly half: up.
    [201, 200, 1.01],
    [0, 7, 0],
    [170, 6, 28.33],
  ])('%i / %i = %s', (n, dd, expected) => {
    expect(ratio2(n, dd)).toBe(expected);
  });

  it('percentages: 5 of 7 = 71.43, none of none = null', () => {
    expect(percent2(5, 7)).toBe(71.43);
    expect(percent2(0, 0)).toBeNull();
  });
});

describe('scope', () => {
  const t = { priority: 'P1', category: 'network' as const, siteId: 'hq' };
  it.each([
    [{}, true],
    [{ priorities: [], categories: [], siteIds: [] }, true],
    [{ priorities: ['P1', 'P2'] }, true],
    [{ priorities: ['P2'] }, false],
    [{ categories: ['network' as const], siteIds: ['hq'] }, true],
    [{ categories: ['hardware' as const] }, false],
    [{ siteIds: ['branch'] }, false],
  ])('%j -> %s', (scope, expected) => {
    expect(inScope(t, scope)).toBe(expected);
  });

  it('a ticket without a site or category is outside a scope naming them', () => {
    expect(inScope({ priority: 'P1', category: null, siteId: null }, { siteIds: ['hq'] })).toBe(false);
    expect(inScope({ priority: 'P1', category: null, siteId: null }, { categories: ['other'] })).toBe(false);
    expect(isWholeContract({ priorities: [] })).toBe(true);
    expect(isWholeContract({ siteIds: ['hq'] })).toBe(false);
  });
});
