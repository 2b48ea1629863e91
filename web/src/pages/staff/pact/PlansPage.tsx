import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconStack2 } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../api';
import { usePlans } from '../../../api/pact-queries';
import type { Plan, PlanDocument } from '../../../api/pact-types';
import { StatusBadge } from '../../../components/Badges';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { PriorityBadge } from '../../../components/pact/PriorityBadge';
import { priceText, targetText } from '../../../pact-labels';
import { canAdminister, useSignedIn } from '../../../session';

/** Silver, Gold, Platinum...: one card per plan with its price and fastest promise. */
export function PlansPage() {
  const { user } = useSignedIn();
  const plans = usePlans();
  const navigate = useNavigate();
  const canEdit = canAdminister(user.role);
  const newButton = canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/pact/plans/new')}>
      New plan
    </Button>
  );
  return (
    <>
      <PageHeader title="Plans" description="Service tiers: coverage, response and resolution per priority, and price." actions={newButton} />
      {plans.isPending ? (
        <TableSkeleton rows={3} />
      ) : plans.isError ? (
        <ErrorAlert error={plans.error} title="The plans could not be loaded" onRetry={() => plans.refetch()} />
      ) : plans.data.length === 0 ? (
        <EmptyState icon={<IconStack2 size={24} />} title="No plans yet" action={newButton}>
          A plan is what a client buys: targets per priority on a business calendar, and a price.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {[...plans.data].sort((a, b) => a.terms.price.amountMinor - b.terms.price.amountMinor).map((p) => (
            <PlanCard key={p.id} plan={p} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const priorities = Object.keys(plan.terms.targets).sort();
  return (
    <Card withBorder radius="md" padding="md" component={Link} to={`/pact/plans/${plan.id}`} aria-label={`Plan ${plan.name}`} style={{ opacity: plan.status === 'retired' ? 0.7 : 1 }}>
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Text fw={650} size="lg" style={{ overflowWrap: 'anywhere' }}>
          {plan.name}
        </Text>
        {plan.status === 'retired' && <StatusBadge status="retired" />}
      </Group>
      <Text size="sm" fw={600} c="indigo.7">
        {priceText(plan.terms.price)}
      </Text>
      {plan.description && (
        <Text size="sm" c="dimmed" mt={4} lineClamp={2}>
          {plan.description}
        </Text>
      )}
      <Stack gap={4} mt="sm">
        {priorities.map((k) => (
          <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
            <PriorityBadge priority={k} />
            <Text size="xs" c="dimmed">
              respond {targetText(plan.terms.targets[k]?.remote.response)}, resolve {targetText(plan.terms.targets[k]?.remote.resolution)}
            </Text>
          </Group>
        ))}
      </Stack>
      {plan.terms.servicesIncluded.length > 0 && (
        <Group gap={4} mt="sm">
          {plan.terms.servicesIncluded.slice(0, 4).map((s) => (
            <Badge key={s} variant="default" radius="sm" size="sm" style={{ textTransform: 'none' }}>
              {s}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}

/** The starting point for a new plan: a copy of the cheapest plan's targets, or empty. */
export function blankPlanDocument(template?: PlanDocument): PlanDocument {
  return template
    ? structuredClone(template)
    : { targets: {}, pausesStopResponse: false, warningThresholds: [50, 75, 90, 100], price: { amountMinor: 0, currency: 'EUR', basis: 'per_user' }, afterHoursMultiplierPercent: 150, servicesIncluded: [] };
}

export async function retirePlan(plan: Plan) {
  await api.post(`/plans/${plan.id}/retire`);
  notifications.show({ color: 'teal', message: `${plan.name} retired: no new contracts can choose it` });
}
