import { Badge, type BadgeProps } from '@mantine/core';
import type { JourneyStage } from '../../api/journey-types';
import { STAGE_INFO, stageLabel, stagePosition } from './journey-stages';

/** A stage with its number on the curve ("3. New processes"), coloured by where it sits. */
export function StageBadge({ stage, ...props }: { stage: JourneyStage } & BadgeProps) {
  return (
    <Badge color={STAGE_INFO[stage]?.badge ?? 'gray'} variant="light" radius="sm" tt="none" {...props}>
      {stagePosition(stage)}. {stageLabel(stage)}
    </Badge>
  );
}
