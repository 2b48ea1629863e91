/** mailparser's header map: lower-case names; values are strings, structured objects or lists. */
export type HeaderMap = ReadonlyMap<string, unknown>;

/** A header as text: the first value of a list, the `value` of a structured header, else ''. */
export function headerText(headers: HeaderMap, name: string): string {
  return valueText(headers.get(name.toLowerCase()));
}

function valueText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length > 0 ? valueText(v[0]) : '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { value?: unknown; text?: unknown };
    if (typeof o.value === 'string') return o.value;
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

/** A structured header's parameter (mailparser keeps content-type as { value, params }). */
export function headerParam(headers: HeaderMap, name: string, param: string): string {
  const v = headers.get(name.toLowerCase());
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const params = (v as { params?: Record<string, unknown> }).params;
    const p = params?.[param.toLowerCase()];
    if (typeof p === 'string') return p;
  }
  return '';
}
