export { BusinessCalendar, type BusinessDaysOptions, type BusinessTimeOptions, type Pause } from './business-calendar';
export { CalendarError, type CalendarIssue } from './calendar-error';
export { calendarSchema, parseCalendarDefinition, type CalendarDefinition, type HolidayEntry } from './calendar-schema';
export { NeverOpenError } from './interval-index';
export { formatIsoInZone } from './zone';
