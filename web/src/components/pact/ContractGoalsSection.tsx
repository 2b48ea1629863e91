import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { useInvalidateContracts, usePriorityMatrix } from '../../api/pact-queries';
import type { Contract, GoalTerms, ResponsibilityTerms } from '../../api/pact-types';
import { useSites } from '../../api/queries';
import { ConfirmButton } from '../ConfirmButton';
import { FormError } from '../ErrorAlert';
import { FormModal } from '../FormModal';
import { SectionCard } from '../SectionCard';
import { useApiForm } from '../useApiForm';
import { GoalFields, ResponsibilityFields } from './GoalFields';
import { GoalList, ResponsibilityList } from './GoalsAndResponsibilities';
import { goalBody, goalDraftFrom, newGoalDraft, newResponsibilityDraft, prefixesOf, responsibilityBody, responsibilityDraftFrom } from './goal-draft';
import { useNestedErrors } from './useNestedErrors';

/** What a change proposed from this section is about: a new or existing goal or responsibility, to set or to remove. */
export type TermsProposal = { kind: 'goal' | 'responsibility'; id?: string; remove?: boolean };

/** The client's sites by id, and the matrix priorities: what a goal's scope may name. */
export function useGoalScopeOptions(clientId: string) {
  const sites = useSites(clientId);
  const matrix = usePriorityMatrix();
  const siteList = (sites.data ?? []).map((s) => ({ id: s.id, name: s.name }));
  return { sites: siteList, siteNames: new Map(siteList.map((s) => [s.id, s.name])), priorities: matrix.data?.priorities.map((p) => p.key) ?? [] };
}

type Editing = { kind: 'goal'; goal: GoalTerms | null } | { kind: 'responsibility'; responsibility: ResponsibilityTerms | null } | null;

/**
 * The contract's goals and client responsibilities. A draft's are edited here directly; an
 * active contract's change only by an amendment the client accepts (`onPropose`).
 */
export function ContractGoalsSection({ contract, canWrite, onPropose }: { contract: Contract; canWrite: boolean; onPropose?: (p: TermsProposal) => void }) {
  const terms = contract.termsNow;
  const goals = terms?.goals ?? [];
  const responsibilities = terms?.responsibilities ?? [];
  const currency = terms?.plan.price.currency ?? 'EUR';
  const { siteNames } = useGoalScopeOptions(contract.clientId);
  const invalidate = useInvalidateContracts();
  const [editing, setEditing] = useState<Editing>(null);
  const isDraft = contract.status === 'draft';
  const editable = canWrite && isDraft && !!terms;
  const proposable = canWrite && contract.status === 'active' && !!onPropose && !!terms;

  const saveLists = async (body: { goals?: unknown[]; responsibilities?: unknown[] }, message: string) => {
    await api.patch(`/contracts/${encodeURIComponent(contract.id)}`, body, contract.version);
    notifications.show({ color: 'teal', message });
    await invalidate();
  };

  const goalActions = (g: GoalTerms) =>
    editable ? (
      <>
        <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing({ kind: 'goal', goal: g })} aria-label={`Edit goal ${g.objective}`}>
          Edit
        </Button>
        <ConfirmButton
          size="compact-sm"
          variant="subtle"
          leftSection={<IconTrash size={14} />}
          aria-label={`Remove goal ${g.objective}`}
          title="Remove goal"
          message={<>Remove the goal &quot;{g.objective}&quot; from this draft?</>}
          confirmLabel="Remove goal"
          onConfirm={() => saveLists({ goals: goals.filter((x) => x.goalId !== g.goalId) }, `Goal "${g.objective}" removed`)}
        >
          Remove
        </ConfirmButton>
      </>
    ) : proposable ? (
      <>
        <Button size="compact-sm" variant="default" onClick={() => onPropose?.({ kind: 'goal', id: g.goalId })} aria-label={`Propose a change to goal ${g.objective}`}>
          Propose change
        </Button>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => onPropose?.({ kind: 'goal', id: g.goalId, remove: true })} aria-label={`Propose removing goal ${g.objective}`}>
          Propose removal
        </Button>
      </>
    ) : null;

  const responsibilityActions = (r: ResponsibilityTerms) =>
    editable ? (
      <>
        <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing({ kind: 'responsibility', responsibility: r })} aria-label={`Edit responsibility ${r.description}`}>
          Edit
        </Button>
        <ConfirmButton
          size="compact-sm"
          variant="subtle"
          leftSection={<IconTrash size={14} />}
          aria-label={`Remove responsibility ${r.description}`}
          title="Remove responsibility"
          message={<>Remove &quot;{r.description}&quot; from this draft?</>}
          confirmLabel="Remove responsibility"
          onConfirm={() => saveLists({ responsibilities: responsibilities.filter((x) => x.responsibilityId !== r.responsibilityId) }, 'Responsibility removed')}
        >
          Remove
        </ConfirmButton>
      </>
    ) : proposable ? (
      <>
        <Button size="compact-sm" variant="default" onClick={() => onPropose?.({ kind: 'responsibility', id: r.responsibilityId })}>
          Propose change
        </Button>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => onPropose?.({ kind: 'responsibility', id: r.responsibilityId, remove: true })}>
          Propose removal
        </Button>
      </>
    ) : null;

  const addButtons = editable ? (
    <Group gap="xs">
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ kind: 'goal', goal: null })}>
        Add goal
      </Button>
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ kind: 'responsibility', responsibility: null })}>
        Add responsibility
      </Button>
    </Group>
  ) : proposable ? (
    <Group gap="xs">
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onPropose?.({ kind: 'goal' })}>
        Propose a goal
      </Button>
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onPropose?.({ kind: 'responsibility' })}>
        Propose a responsibility
      </Button>
    </Group>
  ) : null;

  return (
    <SectionCard title="Goals and responsibilities" count={goals.length + responsibilities.length || undefined} actions={addButtons}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {isDraft
            ? 'Part of the terms: they are agreed with the rest of the draft when the contract is activated.'
            : 'Part of the terms in force: evaluated every period in the scorecard. They change only by an amendment the client accepts.'}
        </Text>
        <Stack gap="xs">
          <Title order={4} size="h5">
            Goals
          </Title>
          <GoalList goals={goals} currency={currency} siteNames={siteNames} actions={goalActions} empty={isDraft ? 'No goals yet. Add the client objectives this contract is measured by.' : 'No goals are agreed.'} />
        </Stack>
        <Stack gap="xs">
          <Title order={4} size="h5">
            Client responsibilities
          </Title>
          <ResponsibilityList responsibilities={responsibilities} actions={responsibilityActions} />
        </Stack>
      </Stack>
      <FormModal opened={editing?.kind === 'goal'} onClose={() => setEditing(null)} title={editing?.kind === 'goal' && editing.goal ? 'Edit goal' : 'Add goal'} size="xl">
        {editing?.kind === 'goal' && <DraftGoalForm contract={contract} goal={editing.goal} onDone={() => setEditing(null)} />}
      </FormModal>
      <FormModal opened={editing?.kind === 'responsibility'} onClose={() => setEditing(null)} title={editing?.kind === 'responsibility' && editing.responsibility ? 'Edit responsibility' : 'Add responsibility'} size="lg">
        {editing?.kind === 'responsibility' && <DraftResponsibilityForm contract={contract} responsibility={editing.responsibility} onDone={() => setEditing(null)} />}
      </FormModal>
    </SectionCard>
  );
}

