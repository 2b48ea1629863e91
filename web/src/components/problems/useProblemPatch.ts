import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { journeyKeys, problemPath, useInvalidateJourney } from '../../api/journey-queries';
import type { Problem, ProblemPatch } from '../../api/journey-types';
import { useApiForm } from '../useApiForm';

/** PATCH /problems/:id with If-Match; the saved problem replaces the cached one. */
export function useProblemPatch(problem: Problem, fieldNames: string[], onSaved?: () => void) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateJourney();
  return useApiForm({
    fieldNames,
    mutationFn: ({ body }: { body: ProblemPatch; message: string }) => api.patch<Problem>(problemPath(problem.id), body, problem.version),
    onSuccess: async (saved, { message }) => {
      notifications.show({ color: 'teal', message });
      queryClient.setQueryData(journeyKeys.problem(problem.id), saved);
      await invalidate();
      onSaved?.();
    },
  });
}
