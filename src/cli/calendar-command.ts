/**
 * `servicepact calendar due|between`: business-time arithmetic on a calendar file, for checking
 * a calendar definition or an SLA figure by hand. Output is JSON; errors go to stderr, exit 1.
 */

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { BusinessCalendar, CalendarError, type Pause } from '../domain/calendar';

/** What the commands touch outside themselves; replaced in tests. */
export interface CalendarCommandIo {
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
  fail(): void;
}

const nodeIo: CalendarCommandIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  fail: () => {
    process.exitCode = 1;
  },
};

/** A mistake in the command's input: printed as is, without a stack. */
export class CalendarCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarCommandError';
  }
}

export interface DueOptions {
  calendar: string;
  start: string;
  seconds?: string;
  days?: string;
  endOfDay?: boolean;
  pauses?: string;
}

export interface BetweenOptions {
  calendar: string;
  from: string;
  to: string;
  pauses?: string;
}

export interface DueResult {
  timeZone: string;
  start: string;
  startUtc: string;
  seconds?: number;
  days?: number;
  endOfDay?: boolean;
  due: string;
  dueUtc: string;
  businessSeconds: number;
}

export interface BetweenResult {
  timeZone: string;
  from: string;
  to: string;
  businessSeconds: number;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(text: string, name: string): Date {
  const date = new Date(text);
  if (!ISO_WITH_OFFSET.test(text) || Number.isNaN(date.getTime())) {
    throw new CalendarCommandError(`${name}: expected an ISO 8601 instant with an offset, e.g. 2026-02-02T09:00:00+01:00, got '${text}'`);
  }
  return date;
}

function parseWhole(text: string, name: string): number {
  if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new CalendarCommandError(`${name}: expected a whole number, got '${text}'`);
  return Number(text);
}

function readJson(io: CalendarCommandIo, path: string, name: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new CalendarCommandError(`${name}: cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CalendarCommandError(`${name}: '${path}' is not valid JSON (${(error as Error).message})`);
  }
}

function loadCalendar(io: CalendarCommandIo, path: string): BusinessCalendar {
  const json = readJson(io, path, '--calendar');
  try {
    return BusinessCalendar.from(json);
  } catch (error) {
    if (error instanceof CalendarError) throw new CalendarCommandError(`--calendar ${path}: ${error.message}`);
    throw error;
  }
}

/** A pauses file is a JSON array of `{ "from": ISO, "to": ISO }`. */
function loadPauses(io: CalendarCommandIo, path: string | undefined): Pause[] | undefined {
  if (path === undefined) return undefined;
  const json = readJson(io, path, '--pauses');
  if (!Array.isArray(json)) throw new CalendarCommandError(`--pauses ${path}: expected a JSON array of {"from": ISO, "to": ISO}`);
  return json.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) throw new CalendarCommandError(`--pauses ${path}: [${index}] is not an object`);
    const { from, to } = entry as Record<string, unknown>;
    if (typeof from !== 'string' || typeof to !== 'string') throw new CalendarCommandError(`--pauses ${path}: [${index}] needs "from" and "to" strings`);
    const pause = { from: parseInstant(from, `--pauses [${index}].from`), to: parseInstant(to, `--pauses [${index}].to`) };
    if (pause.to < pause.from) throw new CalendarCommandError(`--pauses ${path}: [${index}] ends before it starts`);
    return pause;
  });
}

export function calendarDue(options: DueOptions, io: CalendarCommandIo = nodeIo): DueResult {
  if ((options.seconds === undefined) === (options.days === undefined)) throw new CalendarCommandError('give exactly one of --seconds N or --days N');
  if (options.endOfDay === true && options.days === undefined) throw new CalendarCommandError('--end-of-day goes with --days');
  const calendar = loadCalendar(io, options.calendar);
  const start = parseInstant(options.start, '--start');
  const pauses = loadPauses(io, options.pauses);
  let due: Date;
  const result: Partial<DueResult> = { timeZone: calendar.timeZone, start: calendar.formatLocal(start), startUtc: start.toISOString() };
  if (options.seconds !== undefined) {
    const seconds = parseWhole(options.seconds, '--seconds');
    due = calendar.addBusinessTime(start, seconds, { pauses });
    result.seconds = seconds;
  } else {
    const days = parseWhole(options.days ?? '', '--days');
    if (pauses !== undefined) throw new CalendarCommandError('--pauses goes with --seconds (business days are counted without pauses)');
    due = calendar.addBusinessDays(start, days, { endOfDay: options.endOfDay === true });
    result.days = days;
    result.endOfDay = options.endOfDay === true;
  }
  return {
    ...result,
    due: calendar.formatLocal(due),
    dueUtc: due.toISOString(),
    businessSeconds: calendar.businessSecondsBetween(start, due, { pauses }),
  } as DueResult;
}

export function calendarBetween(options: BetweenOptions, io: CalendarCommandIo = nodeIo): BetweenResult {
  const calendar = loadCalendar(io, options.calendar);
  const from = parseInstant(options.from, '--from');
  const to = parseInstant(options.to, '--to');
  const pauses = loadPauses(io, options.pauses);
  return {
    timeZone: calendar.timeZone,
    from: calendar.formatLocal(from),
    to: calendar.formatLocal(to),
    businessSeconds: calendar.businessSecondsBetween(from, to, { pauses }),
  };
}

function run<T>(io: CalendarCommandIo, compute: () => T): void {
  try {
    io.out(JSON.stringify(compute(), null, 2));
  } catch (error) {
    if (error instanceof CalendarCommandError || error instanceof RangeError) {
      io.err(`error: ${error.message}`);
      io.fail();
      return;
    }
    throw error;
  }
}

export function registerCalendarCommands(program: Command, io: CalendarCommandIo = nodeIo): void {
  const calendar = program.command('calendar').description('business-time arithmetic on a calendar file (JSON, see docs/calendar.md)');

  calendar
    .command('due')
    .description('the instant at which a number of business seconds or days has elapsed')
    .requiredOption('--calendar <file>', 'calendar definition (JSON)')
    .requiredOption('--start <iso>', 'start instant, ISO 8601 with offset')
    .option('--seconds <n>', 'business seconds to add (negative: go back)')
    .option('--days <n>', 'business days to add (negative: go back)')
    .option('--end-of-day', "with --days: the target day's last closing instant")
    .option('--pauses <file>', 'JSON array of {"from": ISO, "to": ISO} during which no time counts')
    .allowExcessArguments(false)
    .action((options: DueOptions) => run(io, () => calendarDue(options, io)));

  calendar
    .command('between')
    .description('business seconds between two instants (negative when --to precedes --from)')
    .requiredOption('--calendar <file>', 'calendar definition (JSON)')
    .requiredOption('--from <iso>', 'ISO 8601 with offset')
    .requiredOption('--to <iso>', 'ISO 8601 with offset')
    .option('--pauses <file>', 'JSON array of {"from": ISO, "to": ISO} during which no time counts')
    .allowExcessArguments(false)
    .action((options: BetweenOptions) => run(io, () => calendarBetween(options, io)));
}
