import type { PriorityMatrixDocument } from './pact-documents';
import type { Priority } from './pact-types';

/** Problems found in a pact document, keyed by the path of the field (`cells.high.team`). */
export type FieldProblems = Record<string, string>;

export const MAX_MATRIX_LEVELS = 8;
const KEY = /^[A-Za-z0-9_-]{1,32}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;

function checkLevels(list: { key: string; name: string }[], path: string, what: string, problems: FieldProblems) {
  if (list.length === 0) problems[path] = `needs at least one ${what}`;
  if (list.length > MAX_MATRIX_LEVELS) problems[path] = `has ${list.length} ${what}s; at most ${MAX_MATRIX_LEVELS} are allowed`;
  const seen = new Set<string>();
  list.forEach((level, i) => {
    if (!KEY.test(level.key)) problems[`${path}[${i}].key`] = 'must be 1-32 letters, digits, - or _';
    else if (seen.has(level.key)) problems[`${path}[${i}].key`] = `'${level.key}' is used twice`;
    seen.add(level.key);
    if (level.name.trim() === '') problems[`${path}[${i}].name`] = 'is required';
  });
}

/**
 * Checks a matrix: unique keys, at most 8 levels on each axis, colours as #rrggbb, and every
 * urgency x impact cell set to a priority that exists. Empty when the matrix is sound.
 */
export function validatePriorityMatrix(m: PriorityMatrixDocument): FieldProblems {
  const problems: FieldProblems = {};
  checkLevels(m.urgencies, 'urgencies', 'urgency', problems);
  checkLevels(m.impacts, 'impacts', 'impact', problems);
  checkLevels(m.priorities, 'priorities', 'priority', problems);
  m.priorities.forEach((p, i) => {
    if (!COLOUR.test(p.colour)) problems[`priorities[${i}].colour`] = 'must be a colour such as #d32f2f';
  });
  const priorities = new Set(m.priorities.map((p) => p.key));
  const urgencies = new Set(m.urgencies.map((u) => u.key));
  const impacts = new Set(m.impacts.map((i) => i.key));
  for (const u of Object.keys(m.cells)) {
    if (!urgencies.has(u)) problems[`cells.${u}`] = `'${u}' is not an urgency of the matrix`;
    else for (const i of Object.keys(m.cells[u] ?? {})) if (!impacts.has(i)) problems[`cells.${u}.${i}`] = `'${i}' is not an impact of the matrix`;
  }
  for (const u of urgencies) {
    for (const i of impacts) {
      const p = m.cells[u]?.[i];
      if (p === undefined) problems[`cells.${u}.${i}`] = 'needs a priority';
      else if (!priorities.has(p)) problems[`cells.${u}.${i}`] = `names priority '${p}', which is not in the matrix`;
    }
  }
  return problems;
}

/** The priority the matrix gives an urgency and impact, or null when either is unknown. */
export function lookupPriority(m: PriorityMatrixDocument, urgency: string, impact: string): Priority | null {
  if (!Object.hasOwn(m.cells, urgency)) return null;
  const row = m.cells[urgency]!;
  return Object.hasOwn(row, impact) ? (row[impact] ?? null) : null;
}

export const priorityKeys = (m: PriorityMatrixDocument): Priority[] => m.priorities.map((p) => p.key);

/**
 * The ITIL-style 4x4 grid new tenants start with: the most urgent issue hitting the whole
 * organisation is P1; a low-urgency issue of one person is P4.
 */
export function defaultPriorityMatrix(): PriorityMatrixDocument {
  const grid: Record<string, [Priority, Priority, Priority, Priority]> = {
    critical: ['P1', 'P1', 'P2', 'P2'],
    high: ['P1', 'P2', 'P2', 'P3'],
    medium: ['P2', 'P3', 'P3', 'P4'],
    low: ['P3', 'P4', 'P4', 'P4'],
  };
  const impacts = [
    { key: 'organisation', name: 'Whole organisation' },
    { key: 'department', name: 'Department or site' },
    { key: 'team', name: 'Team' },
    { key: 'individual', name: 'One person' },
  ];
  const cells: Record<string, Record<string, Priority>> = {};
  for (const [u, row] of Object.entries(grid)) cells[u] = Object.fromEntries(impacts.map((i, n) => [i.key, row[n]!]));
  return {
    urgencies: [
      { key: 'critical', name: 'Critical: work has stopped' },
      { key: 'high', name: 'High: work is badly hindered' },
      { key: 'medium', name: 'Medium: a workaround exists' },
      { key: 'low', name: 'Low: an inconvenience or a request' },
    ],
    impacts,
    priorities: [
      { key: 'P1', name: 'Critical', colour: '#d32f2f' },
      { key: 'P2', name: 'High', colour: '#f57c00' },
      { key: 'P3', name: 'Medium', colour: '#fbc02d' },
      { key: 'P4', name: 'Low', colour: '#1976d2' },
    ],
    cells,
  };
}
