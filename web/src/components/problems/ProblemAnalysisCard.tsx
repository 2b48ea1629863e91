import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Problem, ProblemPatch } from '../../api/journey-types';
import { FormError } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { moneyText } from './problem-format';
import { useProblemPatch } from './useProblemPatch';

const FIELDS = ['title', 'description', 'rootCause', 'workaround', 'plan', 'estimatedCost', 'estimatedCost.amountMinor', 'estimatedCost.currency'];

function Block({ label, children, empty }: { label: string; children: string; empty: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      {children.trim() ? (
        <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      ) : (
        <Text size="sm" mt={2} c="dimmed">
          {empty}
        </Text>
      )}
    </div>
  );
}

/** Read-only: what the problem is, why it happens, how users get by, and the plan (staff and portal). */
export function ProblemAnalysisView({ problem, extra }: { problem: Problem; extra?: ReactNode }) {
  return (
    <Stack gap="md">
      {problem.description.trim() && <Block label="Description" empty="">{problem.description}</Block>}
      <Block label="Root cause" empty="Not known yet.">
        {problem.rootCause}
      </Block>
      <Block label="Workaround" empty="None yet.">
        {problem.workaround}
      </Block>
      <Block label="Plan" empty="No long-term plan recorded yet.">
        {problem.plan}
      </Block>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          Estimated cost
        </Text>
        <Text size="sm" mt={2} c={problem.estimatedCost ? undefined : 'dimmed'}>
          {moneyText(problem.estimatedCost)}
        </Text>
      </div>
      {extra}
    </Stack>
  );
}

/** The number input hands over a number, or a string while the text is not one yet ("1,840." or ""). */
function toAmount(n: number | string): number | '' {
  if (typeof n === 'number') return n;
  const parsed = Number(n.replaceAll(',', ''));
  return n.trim() === '' || Number.isNaN(parsed) ? '' : parsed;
}

type Values = { title: string; description: string; rootCause: string; workaround: string; plan: string; amount: number | ''; currency: string };

/** Staff: the analysis and plan, read, then edited in place (If-Match). */
export function ProblemAnalysisCard({ problem }: { problem: Problem }) {
  const [editing, setEditing] = useState(false);
  return (
    <SectionCard
      title="Analysis and plan"
      actions={
        !editing && (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            Edit
          </Button>
        )
      }
    >
      {editing ? <AnalysisForm problem={problem} onDone={() => setEditing(false)} /> : <ProblemAnalysisView problem={problem} />}
    </SectionCard>
  );
}

function AnalysisForm({ problem, onDone }: { problem: Problem; onDone: () => void }) {
  const [v, setV] = useState<Values>({
    title: problem.title,
    description: problem.description,
    rootCause: problem.rootCause,
    workaround: problem.workaround,
    plan: problem.plan,
    amount: problem.estimatedCost ? problem.estimatedCost.amountMinor / 100 : '',
    currency: problem.estimatedCost?.currency ?? 'EUR',
  });
  const patch = useProblemPatch(problem, FIELDS, onDone);
  const set = <K extends keyof Values>(k: K, value: Values[K], field: string = k) => {
    setV({ ...v, [k]: value });
    patch.touch(field);
  };
  const submit = () => {
    const body: ProblemPatch = {
      title: v.title.trim(),
      description: v.description,
      rootCause: v.rootCause,
      workaround: v.workaround,
      plan: v.plan,
      estimatedCost: v.amount === '' ? null : { amountMinor: Math.round(v.amount * 100), currency: v.currency.trim().toUpperCase() },
    };
    patch.mutation.mutate({ body, message: 'Problem saved' });
  };
  const area = (k: 'description' | 'rootCause' | 'workaround' | 'plan', label: string, description: string) => (
    <Textarea label={label} description={description} autosize minRows={2} maxRows={10} value={v[k]} onChange={(e) => set(k, e.currentTarget.value)} error={patch.fieldError(k)} />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <TextInput label="Title" required value={v.title} onChange={(e) => set('title', e.currentTarget.value)} error={patch.fieldError('title')} />
        {area('description', 'Description', 'What users experience.')}
        {area('rootCause', 'Root cause', 'Why it happens, once known.')}
        {area('workaround', 'Workaround', 'How users get by until the cause is removed. The client sees this.')}
        {area('plan', 'Plan', 'The long-term plan to remove the cause. The client sees this; milestones track it.')}
        <SimpleGrid cols={{ base: 1, xs: 2 }} maw={420}>
          <NumberInput
            label="Estimated cost"
            description="Empty: not estimated"
            min={0}
            decimalScale={2}
            fixedDecimalScale
            thousandSeparator=","
            value={v.amount}
            onChange={(n) => set('amount', toAmount(n), 'estimatedCost.amountMinor')}
            error={patch.fieldError('estimatedCost.amountMinor') ?? patch.fieldError('estimatedCost')}
          />
          <TextInput
            label="Currency"
            description="ISO code, e.g. EUR"
            maxLength={3}
            value={v.currency}
            onChange={(e) => set('currency', e.currentTarget.value.toUpperCase(), 'estimatedCost.currency')}
            error={patch.fieldError('estimatedCost.currency')}
          />
        </SimpleGrid>
        <FormError message={patch.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={patch.mutation.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
