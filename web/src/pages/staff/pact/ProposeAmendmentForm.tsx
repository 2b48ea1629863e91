import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../../api';
import { useCatalog, useInvalidateContracts, usePlans, useRiders } from '../../../api/pact-queries';
import type { Amendment, AmendmentChange, Contract, Target } from '../../../api/pact-types';
import { FormError } from '../../../components/ErrorAlert';
import { TargetInput } from '../../../components/pact/TargetInput';
import { useApiForm } from '../../../components/useApiForm';
import { categoryLabels } from '../../../pact-labels';
import { isoToLocalInput, localInputToIso } from './date-inputs';

type Kind = 'rider_added' | 'rider_removed' | 'plan_changed' | 'catalog_override_set';

const kinds: { value: Kind; label: string }[] = [
  { value: 'rider_added', label: 'Add rider' },
  { value: 'rider_removed', label: 'Remove rider' },
  { value: 'plan_changed', label: 'Change plan' },
  { value: 'catalog_override_set', label: 'Catalog override' },
];

/** One change to a live contract, effective at an instant; the client admin accepts it. */
export function ProposeAmendmentForm({ contract, onDone }: { contract: Contract; onDone: () => void }) {
  const riders = useRiders();
  const plans = usePlans();
  const catalog = useCatalog();
  const invalidate = useInvalidateContracts();
  const terms = contract.termsNow;
  const current = new Set(terms?.riders.map((r) => r.riderId) ?? []);
  const [kind, setKind] = useState<Kind>('rider_added');
  const [effectiveAt, setEffectiveAt] = useState(isoToLocalInput(new Date().toISOString()));
  const [riderId, setRiderId] = useState<string | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [response, setResponse] = useState<Target>({ unit: 'minutes', minutes: 60 });
  const [resolution, setResolution] = useState<Target>({ unit: 'minutes', minutes: 240 });
  const [missing, setMissing] = useState<string | null>(null);
  const form = useApiForm({
    fieldNames: ['effectiveAt', 'changes', 'changes[0]', 'changes.0', 'changes.0.riderId', 'changes.0.toPlanId', 'changes.0.catalogItemId'],
    mutationFn: (changes: AmendmentChange[]) => api.post<Amendment>(`/contracts/${contract.id}/amendments`, { effectiveAt: localInputToIso(effectiveAt), changes }),
    onSuccess: async (a) => {
      notifications.show({ color: 'teal', message: `Amendment ${a.number} proposed; the client admin can now accept it` });
      await invalidate();
      onDone();
    },
  });
  const change = (): AmendmentChange | null => {
    if (kind === 'rider_added' || kind === 'rider_removed') return riderId ? { type: kind, riderId } : null;
    if (kind === 'plan_changed') return planId ? { type: 'plan_changed', fromPlanId: terms?.plan.planId ?? null, toPlanId: planId } : null;
    return itemId ? { type: 'catalog_override_set', catalogItemId: itemId, turnaround: { remote: { response, resolution } } } : null;
  };
  const riderOptions = (riders.data ?? [])
    .filter((r) => (kind === 'rider_added' ? !current.has(r.id) && r.status !== 'retired' : current.has(r.id)))
    .map((r) => ({ value: r.id, label: r.name }));
  const changeError = form.fieldError('changes') ?? form.fieldError('changes[0]') ?? form.fieldError('changes.0') ?? missing ?? undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const c = change();
        if (!c) return setMissing('Choose what changes');
        form.mutation.mutate([c]);
      }}
    >
      <Stack>
        <SegmentedControl
          aria-label="Kind of change"
          fullWidth
          data={kinds}
          value={kind}
          onChange={(v) => {
            setKind(v as Kind);
            setMissing(null);
          }}
          styles={{ root: { flexWrap: 'wrap' } }}
        />
        {(kind === 'rider_added' || kind === 'rider_removed') && (
          <Select
            label="Rider"
            data-autofocus
            placeholder={riderOptions.length ? 'Pick a rider' : kind === 'rider_added' ? 'Every rider is already included' : 'This contract has no riders'}
            data={riderOptions}
            value={riderId}
            onChange={(v) => {
              setRiderId(v);
              setMissing(null);
            }}
            error={form.fieldError('changes.0.riderId') ?? changeError}
          />
        )}
        {kind === 'plan_changed' && (
          <Select
            label="New plan"
            description={terms ? `Now: ${terms.plan.name}` : undefined}
            data={(plans.data ?? []).filter((p) => p.status !== 'retired' && p.id !== terms?.plan.planId).map((p) => ({ value: p.id, label: p.name }))}
            value={planId}
            onChange={(v) => {
              setPlanId(v);
              setMissing(null);
            }}
            error={form.fieldError('changes.0.toPlanId') ?? changeError}
          />
        )}
        {kind === 'catalog_override_set' && (
          <>
            <Select
              label="Catalog item"
              searchable
              nothingFoundMessage="No catalog item matches"
              data={Object.entries(categoryLabels)
                .map(([cat, label]) => ({ group: label, items: (catalog.data ?? []).filter((i) => i.category === cat).map((i) => ({ value: i.id, label: i.name })) }))
                .filter((g) => g.items.length > 0)}
              value={itemId}
              onChange={(v) => {
                setItemId(v);
                setMissing(null);
              }}
              error={form.fieldError('changes.0.catalogItemId') ?? changeError}
            />
            <Text size="sm" c="dimmed">
              Remote targets for this client only; they beat the catalog&apos;s turnaround for the plan.
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TargetInput label="Response" value={response} onChange={setResponse} />
              <TargetInput label="Resolution" value={resolution} onChange={setResolution} />
            </SimpleGrid>
          </>
        )}
        <TextInput
          label="Effective from"
          description="Applies to tickets opened from this instant, or from acceptance if that is later"
          type="datetime-local"
          value={effectiveAt}
          onChange={(e) => {
            setEffectiveAt(e.currentTarget.value);
            form.touch('effectiveAt');
          }}
          error={form.fieldError('effectiveAt')}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Propose amendment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
