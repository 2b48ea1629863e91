import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import { journeyKeys, problemPath, useInvalidateJourney } from '../../api/journey-queries';
import type { Milestone, MilestoneInput, Problem } from '../../api/journey-types';
import { FormError } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { useApiForm } from '../useApiForm';
import { MilestonesList } from './MilestonesList';

type Row = { key: string; id?: string; title: string; dueOn: string; doneOn: string };

let nextKey = 0;
const toRow = (m: Milestone): Row => ({ key: m.id, id: m.id, title: m.title, dueOn: m.dueOn ?? '', doneOn: m.doneOn ?? '' });

/** Staff: the plan's milestones, edited as a list and saved whole, in order. */
export function MilestonesCard({ problem }: { problem: Problem }) {
  const [editing, setEditing] = useState(false);
  return (
    <SectionCard
      title="Milestones"
      count={problem.milestones.length}
      actions={
        !editing && (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            Edit milestones
          </Button>
        )
      }
    >
      {editing ? <MilestonesEditor problem={problem} onDone={() => setEditing(false)} /> : <MilestonesList milestones={problem.milestones} />}
    </SectionCard>
  );
}

function MilestonesEditor({ problem, onDone }: { problem: Problem; onDone: () => void }) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateJourney();
  const [rows, setRows] = useState<Row[]>(() => (problem.milestones.length ? problem.milestones.map(toRow) : [{ key: `new-${nextKey++}`, title: '', dueOn: '', doneOn: '' }]));
  const fieldNames = rows.flatMap((_, i) => ['title', 'dueOn', 'doneOn'].flatMap((f) => [`milestones[${i}].${f}`, `milestones.${i}.${f}`])).concat(['milestones']);
  const form = useApiForm({
    fieldNames,
    mutationFn: (milestones: MilestoneInput[]) => api.put<Problem | { milestones: Milestone[] }>(`${problemPath(problem.id)}/milestones`, { milestones }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Milestones saved' });
      await queryClient.invalidateQueries({ queryKey: journeyKeys.problem(problem.id) });
      await invalidate();
      onDone();
    },
  });
  const err = (i: number, f: string) => form.fieldError(`milestones[${i}].${f}`) ?? form.fieldError(`milestones.${i}.${f}`);
  const update = (i: number, patch: Partial<Row>, field: string) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    form.touch(`milestones[${i}].${field}`);
    form.touch(`milestones.${i}.${field}`);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    const [r] = next.splice(i, 1);
    if (r) next.splice(i + by, 0, r);
    setRows(next);
  };
  const submit = () => {
    const milestones = rows
      .filter((r) => r.title.trim() || r.dueOn || r.doneOn)
      .map((r) => ({ ...(r.id ? { id: r.id } : {}), title: r.title.trim(), dueOn: r.dueOn || null, doneOn: r.doneOn || null }));
    form.mutation.mutate(milestones);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          In the order they should happen. The client sees them with the plan.
        </Text>
        {rows.map((r, i) => (
          // One card per milestone, so its dates and buttons plainly belong to it when the row wraps.
          <Paper key={r.key} withBorder radius="sm" p="xs" role="group" aria-label={`Milestone ${i + 1}`}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Text size="sm" fw={600} c="dimmed" mt={6} w={20} ta="right" aria-hidden>
                {i + 1}.
              </Text>
              <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                <TextInput
                  aria-label={`Milestone ${i + 1} title`}
                  placeholder="e.g. Order the new server"
                  value={r.title}
                  onChange={(e) => update(i, { title: e.currentTarget.value }, 'title')}
                  error={err(i, 'title')}
                />
                <Group gap="xs" align="flex-start" wrap="wrap">
                  <TextInput type="date" aria-label={`Milestone ${i + 1} due`} leftSection={<Text size="xs" c="dimmed">Due</Text>} leftSectionWidth={40} value={r.dueOn} onChange={(e) => update(i, { dueOn: e.currentTarget.value }, 'dueOn')} error={err(i, 'dueOn')} w={190} />
                  <TextInput type="date" aria-label={`Milestone ${i + 1} done`} leftSection={<Text size="xs" c="dimmed">Done</Text>} leftSectionWidth={44} value={r.doneOn} onChange={(e) => update(i, { doneOn: e.currentTarget.value }, 'doneOn')} error={err(i, 'doneOn')} w={194} />
                  <Group gap={2} mt={4} wrap="nowrap" ml="auto">
                    <ActionIcon variant="subtle" aria-label={`Move milestone ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Move milestone ${i + 1} down`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove milestone ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              </Stack>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setRows([...rows, { key: `new-${nextKey++}`, title: '', dueOn: '', doneOn: '' }])}>
            Add milestone
          </Button>
        </Group>
        <FormError message={form.formError ?? (form.fieldError('milestones') ? `Milestones: ${form.fieldError('milestones')}` : null)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Save milestones
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
