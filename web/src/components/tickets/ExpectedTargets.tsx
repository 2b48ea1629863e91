import { Alert, Collapse, List, Loader, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconClock, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, errorMessage } from '../../api';
import type { DeliveryMode, SimulateRequest, SimulateResult } from '../../api/pact-types';
import { targetText } from '../../pact-labels';
import { expectedSentence } from '../../ticket-labels';
import { PriorityBadge } from '../pact/PriorityBadge';

export type ExpectedTargetsInput = {
  clientId: string;
  catalogItemId: string | null;
  urgency: string;
  impact: string;
  deliveryMode: DeliveryMode;
  siteId: string | null;
};

/**
 * "Expected first response within 30 min, resolution within 4 business hours", from the target
 * simulator, before the ticket is submitted; the explanation folds out.
 */
export function ExpectedTargets({ input, settling = false }: { input: ExpectedTargetsInput | null; settling?: boolean }) {
  const [open, { toggle }] = useDisclosure(false);
  const sim = useQuery({
    queryKey: ['targets', 'simulate', input],
    queryFn: () => {
      const i = input as ExpectedTargetsInput;
      const body: SimulateRequest = {
        clientId: i.clientId,
        urgency: i.urgency,
        impact: i.impact,
        deliveryMode: i.deliveryMode,
        ...(i.catalogItemId ? { catalogItemId: i.catalogItemId } : {}),
        ...(i.siteId ? { siteId: i.siteId } : {}),
      };
      return api.post<SimulateResult>('/targets/simulate', body);
    },
    enabled: input !== null && input.clientId !== '' && input.urgency !== '' && input.impact !== '',
    retry: false,
    staleTime: 60_000,
  });
  if (!input || input.clientId === '') return null;
  if (sim.isPending || settling)
    return (
      <Alert variant="light" color="gray" icon={<Loader size={16} />} aria-label="Expected times">
        Working out the expected times…
      </Alert>
    );
  if (sim.isError) {
    const noContract = sim.error instanceof ApiError && sim.error.status === 409;
    return (
      <Alert variant="light" color="orange" icon={<IconInfoCircle size={18} />} title={noContract ? 'No active contract' : 'Expected times unavailable'} aria-label="Expected times">
        {noContract ? 'There is no contract in force, so this ticket will have no response or resolution targets.' : errorMessage(sim.error)}
      </Alert>
    );
  }
  const r = sim.data;
  const steps = r.explanation.length > 0 ? r.explanation : [...r.firstResponse.explanation, ...r.resolution.explanation];
  return (
    <Alert variant="light" color="indigo" icon={<IconClock size={18} />} aria-label="Expected times">
      <Group gap="xs" mb={4} wrap="wrap">
        <Text size="sm" fw={600}>
          {expectedSentence(targetText(r.firstResponse.target), targetText(r.resolution.target))}
        </Text>
        <PriorityBadge priority={r.priority} withName />
      </Group>
      <UnstyledButton onClick={toggle} aria-expanded={open} fz="sm" c="indigo">
        <Group gap={4}>
          {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          Why these times
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <List size="sm" spacing={2} mt="xs" aria-label="Explanation">
          {steps.map((line, i) => (
            <List.Item key={i}>{line}</List.Item>
          ))}
        </List>
      </Collapse>
    </Alert>
  );
}
