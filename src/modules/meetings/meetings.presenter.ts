import { formatLocal, instantToLocal, type Agenda } from '../../domain/meetings';
import { reference } from '../tickets/tickets.service';
import type { Occurrence } from './meetings-calendar';
import type { ActionItemRow, CadenceRow, MeetingContract } from './meetings.repository';

export function presentCadence(c: CadenceRow, next: readonly Date[]) {
  return {
    id: c.id,
    title: c.title,
    rrule: c.rrule,
    firstStart: formatLocal(instantToLocal(c.time_zone, c.first_start)),
    timeZone: c.time_zone,
    durationMinutes: c.duration_minutes,
    location: c.location,
    effectiveFrom: c.effective_from.toISOString(),
    nextStarts: next.map((d) => d.toISOString()),
  };
}

export function presentOccurrence(o: Occurrence) {
  return {
    id: o.row?.id ?? null,
    cadenceId: o.cadence.id,
    recurrenceStart: o.recurrenceStart.toISOString(),
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    timeZone: o.cadence.time_zone,
    status: o.status,
    moved: o.startsAt.getTime() !== o.recurrenceStart.getTime(),
    title: o.cadence.title,
    location: o.cadence.location,
  };
}

export function presentActionItem(a: ActionItemRow) {
  const owner = a.owner_user_id ? { kind: 'user' as const, id: a.owner_user_id, name: a.owner_user_name ?? 'Former user' } : a.owner_contact_id ? { kind: 'contact' as const, id: a.owner_contact_id, name: a.owner_contact_name ?? 'Former contact' } : null;
  return {
    id: a.id,
    title: a.title,
    owner,
    dueOn: a.due_on ? a.due_on.slice(0, 10) : null,
    done: a.done_at !== null,
    doneAt: a.done_at ? a.done_at.toISOString() : null,
    ticket: a.ticket_id ? { id: a.ticket_id, reference: reference(a.ticket_number ?? 0) } : null,
  };
}

/** The meeting; client users get the agenda without the MSP's at-risk signals. */
export function presentMeeting(c: MeetingContract, o: Occurrence, items: readonly ActionItemRow[], withRisks: boolean) {
  const agenda = (o.row?.agenda ?? null) as Agenda | null;
  return {
    ...presentOccurrence(o),
    contractId: c.id,
    contractName: c.name,
    clientId: c.client_id,
    clientName: c.client_name,
    sequence: o.row?.sequence ?? 0,
    agenda: agenda ? { ...agenda, sections: withRisks ? agenda.sections : agenda.sections.filter((s) => s.kind !== 'risks') } : null,
    minutes: o.row?.minutes ?? '',
    actionItems: items.map(presentActionItem),
    version: o.row?.version ?? 0,
  };
}
