/** A date ("2026-11-24") or datetime-local ("2026-11-24T09:30") input as an ISO instant in the reader's zone. */
export function localInputToIso(value: string): string {
  if (!value) return '';
  const d = new Date(value.length === 10 ? `${value}T00:00` : value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** An ISO instant as a datetime-local input value in the reader's zone. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
