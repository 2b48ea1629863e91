/** Review meetings and calendar feeds as the API sends them (docs/api-communication.md). */
export type Cadence = {
  id: string;
  title: string;
  rrule: string;
  firstStart: string;
  timeZone: string;
  durationMinutes: number;
  location: string;
  effectiveFrom: string;
  nextStarts: string[];
};
export type CadenceView = { cadence: Cadence | null; suggestedTimeZone: string | null };
export type CadenceInput = { title: string; rrule: string; firstStart: string; timeZone: string; durationMinutes: number; location: string; notify?: boolean };
export type CadencePreview = { rrule: string; starts: Array<{ startsAt: string; local: string }> };

export type Person = { id: string; name: string; email: string };
export type Participants = { users: Person[]; contacts: Person[] };

export type MeetingStatus = 'scheduled' | 'cancelled' | 'held';
export type Occurrence = {
  id: string | null;
  cadenceId: string;
  recurrenceStart: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: MeetingStatus;
  moved: boolean;
  title: string;
  location: string;
};

export type AgendaItem = { text: string; detail?: string; ref?: { kind: string; id: string } };
export type AgendaSection = { kind: string; title: string; empty: string; items: AgendaItem[] };
export type Agenda = { builtAt: string; scorecardPeriod: string | null; sections: AgendaSection[] };

export type ActionItem = {
  id: string;
  title: string;
  owner: { kind: 'user' | 'contact'; id: string; name: string } | null;
  dueOn: string | null;
  done: boolean;
  doneAt: string | null;
  ticket: { id: string; reference: string } | null;
};

export type Meeting = Occurrence & {
  contractId: string;
  contractName: string;
  clientId: string;
  clientName: string;
  sequence: number;
  agenda: Agenda | null;
  minutes: string;
  actionItems: ActionItem[];
  version: number;
};

export type CalendarFeed = { id: string; kind: 'user' | 'client'; client: { id: string; name: string } | null; createdAt: string; lastFetchedAt: string | null };
export type CreatedFeed = CalendarFeed & { url: string };
