import { describe, expect, it } from 'vitest';
import { defaultPriorityMatrix, lookupPriority, validatePriorityMatrix } from './priority-matrix';

describe('priority matrix', () => {
  it('default is a sound 4x4 grid from P1 to P4', () => {
    const m = defaultPriorityMatrix();
    expect(validatePriorityMatrix(m)).toEqual({});
    expect(m.priorities.map((p) => `${p.key} ${p.name}`)).toEqual(['P1 Critical', 'P2 High', 'P3 Medium', 'P4 Low']);
    expect(lookupPriority(m, 'critical', 'organisation')).toBe('P1');
    expect(lookupPriority(m, 'low', 'individual')).toBe('P4');
    expect(lookupPriority(m, 'medium', 'team')).toBe('P3');
    expect(lookupPriority(m, 'nope', 'team')).toBeNull();
    expect(lookupPriority(m, 'low', 'toString')).toBeNull();
  });

  it.each([
    ['a cell naming a missing priority', (m: ReturnType<typeof defaultPriorityMatrix>) => (m.cells.high!.team = 'P9'), 'cells.high.team', /P9/],
    ['a missing cell', (m: ReturnType<typeof defaultPriorityMatrix>) => delete m.cells.low!.individual, 'cells.low.individual', /needs a priority/],
    ['a duplicate key', (m: ReturnType<typeof defaultPriorityMatrix>) => (m.priorities[1]!.key = 'P1'), 'priorities[1].key', /twice/],
    ['a bad colour', (m: ReturnType<typeof defaultPriorityMatrix>) => (m.priorities[0]!.colour = 'red'), 'priorities[0].colour', /colour/],
    ['nine urgencies', (m: ReturnType<typeof defaultPriorityMatrix>) => m.urgencies.push(...[1, 2, 3, 4, 5].map((n) => ({ key: `u${n}`, name: `U${n}` }))), 'urgencies', /at most 8/],
    ['a row for an unknown urgency', (m: ReturnType<typeof defaultPriorityMatrix>) => (m.cells.ghost = {}), 'cells.ghost', /not an urgency/],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    const m = defaultPriorityMatrix();
    change(m);
    expect(validatePriorityMatrix(m)[field]).toMatch(message);
  });
});
