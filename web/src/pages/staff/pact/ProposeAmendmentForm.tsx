import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../../api';
import { useCatalog, useInvalidateContracts, usePlans, useRiders } from '../../../api/pact-queries';
import type { Amendment, Contract, Target } from '../../../api/pact-types';
import { FormError } from '../../../components/ErrorAlert';
import { useGoalScopeOptions, type TermsProposal } from '../../../components/pact/ContractGoalsSection';
import { GoalFields, ResponsibilityFields } from '../../../components/pact/GoalFields';
import { GoalCard, ResponsibilityItem } from '../../../components/pact/GoalsAndResponsibilities';
import { goalBody, goalDraftFrom, newGoalDraft, newResponsibilityDraft, prefixesOf, responsibilityBody, responsibilityDraftFrom } from '../../../components/pact/goal-draft';
import { TargetInput } from '../../../components/pact/TargetInput';
import { useNestedErrors } from '../../../components/pact/useNestedErrors';
import { useApiForm } from '../../../components/useApiForm';
import { categoryLabels } from '../../../pact-labels';
import { isoToLocalInput, localInputToIso } from './date-inputs';

type Kind = 'rider_added' | 'rider_removed' | 'plan_changed' | 'catalog_override_set' | 'goal' | 'responsibility';

const kinds: { value: Kind; label: string }[] = [
  { value: 'rider_added', label: 'Add rider' },
  { value: 'rider_removed', label: 'Remove rider' },
  { value: 'plan_changed', label: 'Change plan' },
  { value: 'catalog_override_set', label: 'Catalog override' },
  { value: 'goal', label: 'Goal' },
  { value: 'responsibility', label: 'Responsibility' },
];

const NEW = 'new';

/**
 * One change to a live contract, effective at an instant; the client admin accepts it. `initial`
 * opens it on a goal or responsibility (new, to change, or to remove).
 */
