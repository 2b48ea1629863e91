export * from './rrule';
export * from './local-time';
export * from './occurrences';
export * from './ics';
export * from './agenda';
export * from './presets';