function FormButtons({ onCancel, loading, label }: { onCancel: () => void; loading: boolean; label: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {label}
      </Button>
    </Group>
  );
}

/** Adds a goal to a draft, or changes one: the draft's whole list is sent, guarded by the contract's version. */
function DraftGoalForm({ contract, goal, onDone }: { contract: Contract; goal: GoalTerms | null; onDone: () => void }) {
  const goals = contract.termsNow?.goals ?? [];
  const index = goal ? goals.findIndex((g) => g.goalId === goal.goalId) : goals.length;
  const [draft, setDraft] = useState(() => (goal ? goalDraftFrom(goal) : newGoalDraft()));
  const { sites, priorities } = useGoalScopeOptions(contract.clientId);
  const invalidate = useInvalidateContracts();
  const form = useApiForm({
    fieldNames: ['goals'],
    mutationFn: (list: unknown[]) => api.patch<Contract>(`/contracts/${encodeURIComponent(contract.id)}`, { goals: list }, contract.version),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: goal ? 'Goal saved' : 'Goal added to the draft' });
      await invalidate();
      onDone();
    },
  });
  const errors = useNestedErrors(form.mutation.error, prefixesOf(`goals[${index}]`));
  const formError = form.mutation.error && !errors.placed ? (form.fieldError('goals') ?? errorMessage(form.mutation.error)) : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const body = goalBody(draft);
        form.mutation.mutate(goal ? goals.map((g) => (g.goalId === goal.goalId ? body : g)) : [...goals, body]);
      }}
    >
      <Stack>
        <GoalFields value={draft} onChange={setDraft} errors={errors} priorities={priorities} sites={sites} currency={contract.termsNow?.plan.price.currency ?? 'EUR'} />
        <FormError message={formError} />
        <FormButtons onCancel={onDone} loading={form.mutation.isPending} label={goal ? 'Save goal' : 'Add goal'} />
      </Stack>
    </form>
  );
}

function DraftResponsibilityForm({ contract, responsibility, onDone }: { contract: Contract; responsibility: ResponsibilityTerms | null; onDone: () => void }) {
  const list = contract.termsNow?.responsibilities ?? [];
  const index = responsibility ? list.findIndex((r) => r.responsibilityId === responsibility.responsibilityId) : list.length;
  const [draft, setDraft] = useState(() => (responsibility ? responsibilityDraftFrom(responsibility) : newResponsibilityDraft()));
  const invalidate = useInvalidateContracts();
  const form = useApiForm({
    fieldNames: ['responsibilities'],
    mutationFn: (items: unknown[]) => api.patch<Contract>(`/contracts/${encodeURIComponent(contract.id)}`, { responsibilities: items }, contract.version),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: responsibility ? 'Responsibility saved' : 'Responsibility added to the draft' });
      await invalidate();
      onDone();
    },
  });
  const errors = useNestedErrors(form.mutation.error, prefixesOf(`responsibilities[${index}]`));
  const formError = form.mutation.error && !errors.placed ? (form.fieldError('responsibilities') ?? errorMessage(form.mutation.error)) : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const body = responsibilityBody(draft);
        form.mutation.mutate(responsibility ? list.map((r) => (r.responsibilityId === responsibility.responsibilityId ? body : r)) : [...list, body]);
      }}
    >
      <Stack>
        <ResponsibilityFields value={draft} onChange={setDraft} errors={errors} />
        <FormError message={formError} />
        <FormButtons onCancel={onDone} loading={form.mutation.isPending} label={responsibility ? 'Save responsibility' : 'Add responsibility'} />
      </Stack>
    </form>
  );
}