export function ProposeAmendmentForm({ contract, onDone, initial }: { contract: Contract; onDone: () => void; initial?: TermsProposal }) {
  const riders = useRiders();
  const plans = usePlans();
  const catalog = useCatalog();
  const invalidate = useInvalidateContracts();
  const terms = contract.termsNow;
  const current = new Set(terms?.riders.map((r) => r.riderId) ?? []);
  const [kind, setKind] = useState<Kind>(initial?.kind ?? 'rider_added');
  const goals = terms?.goals ?? [];
  const responsibilities = terms?.responsibilities ?? [];
  const currency = terms?.plan.price.currency ?? 'EUR';
  const scope = useGoalScopeOptions(contract.clientId);
  const initialGoal = initial?.kind === 'goal' && initial.id ? goals.find((g) => g.goalId === initial.id) : undefined;
  const initialResponsibility = initial?.kind === 'responsibility' && initial.id ? responsibilities.find((r) => r.responsibilityId === initial.id) : undefined;
  const [goalId, setGoalId] = useState<string>(initialGoal?.goalId ?? NEW);
  const [removeGoal, setRemoveGoal] = useState(!!(initialGoal && initial?.remove));
  const [goalDraft, setGoalDraft] = useState(() => (initialGoal ? goalDraftFrom(initialGoal) : newGoalDraft()));
  const [responsibilityId, setResponsibilityId] = useState<string>(initialResponsibility?.responsibilityId ?? NEW);
  const [removeResponsibility, setRemoveResponsibility] = useState(!!(initialResponsibility && initial?.remove));
  const [responsibilityDraft, setResponsibilityDraft] = useState(() => (initialResponsibility ? responsibilityDraftFrom(initialResponsibility) : newResponsibilityDraft()));
  const [effectiveAt, setEffectiveAt] = useState(isoToLocalInput(new Date().toISOString()));
  const [riderId, setRiderId] = useState<string | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [response, setResponse] = useState<Target>({ unit: 'minutes', minutes: 60 });
  const [resolution, setResolution] = useState<Target>({ unit: 'minutes', minutes: 240 });
  const [missing, setMissing] = useState<string | null>(null);
  const form = useApiForm({
    fieldNames: [
      'effectiveAt',
      'changes',
      'changes[0]',
      'changes.0',
      'changes.0.riderId',
      'changes.0.toPlanId',
      'changes.0.catalogItemId',
      'changes[0].goalId',
      'changes.0.goalId',
      'changes[0].responsibilityId',
      'changes.0.responsibilityId',
    ],
    // Goal and responsibility changes are sent as typed; the server checks them and names the field.
    mutationFn: (changes: unknown[]) => api.post<Amendment>(`/contracts/${contract.id}/amendments`, { effectiveAt: localInputToIso(effectiveAt), changes }),
    onSuccess: async (a) => {
      notifications.show({ color: 'teal', message: `Amendment ${a.number} proposed; the client admin can now accept it` });
      await invalidate();
      onDone();
    },
  });
  const goalErrors = useNestedErrors(form.mutation.error, prefixesOf('changes[0].goal'));
  const responsibilityErrors = useNestedErrors(form.mutation.error, prefixesOf('changes[0].responsibility'));
  const change = (): Record<string, unknown> | null => {
    if (kind === 'goal') {
      if (goalId !== NEW && removeGoal) return { type: 'goal_removed', goalId };
      return { type: 'goal_set', goal: goalBody({ ...goalDraft, goalId: goalId === NEW ? undefined : goalId }) };
    }
    if (kind === 'responsibility') {
      if (responsibilityId !== NEW && removeResponsibility) return { type: 'responsibility_removed', responsibilityId };
      return { type: 'responsibility_set', responsibility: responsibilityBody({ ...responsibilityDraft, responsibilityId: responsibilityId === NEW ? undefined : responsibilityId }) };
    }
    if (kind === 'rider_added' || kind === 'rider_removed') return riderId ? { type: kind, riderId } : null;
    if (kind === 'plan_changed') return planId ? { type: 'plan_changed', fromPlanId: terms?.plan.planId ?? null, toPlanId: planId } : null;
    return itemId ? { type: 'catalog_override_set', catalogItemId: itemId, turnaround: { remote: { response, resolution } } } : null;
  };
  const riderOptions = (riders.data ?? [])
    .filter((r) => (kind === 'rider_added' ? !current.has(r.id) && r.status !== 'retired' : current.has(r.id)))
    .map((r) => ({ value: r.id, label: r.name }));
  const changeError = form.fieldError('changes') ?? form.fieldError('changes[0]') ?? form.fieldError('changes.0') ?? missing ?? undefined;
  const formError = goalErrors.placed || responsibilityErrors.placed ? null : form.formError;
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
        {kind === 'goal' && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <Select
                label="Goal"
                allowDeselect={false}
                data={[{ value: NEW, label: 'A new goal' }, ...goals.map((g) => ({ value: g.goalId, label: g.objective }))]}
                value={goalId}
                error={form.fieldError('changes[0].goalId') ?? form.fieldError('changes.0.goalId')}
                onChange={(v) => {
                  const id = v ?? NEW;
                  setGoalId(id);
                  const existing = goals.find((g) => g.goalId === id);
                  setGoalDraft(existing ? goalDraftFrom(existing) : newGoalDraft());
                  if (!existing) setRemoveGoal(false);
                }}
              />
              {goalId !== NEW && (
                <SegmentedControl
                  aria-label="Change or remove the goal"
                  style={{ alignSelf: 'end' }}
                  data={[
                    { value: 'change', label: 'Change it' },
                    { value: 'remove', label: 'Remove it' },
                  ]}
                  value={removeGoal ? 'remove' : 'change'}
                  onChange={(v) => setRemoveGoal(v === 'remove')}
                />
              )}
            </SimpleGrid>
            {goalId !== NEW && removeGoal ? (
              <GoalCard goal={goals.find((g) => g.goalId === goalId)!} currency={currency} siteNames={scope.siteNames} />
            ) : (
              <GoalFields value={goalDraft} onChange={setGoalDraft} errors={goalErrors} priorities={scope.priorities} sites={scope.sites} currency={currency} />
            )}
          </>
        )}
        {kind === 'responsibility' && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <Select
                label="Client responsibility"
                allowDeselect={false}
                data={[{ value: NEW, label: 'A new responsibility' }, ...responsibilities.map((r) => ({ value: r.responsibilityId, label: r.description }))]}
                value={responsibilityId}
                error={form.fieldError('changes[0].responsibilityId') ?? form.fieldError('changes.0.responsibilityId')}
                onChange={(v) => {
                  const id = v ?? NEW;
                  setResponsibilityId(id);
                  const existing = responsibilities.find((r) => r.responsibilityId === id);
                  setResponsibilityDraft(existing ? responsibilityDraftFrom(existing) : newResponsibilityDraft());
                  if (!existing) setRemoveResponsibility(false);
                }}
              />
              {responsibilityId !== NEW && (
                <SegmentedControl
                  aria-label="Change or remove the responsibility"
                  style={{ alignSelf: 'end' }}
                  data={[
                    { value: 'change', label: 'Change it' },
                    { value: 'remove', label: 'Remove it' },
                  ]}
                  value={removeResponsibility ? 'remove' : 'change'}
                  onChange={(v) => setRemoveResponsibility(v === 'remove')}
                />
              )}
            </SimpleGrid>
            {responsibilityId !== NEW && removeResponsibility ? (
              <ResponsibilityItem responsibility={responsibilities.find((r) => r.responsibilityId === responsibilityId)!} />
            ) : (
              <ResponsibilityFields value={responsibilityDraft} onChange={setResponsibilityDraft} errors={responsibilityErrors} />
            )}
          </>
        )}
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
        <FormError message={formError} />
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
