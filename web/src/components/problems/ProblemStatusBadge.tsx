import { Badge, type BadgeProps } from '@mantine/core';
import type { ProblemStatus } from '../../api/journey-types';
import { problemStatusColours, problemStatusLabel } from './problem-format';

export function ProblemStatusBadge({ status, ...props }: { status: ProblemStatus } & BadgeProps) {
  return (
    <Badge color={problemStatusColours[status] ?? 'gray'} variant="light" radius="sm" {...props}>
      {problemStatusLabel(status)}
    </Badge>
  );
}
