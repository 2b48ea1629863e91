import { Alert, Button, Group, List, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBulb, IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import { useCatalog, usePriorityMatrix } from '../../api/pact-queries';
import type { DeliveryMode, SimulatedClock, SimulateRequest, SimulateResult } from '../../api/pact-types';
import { useSites } from '../../api/queries';
import { formatDateTime } from '../../labels';
import { categoryLabels, targetText } from '../../pact-labels';
import { FormError } from '../ErrorAlert';
import { useApiForm } from '../useApiForm';
import { PriorityBadge } from './PriorityBadge';

type Values = { catalogItemId: string | null; urgency: string | null; impact: string | null; deliveryMode: DeliveryMode; siteId: string | null; at: string };

/** "What would this ticket get?": the lookup of targets for a client, explained step by step. */
export function SimulatorPanel({ clientId }: { clientId: string | null }) {
  const matrix = usePriorityMatrix();
  const catalog = useCatalog();
  const sites = useSites(clientId ?? '');
  const [values, setValues] = useState<Values>({ catalogItemId: null, urgency: null, impact: null, deliveryMode: 'remote', siteId: null, at: '' });
  const form = useApiForm({
    fieldNames: ['catalogItemId', 'urgency', 'impact', 'deliveryMode', 'siteId', 'at', 'clientId'],
    mutationFn: (body: SimulateRequest) => api.post<SimulateResult>('/targets/simulate', body),
  });
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    form.touch(k);
  };
  const pickItem = (id: string | null) => {
    const item = catalog.data?.find((c) => c.id === id);
    setValues((old) => ({
      ...old,
      catalogItemId: id,
      urgency: item?.defaultUrgency ?? old.urgency,
      impact: item?.defaultImpact ?? old.impact,
      deliveryMode: item && item.deliveryMode !== 'either' ? item.deliveryMode : old.deliveryMode,
    }));
  };
  const urgency = values.urgency ?? matrix.data?.urgencies[0]?.key ?? '';
  const impact = values.impact ?? matrix.data?.impacts[0]?.key ?? '';
  const items = (catalog.data ?? []).filter((c) => c.status !== 'retired');
  const itemOptions = Object.entries(categoryLabels)
    .map(([cat, label]) => ({ group: label, items: items.filter((i) => i.category === cat).map((i) => ({ value: i.id, label: i.name })) }))
    .filter((g) => g.items.length > 0);
  const submit = () => {
    if (!clientId) return;
    form.mutation.mutate({
      clientId,
      urgency,
      impact,
      deliveryMode: values.deliveryMode,
      ...(values.catalogItemId ? { catalogItemId: values.catalogItemId } : {}),
      ...(values.siteId ? { siteId: values.siteId } : {}),
      ...(values.at ? { at: new Date(values.at).toISOString() } : {}),
    });
  };
  const result = form.mutation.data;
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Select
              label="Catalog item"
              description="Optional: the kind of issue. Its default urgency, impact and delivery mode are filled in."
              placeholder={catalog.isPending ? 'Loading the catalog…' : 'Search the catalog'}
              searchable
              clearable
              nothingFoundMessage="No catalog item matches"
              data={itemOptions}
              value={values.catalogItemId}
              onChange={pickItem}
              error={form.fieldError('catalogItemId')}
              maxDropdownHeight={300}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Urgency"
                allowDeselect={false}
                data={(matrix.data?.urgencies ?? []).map((u) => ({ value: u.key, label: u.name }))}
                value={urgency || null}
                onChange={(v) => v && set('urgency', v)}
                error={form.fieldError('urgency')}
              />
              <Select
                label="Impact"
                allowDeselect={false}
                data={(matrix.data?.impacts ?? []).map((u) => ({ value: u.key, label: u.name }))}
                value={impact || null}
                onChange={(v) => v && set('impact', v)}
                error={form.fieldError('impact')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="sim-delivery">
                  Delivery
                </Text>
                <SegmentedControl
                  aria-labelledby="sim-delivery"
                  value={values.deliveryMode}
                  onChange={(v) => set('deliveryMode', v as DeliveryMode)}
                  data={[
                    { value: 'remote', label: 'Remote' },
                    { value: 'onsite', label: 'On-site' },
                  ]}
                />
              </Stack>
              <Select
                label="Site"
                placeholder={sites.data?.length ? 'Main site' : 'No sites'}
                clearable
                data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={values.siteId}
                onChange={(v) => set('siteId', v)}
                error={form.fieldError('siteId')}
              />
              <TextInput
                label="Opened at"
                description="Empty: now"
                type="datetime-local"
                value={values.at}
                onChange={(e) => set('at', e.currentTarget.value)}
                error={form.fieldError('at')}
              />
            </SimpleGrid>
            <FormError message={form.formError} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.mutation.isPending} disabled={!clientId || !urgency || !impact} leftSection={<IconClock size={16} />}>
                Show targets
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {result && <SimulationResult result={result} />}
    </Stack>
  );
}

function ClockCard({ title, clock }: { title: string; clock: SimulatedClock }) {
  const thresholds = clock.thresholds ?? clock.warningThresholds ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {title}
      </Text>
      <Text size="xl" fw={650} mt={4}>
        within {targetText(clock.target)}
      </Text>
      {clock.due && (
        <Text size="sm" mt={2}>
          Due {formatDateTime(clock.due)}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {clock.pausesStopClock ? 'Pauses stop this clock.' : 'This clock keeps running while waiting on you.'}
        {thresholds.length > 0 && ` Warnings at ${thresholds.join(', ')} %.`}
      </Text>
    </Paper>
  );
}

export function SimulationResult({ result }: { result: SimulateResult }) {
  // The overall explanation already lists each clock's steps; older answers only had them per clock.
  const steps = result.explanation.length > 0 ? result.explanation : [...result.firstResponse.explanation, ...result.resolution.explanation];
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Targets for this ticket">
      <Group gap="sm" mb="md">
        <Title order={3} size="h4">
          This ticket would get
        </Title>
        <PriorityBadge priority={result.priority} withName />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <ClockCard title="First response" clock={result.firstResponse} />
        <ClockCard title="Resolution" clock={result.resolution} />
      </SimpleGrid>
      <Alert variant="light" color="indigo" icon={<IconBulb size={18} />} title="Why">
        <List size="sm" spacing={4} aria-label="Explanation">
          {steps.map((line, i) => (
            <List.Item key={i}>{line}</List.Item>
          ))}
        </List>
      </Alert>
    </Paper>
  );
}
