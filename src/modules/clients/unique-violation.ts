/**
 * The database's unique-violation (SQLSTATE 23505), with the index that refused the row. The
 * services check for duplicates first to answer with a clear message; this catches the race
 * where two requests pass that check at the same time.
 */
export function uniqueViolation(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown; message?: unknown };
  if (e.code !== '23505') return null;
  if (typeof e.constraint === 'string') return e.constraint;
  const text = `${String(e.message ?? '')} ${String(e.detail ?? '')}`;
  return /"([a-z_]+)"/.exec(text)?.[1] ?? '';
}
