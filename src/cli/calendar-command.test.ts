import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { calendarBetween, calendarDue, registerCalendarCommands, type CalendarCommandIo } from './calendar-command';

const files: Record<string, string> = {
  'office.json': JSON.stringify({
    timeZone: 'Europe/Berlin',
    week: { mon: [['08:00', '12:00'], ['13:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']], thu: [['08:00', '17:00']], fri: [['08:00', '16:00']] },
    holidays: ['2026-12-24'],
  }),
  'bad.json': JSON.stringify({ timeZone: 'Europe/Berlin', week: { mon: [['08:00', '25:00']] } }),
  'broken.json': '{ "timeZone": ',
  'pauses.json': JSON.stringify([{ from: '2026-02-02T09:30:00+01:00', to: '2026-02-02T10:30:00+01:00' }]),
};

function fakeIo(): CalendarCommandIo & { stdout: string[]; stderr: string[]; failed: boolean } {
  const io = {
    stdout: [] as string[],
    stderr: [] as string[],
    failed: false,
    readFile(path: string): string {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    out(text: string): void {
      io.stdout.push(text);
    },
    err(text: string): void {
      io.stderr.push(text);
    },
    fail(): void {
      io.failed = true;
    },
  };
  return io;
}

async function runCli(args: string[]): Promise<ReturnType<typeof fakeIo>> {
  const io = fakeIo();
  const program = new Command().exitOverride();
  registerCalendarCommands(program, io);
  await program.parseAsync(args, { from: 'user' });
  return io;
}

describe('calendar due', () => {
  it('prints the due instant in the calendar zone and in UTC', async () => {
    // Mon 09:00 + 2 h with 09:30-10:30 paused: 30 min, then 90 min from 10:30 -> the 12:00 closing.
    const io = await runCli(['calendar', 'due', '--calendar', 'office.json', '--start', '2026-02-02T09:00:00+01:00', '--seconds', '7200', '--pauses', 'pauses.json']);
    expect(io.failed).toBe(false);
    expect(JSON.parse(io.stdout[0] ?? '')).toEqual({
      timeZone: 'Europe/Berlin',
      start: '2026-02-02T09:00:00+01:00',
      startUtc: '2026-02-02T08:00:00.000Z',
      seconds: 7200,
      due: '2026-02-02T12:00:00+01:00',
      dueUtc: '2026-02-02T11:00:00.000Z',
      businessSeconds: 7200,
    });
  });

  it('adds business days with --end-of-day, across a holiday', () => {
    // Wed 23 Dec 2026 + 1 business day: 24 Dec is a holiday -> Fri 25 Dec (no set), closing 16:00.
    const result = calendarDue({ calendar: 'office.json', start: '2026-12-23T10:00:00Z', days: '1', endOfDay: true }, fakeIo());
    expect(result.due).toBe('2026-12-25T16:00:00+01:00');
    expect(result.dueUtc).toBe('2026-12-25T15:00:00.000Z');
  });

  it('goes backwards with a negative number (--seconds=-N)', async () => {
    const io = await runCli(['calendar', 'due', '--calendar', 'office.json', '--start', '2026-02-09T09:00:00+01:00', '--seconds=-7200']);
    // 1 h back to Mon 08:00, then Friday 16:00 - 1 h.
    expect(JSON.parse(io.stdout[0] ?? '').due).toBe('2026-02-06T15:00:00+01:00');
  });

  it.each<[string, string[], RegExp]>([
    ['neither seconds nor days', ['--start', '2026-02-02T09:00:00Z'], /exactly one of --seconds N or --days N/],
    ['both seconds and days', ['--start', '2026-02-02T09:00:00Z', '--seconds', '1', '--days', '1'], /exactly one of/],
    ['end of day without days', ['--start', '2026-02-02T09:00:00Z', '--seconds', '1', '--end-of-day'], /--end-of-day goes with --days/],
    ['a start without offset', ['--start', '2026-02-02T09:00:00', '--seconds', '1'], /--start: expected an ISO 8601 instant with an offset/],
    ['a fractional number', ['--start', '2026-02-02T09:00:00Z', '--seconds', '1.5'], /--seconds: expected a whole number, got '1.5'/],
    ['a missing pauses file', ['--start', '2026-02-02T09:00:00Z', '--seconds', '1', '--pauses', 'nope.json'], /--pauses: cannot read 'nope.json' \(ENOENT\)/],
  ])('fails clearly: %s', async (_name, args, message) => {
    const io = await runCli(['calendar', 'due', '--calendar', 'office.json', ...args]);
    expect(io.failed).toBe(true);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it.each<[string, string, RegExp]>([
    ['an invalid calendar names the field', 'bad.json', /--calendar bad\.json: invalid calendar: week\.mon\[0\]: invalid end time '25:00'/],
    ['a calendar that is not JSON', 'broken.json', /--calendar: 'broken\.json' is not valid JSON/],
    ['a missing calendar file', 'missing.json', /--calendar: cannot read 'missing\.json'/],
  ])('fails clearly: %s', async (_name, file, message) => {
    const io = await runCli(['calendar', 'due', '--calendar', file, '--start', '2026-02-02T09:00:00Z', '--seconds', '60']);
    expect(io.failed).toBe(true);
    expect(io.stderr.join('\n')).toMatch(message);
  });
});

describe('calendar between', () => {
  it('prints business seconds, negative when reversed', async () => {
    // Mon 2 Feb 00:00 -> Mon 9 Feb 00:00: 8 + 9 + 9 + 9 + 8 = 43 h.
    const io = await runCli(['calendar', 'between', '--calendar', 'office.json', '--from', '2026-02-02T00:00:00+01:00', '--to', '2026-02-09T00:00:00+01:00']);
    expect(JSON.parse(io.stdout[0] ?? '')).toEqual({ timeZone: 'Europe/Berlin', from: '2026-02-02T00:00:00+01:00', to: '2026-02-09T00:00:00+01:00', businessSeconds: 43 * 3600 });
    expect(calendarBetween({ calendar: 'office.json', from: '2026-02-09T00:00:00+01:00', to: '2026-02-02T00:00:00+01:00' }, fakeIo()).businessSeconds).toBe(-43 * 3600);
  });

  it('subtracts pauses', () => {
    expect(calendarBetween({ calendar: 'office.json', from: '2026-02-02T09:00:00+01:00', to: '2026-02-02T11:00:00+01:00', pauses: 'pauses.json' }, fakeIo()).businessSeconds).toBe(3600);
  });

  it('requires its options', async () => {
    await expect(runCli(['calendar', 'between', '--calendar', 'office.json', '--from', '2026-02-02T09:00:00Z'])).rejects.toThrow(/--to/);
  });
});
