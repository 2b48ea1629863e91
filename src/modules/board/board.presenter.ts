import type { BoardViewRow } from '../../db/schema';

export function presentView(v: BoardViewRow) {
  return { id: v.id, name: v.name, filters: v.filters ?? {}, createdAt: v.created_at.toISOString() };
}

/** One server-sent event: `event: <name>` and its JSON data, ended by a blank line. */
export function sseEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
