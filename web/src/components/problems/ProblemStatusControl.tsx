import { Select, Stack, Text } from '@mantine/core';
import type { Problem, ProblemStatus } from '../../api/journey-types';
import { formatDateTime } from '../../labels';
import { FormError } from '../ErrorAlert';
import { PROBLEM_STATUSES, problemStatusHelp, problemStatusLabels } from './problem-format';
import { useProblemPatch } from './useProblemPatch';

/** The problem's status, changed in place; resolving it stamps the resolution time. */
export function ProblemStatusControl({ problem }: { problem: Problem }) {
  const patch = useProblemPatch(problem, ['status']);
  return (
    <Stack gap={6}>
      <Select
        aria-label="Status"
        data={PROBLEM_STATUSES.map((s) => ({ value: s, label: problemStatusLabels[s] }))}
        value={problem.status}
        allowDeselect={false}
        onChange={(v) => v && v !== problem.status && patch.mutation.mutate({ body: { status: v as ProblemStatus }, message: `Status: ${problemStatusLabels[v as ProblemStatus]}` })}
        renderOption={({ option }) => (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {problemStatusHelp[option.value as ProblemStatus]}
            </Text>
          </div>
        )}
        description={problemStatusHelp[problem.status]}
        error={patch.fieldError('status')}
        disabled={patch.mutation.isPending}
        comboboxProps={{ withinPortal: true }}
      />
      <Text size="xs" c="dimmed">
        Opened {formatDateTime(problem.openedAt)}
        {problem.resolvedAt ? ` · resolved ${formatDateTime(problem.resolvedAt)}` : ''}
      </Text>
      <FormError message={patch.formError} />
    </Stack>
  );
}
