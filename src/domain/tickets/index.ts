export { toClockTarget } from './clock-target';
export { AT_RISK_PERCENT, CLOCK_KINDS, clockColumns, evaluateTicketClocks, toTicketEvent, type ClockColumns, type InitialClockTargets, type TicketClockInput, type TicketClocks, type TicketClockTargets, type TicketTargetsDocument } from './ticket-clocks';
export { DEFAULT_PAUSING_STATUSES, isOpen, OPEN_STATUSES, REOPEN_STATUS, statusTransition, TICKET_STATUSES, type StatusTransition, type TicketStatusName } from './ticket-status';
export { splitTimeEntry, type TimeSplit } from './time-split';
