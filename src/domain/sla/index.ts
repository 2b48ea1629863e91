export { buildClockTimeline, type ClockTimeline, type PauseWindow, type Retarget } from './clock-timeline';
export type {
  ClockEvent,
  ClockInput,
  ClockKind,
  ClockPolicy,
  ClockState,
  ClockStateName,
  ClockTarget,
  ThresholdCrossing,
  TicketEvent,
} from './clock-types';
export { DEFAULT_WARNING_THRESHOLDS, defaultPausesStopClock, evaluateClock, targetSeconds } from './evaluate-clock';
