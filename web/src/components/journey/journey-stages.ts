import { JOURNEY_STAGES, JOURNEY_STAGE_LABELS, type JourneyStage } from '../../../../src/domain/satisfaction/satisfaction-types';

export { JOURNEY_STAGES, JOURNEY_STAGE_LABELS };
export type { JourneyStage };

/** Where a stage sits on document 002's curve: rising, falling to the low point, recovering, the plateau. */
export type StagePhase = 'rise' | 'dip' | 'low' | 'recovery' | 'plateau';

type StageInfo = { phase: StagePhase; help: string; band: string; badge: string };

// Band colours are pale so the lines over them stay readable; neighbouring stages differ in shade.
// Badge colours are Mantine colour names with the same meaning.
export const STAGE_INFO: Record<JourneyStage, StageInfo> = {
  onboarding_pain_points: {
    phase: 'rise',
    help: 'Just after onboarding: fixing the specific problems the client raised when signing. Satisfaction usually rises.',
    band: '#d3f9d8',
    badge: 'green',
  },
  easy_wins: {
    phase: 'rise',
    help: 'Quick improvements to performance or reliability found while learning the environment. Satisfaction keeps rising.',
    band: '#b2f2bb',
    badge: 'green',
  },
  new_processes: {
    phase: 'dip',
    help: 'Best-practice procedures (support, change, provisioning) bring friction: “why can’t we do what we did before?”. Satisfaction starts to fall.',
    band: '#fff3bf',
    badge: 'yellow',
  },
  enhanced_security_measures: {
    phase: 'dip',
    help: 'Multi-factor sign-in and other security controls add steps for users. Expect friction.',
    band: '#ffe8cc',
    badge: 'orange',
  },
  user_training: {
    phase: 'dip',
    help: 'New tools and processes need user training; people feel it takes time from their work.',
    band: '#ffd8a8',
    badge: 'orange',
  },
  old_intractables: {
    phase: 'low',
    help: 'A long-standing issue without a quick fix surfaces: the low point. Keep talking, show the plan and measure progress.',
    band: '#ffc9c9',
    badge: 'red',
  },
  refresh_or_migration: {
    phase: 'recovery',
    help: 'A hardware refresh or technology migration moves the old intractables. Satisfaction recovers.',
    band: '#d0ebff',
    badge: 'blue',
  },
  successful_initiatives: {
    phase: 'recovery',
    help: 'Initiatives deliver growth or better operations for the client’s business.',
    band: '#a5d8ff',
    badge: 'blue',
  },
  comfortable_reliability: {
    phase: 'plateau',
    help: 'The plateau: both sides find the agreement rewarding and the relationship settles in for the long term.',
    band: '#c3fae8',
    badge: 'teal',
  },
};

export const stageLabel = (stage: string): string => (stage in JOURNEY_STAGE_LABELS ? JOURNEY_STAGE_LABELS[stage as JourneyStage] : stage);

/** 1-based position on the curve: "3 of 9". */
export const stagePosition = (stage: JourneyStage): number => JOURNEY_STAGES.indexOf(stage) + 1;

export const phaseWords: Record<StagePhase, string> = {
  rise: 'satisfaction usually rises',
  dip: 'friction: satisfaction usually dips',
  low: 'the usual low point',
  recovery: 'satisfaction usually recovers',
  plateau: 'the plateau',
};
