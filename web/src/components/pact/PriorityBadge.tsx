import { Badge } from '@mantine/core';
import { usePriorityMatrix } from '../../api/pact-queries';

/** A priority in its tenant colour, with its name as the tooltip-free accessible label. */
export function PriorityBadge({ priority, withName = false }: { priority: string; withName?: boolean }) {
  const matrix = usePriorityMatrix();
  const p = matrix.data?.priorities.find((x) => x.key === priority);
  return (
    <Badge color={p?.colour ?? 'gray'} variant="filled" radius="sm" style={{ minWidth: 'max-content' }} title={p?.name}>
      {withName && p ? `${priority} · ${p.name}` : priority}
    </Badge>
  );
}
