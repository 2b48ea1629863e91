import { ActionIcon, Button, Fieldset, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ApiError, api } from '../../api';
import { journeyPath, useClientProblems, useClientTickets, useInvalidateJourney } from '../../api/journey-queries';
import type { EvidenceInput, JourneyChange, JourneyEvidence, JourneyStage, StageChangeInput } from '../../api/journey-types';
import { sentence } from '../../labels';
import { FormError } from '../ErrorAlert';
import { useApiForm } from '../useApiForm';
import { evidenceKindLabels } from './EvidenceLinks';
import { todayIso } from './journey-format';
import { JOURNEY_STAGES, STAGE_INFO, stageLabel, stagePosition } from './journey-stages';

type FreeKind = 'change' | 'project' | 'link';
type FreeEntry = { kind: FreeKind; label: string; url: string };

export type StageFormInitial = { stage?: JourneyStage; note?: string; evidence?: JourneyEvidence[]; effectiveOn?: string };

const FORM_FIELDS = ['stage', 'effectiveOn', 'note', 'evidence'];
// Evidence errors come as `evidence[2].id` (service) or `evidence.2.id` (schema).
const EVIDENCE_FIELD = /^evidence(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/;

/** Record a change of stage: which stage, from when, why, and what backs it. */
export function ChangeStageForm({ clientId, currentStage, initial, onDone }: { clientId: string; currentStage: JourneyStage | null; initial?: StageFormInitial; onDone: () => void }) {
  const invalidate = useInvalidateJourney();
  const tickets = useClientTickets(clientId);
  const problems = useClientProblems(clientId);
  const [stage, setStage] = useState<JourneyStage | null>(initial?.stage ?? null);
  const [effectiveOn, setEffectiveOn] = useState(initial?.effectiveOn ?? todayIso());
  const [note, setNote] = useState(initial?.note ?? '');
  const [ticketIds, setTicketIds] = useState<string[]>(initial?.evidence?.flatMap((e) => (e.kind === 'ticket' ? [e.id] : [])) ?? []);
  const [problemIds, setProblemIds] = useState<string[]>(initial?.evidence?.flatMap((e) => (e.kind === 'problem' ? [e.id] : [])) ?? []);
  const [free, setFree] = useState<FreeEntry[]>(
    initial?.evidence?.flatMap((e) => (e.kind === 'change' || e.kind === 'project' || e.kind === 'link' ? [{ kind: e.kind, label: e.label, url: e.url ?? '' }] : [])) ?? [],
  );
  const [local, setLocal] = useState<Record<string, string>>({});

  // Labels the suggestion brought, for tickets older than the latest hundred the picker loads.
  const knownLabels = useMemo(() => new Map((initial?.evidence ?? []).flatMap((e) => (e.kind === 'ticket' || e.kind === 'problem' ? [[e.id, e.label] as const] : []))), [initial]);
  const ticketOptions = useMemo(() => {
    const opts = (tickets.data ?? []).map((t) => ({ value: t.id, label: `${t.reference ?? `T-${t.number}`} · ${t.subject}` }));
    for (const id of ticketIds) if (!opts.some((o) => o.value === id)) opts.push({ value: id, label: knownLabels.get(id) ?? id });
    return opts;
  }, [tickets.data, ticketIds, knownLabels]);
  const problemOptions = useMemo(() => {
    const opts = (problems.data ?? []).map((p) => ({ value: p.id, label: `${p.reference} · ${p.title}` }));
    for (const id of problemIds) if (!opts.some((o) => o.value === id)) opts.push({ value: id, label: knownLabels.get(id) ?? id });
    return opts;
  }, [problems.data, problemIds, knownLabels]);

  const evidence: EvidenceInput[] = [
    ...ticketIds.map((id) => ({ kind: 'ticket' as const, id })),
    ...problemIds.map((id) => ({ kind: 'problem' as const, id })),
    ...free.map((f) => ({ kind: f.kind, ...(f.label.trim() ? { label: f.label.trim() } : {}), ...(f.url.trim() ? { url: f.url.trim() } : {}) })),
  ];
  const evidenceNames = evidence.flatMap((_, i) => [`evidence[${i}]`, `evidence[${i}].id`, `evidence[${i}].label`, `evidence[${i}].url`, `evidence[${i}].kind`, `evidence.${i}`, `evidence.${i}.id`, `evidence.${i}.label`, `evidence.${i}.url`, `evidence.${i}.kind`]);

  const form = useApiForm({
    fieldNames: [...FORM_FIELDS, ...evidenceNames],
    mutationFn: (body: StageChangeInput) => api.post<JourneyChange>(journeyPath(clientId), body),
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: `Stage changed to ${stageLabel(saved.stage)}` });
      await invalidate();
      onDone();
    },
  });

  // Server messages about evidence, said with the piece they are about.
  const serverFields = form.mutation.error instanceof ApiError ? form.mutation.error.fields : {};
  const evidenceErrors = Object.entries(serverFields).flatMap(([name, message]) => {
    if (name === 'evidence') return [`Evidence: ${message}`];
    const m = EVIDENCE_FIELD.exec(name);
    if (!m) return [];
    const i = Number(m[1] ?? m[2]);
    const e = evidence[i];
    const what = e ? (e.kind === 'ticket' ? ticketOptions.find((o) => o.value === e.id)?.label : e.kind === 'problem' ? problemOptions.find((o) => o.value === e.id)?.label : e.label || `${evidenceKindLabels[e.kind]} ${i + 1}`) : `Evidence ${i + 1}`;
    return [`${what ?? `Evidence ${i + 1}`}: ${message}`];
  });

  const submit = () => {
    const errors: Record<string, string> = {};
    if (!stage) errors.stage = 'Choose the stage the client is in now';
    if (!effectiveOn) errors.effectiveOn = 'Enter the date the stage took effect';
    else if (effectiveOn > todayIso()) errors.effectiveOn = 'The date cannot be in the future';
    if (!note.trim()) errors.note = 'Say in a sentence why the stage changed';
    // Changes and projects need a name (the link is optional); a link needs its address (the name defaults to it).
    free.forEach((f, i) => {
      if (f.kind !== 'link' && !f.label.trim()) errors[`free${i}`] = `Name the ${f.kind}`;
      if (f.kind === 'link' && !f.url.trim()) errors[`free${i}url`] = 'Enter the address';
      else if (f.url.trim() && !/^https?:\/\//i.test(f.url.trim())) errors[`free${i}url`] = 'Enter a web address starting with https://';
    });
    setLocal(errors);
    if (Object.keys(errors).length > 0 || !stage) return;
    form.mutation.mutate({ stage, effectiveOn, note: note.trim(), evidence });
  };
  const err = (name: string) => local[name] ?? form.fieldError(name);
  const clear = (name: string) => {
    form.touch(name);
    if (local[name]) setLocal({ ...local, [name]: '' });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack>
        <Select
          label="Stage"
          required
          placeholder="Choose a stage"
          data={JOURNEY_STAGES.map((s) => ({ value: s, label: `${stagePosition(s)}. ${stageLabel(s)}${s === currentStage ? ' (current)' : ''}` }))}
          value={stage}
          onChange={(v) => {
            setStage(v as JourneyStage | null);
            clear('stage');
          }}
          renderOption={({ option }) => (
            <div>
              <Text size="sm">{option.label}</Text>
              <Text size="xs" c="dimmed">
                {STAGE_INFO[option.value as JourneyStage].help}
              </Text>
            </div>
          )}
          description={stage ? STAGE_INFO[stage].help : 'The stages follow the usual course of a client relationship, in this order.'}
          error={err('stage')}
          allowDeselect={false}
          maxDropdownHeight={360}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <TextInput
          label="Effective from"
          description="The day the client entered this stage; today or earlier."
          type="date"
          required
          max={todayIso()}
          value={effectiveOn}
          onChange={(e) => {
            setEffectiveOn(e.currentTarget.value);
            clear('effectiveOn');
          }}
          error={err('effectiveOn')}
          maw={260}
        />
        <Textarea
          label="Note"
          description="Why the stage changed, in words the client could read."
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            clear('note');
          }}
          error={err('note')}
        />
        <Fieldset legend="Evidence" variant="filled" radius="md">
          <Stack gap="sm">
            <MultiSelect
              label="Tickets"
              placeholder={ticketIds.length ? undefined : tickets.isPending ? 'Loading tickets…' : 'Search the client’s tickets'}
              searchable
              clearable
              data={ticketOptions}
              value={ticketIds}
              onChange={setTicketIds}
              nothingFoundMessage="No ticket of this client matches"
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              label="Problems"
              placeholder={problemIds.length ? undefined : problems.isPending ? 'Loading problems…' : problemOptions.length === 0 ? 'This client has no problem records' : 'Choose problems'}
              searchable
              clearable
              data={problemOptions}
              value={problemIds}
              onChange={setProblemIds}
              disabled={!problems.isPending && problemOptions.length === 0}
              comboboxProps={{ withinPortal: true }}
            />
            {free.map((f, i) => (
              <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
                <Select
                  aria-label={`Kind of evidence ${i + 1}`}
                  data={(['change', 'project', 'link'] as const).map((k) => ({ value: k, label: evidenceKindLabels[k] }))}
                  value={f.kind}
                  allowDeselect={false}
                  onChange={(v) => v && setFree(free.map((x, j) => (j === i ? { ...x, kind: v as FreeKind } : x)))}
                  w={110}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  aria-label={`Name of evidence ${i + 1}`}
                  placeholder={f.kind === 'link' ? 'Name (optional)' : f.kind === 'change' ? 'e.g. CHG-42 MFA roll-out' : 'e.g. Laptop refresh 2027'}
                  value={f.label}
                  onChange={(e) => {
                    const label = e.currentTarget.value;
                    setFree(free.map((x, j) => (j === i ? { ...x, label } : x)));
                    clear(`free${i}`);
                  }}
                  error={err(`free${i}`)}
                  style={{ flex: 2 }}
                />
                <TextInput
                  aria-label={`Link of evidence ${i + 1}`}
                  placeholder={f.kind === 'link' ? 'https://…' : 'https://… (optional)'}
                  value={f.url}
                  onChange={(e) => {
                    const url = e.currentTarget.value;
                    setFree(free.map((x, j) => (j === i ? { ...x, url } : x)));
                    clear(`free${i}url`);
                  }}
                  error={err(`free${i}url`)}
                  style={{ flex: 2 }}
                />
                <ActionIcon variant="subtle" color="red" mt={6} aria-label={`Remove evidence ${i + 1}`} onClick={() => setFree(free.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setFree([...free, { kind: 'change', label: '', url: '' }])}>
                Add a change, project or link
              </Button>
            </Group>
            {evidenceErrors.map((m) => (
              <Text key={m} size="sm" c="red" role="alert">
                {sentence(m)}
              </Text>
            ))}
          </Stack>
        </Fieldset>
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Change stage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
