import { Alert, Anchor, Button, FileInput, Group, List, NumberInput, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalculator, IconInfoCircle, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { manualEvidenceUrl, scorecardActions, useInvalidateScorecards, useManualValues } from '../../../api/goal-queries';
import type { GoalEvaluationView, ResponsibilityEvaluation, ScorecardSummary } from '../../../api/goal-types';
import { FormError } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { endedMonths, periodLabel, personName, unitWords } from '../../../components/goals/goal-format';
import type { GoalPaths } from '../../../components/goals/goal-paths';
import { useApiForm } from '../../../components/useApiForm';
import { formatDateTime } from '../../../labels';

const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** Choose a month that has ended and evaluate it now; opens the month's scorecard afterwards. */
export function EvaluateMonthModal({
  opened,
  onClose,
  contractId,
  contractStartsAt,
  existing,
  paths,
  initialMonth,
}: {
  opened: boolean;
  onClose: () => void;
  contractId: string;
  contractStartsAt: string;
  existing: ScorecardSummary[];
  paths: GoalPaths;
  initialMonth?: string;
}) {
  return (
    <FormModal opened={opened} onClose={onClose} title="Evaluate month" size="lg">
      <EvaluateMonthForm contractId={contractId} contractStartsAt={contractStartsAt} existing={existing} paths={paths} onDone={onClose} initialMonth={initialMonth} />
    </FormModal>
  );
}

function EvaluateMonthForm({
  contractId,
  contractStartsAt,
  existing,
  paths,
  onDone,
  initialMonth,
}: {
  contractId: string;
  contractStartsAt: string;
  existing: ScorecardSummary[];
  paths: GoalPaths;
  onDone: () => void;
  initialMonth?: string;
}) {
  const navigate = useNavigate();
  const invalidate = useInvalidateScorecards(contractId);
  const months = endedMonths(new Date(), new Date(contractStartsAt));
  const byMonth = new Map(existing.map((s) => [s.periodKey, s]));
  const firstOpen = months.find((m) => byMonth.get(m)?.status !== 'final');
  const [month, setMonth] = useState<string | null>(initialMonth ?? firstOpen ?? null);
  const form = useApiForm({
    fieldNames: ['periodKey'],
    mutationFn: (periodKey: string) => scorecardActions.evaluate(contractId, periodKey),
    onSuccess: async (_r, periodKey) => {
      notifications.show({ color: 'teal', message: `${periodLabel(periodKey)} evaluated` });
      await invalidate();
      onDone();
      navigate(paths.scorecard(periodKey));
    },
  });
  const current = month ? byMonth.get(month) : undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (month) form.mutation.mutate(month);
      }}
    >
      <Stack>
        <Text size="sm">
          Evaluating a month computes every goal and client responsibility of the terms in force at its end from the ticket data as it stands now, and the month&apos;s
          statement with its service credits and incentives.
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>A month without a scorecard gets revision 1, as a draft.</List.Item>
          <List.Item>A draft is recomputed in place: entered values and attestations are read again.</List.Item>
          <List.Item>A final scorecard never changes: re-open it first to evaluate it again.</List.Item>
          <List.Item>The client sees a scorecard only once you finalise it.</List.Item>
        </List>
        <Select
          label="Month"
          description="Only months that have ended, from the contract start."
          placeholder={months.length === 0 ? 'No month has ended since the contract started' : 'Choose a month'}
          data={months.map((m) => {
            const s = byMonth.get(m);
            return {
              value: m,
              label: s ? `${periodLabel(m)} · ${s.status === 'final' ? `final, revision ${s.revision} (re-open it first)` : `draft, revision ${s.revision}: recompute`}` : periodLabel(m),
              disabled: s?.status === 'final',
            };
          })}
          value={month}
          onChange={setMonth}
          allowDeselect={false}
          error={form.fieldError('periodKey')}
          data-autofocus
          comboboxProps={{ withinPortal: true }}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" leftSection={<IconCalculator size={16} />} loading={form.mutation.isPending} disabled={!month || current?.status === 'final'}>
            {current ? 'Recompute draft' : 'Evaluate'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Re-opening a final scorecard: the reason is required and audited; a new draft revision follows. */
export function ReopenModal({ opened, onClose, contractId, periodKey, revision, paths }: { opened: boolean; onClose: () => void; contractId: string; periodKey: string; revision: number; paths: GoalPaths }) {
  return (
    <FormModal opened={opened} onClose={onClose} title={`Re-open ${periodLabel(periodKey)}`}>
      <ReopenForm contractId={contractId} periodKey={periodKey} revision={revision} paths={paths} onDone={onClose} />
    </FormModal>
  );
}

function ReopenForm({ contractId, periodKey, revision, paths, onDone }: { contractId: string; periodKey: string; revision: number; paths: GoalPaths; onDone: () => void }) {
  const navigate = useNavigate();
  const invalidate = useInvalidateScorecards(contractId);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const form = useApiForm({
    fieldNames: ['reason'],
    mutationFn: (r: string) => scorecardActions.reopen(contractId, periodKey, r),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: `${periodLabel(periodKey)} re-opened as revision ${revision + 1}` });
      await invalidate();
      onDone();
      navigate(paths.scorecard(periodKey));
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim() === '') {
          setMissing(true);
          return;
        }
        form.mutation.mutate(reason.trim());
      }}
    >
      <Stack>
        <Text size="sm">
          Revision {revision} stays final and visible as it is. A new draft, revision {revision + 1}, is evaluated from the ticket data now; the client keeps seeing revision {revision} until
          you finalise the new one.
        </Text>
        <Textarea
          label="Reason"
          description="Recorded in the audit log and shown with the revisions."
          required
          autosize
          minRows={3}
          data-autofocus
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
            form.touch('reason');
          }}
          error={missing ? 'A reason is required to re-open a final scorecard' : form.fieldError('reason')}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="orange" loading={form.mutation.isPending}>
            Re-open
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The file's bytes as base64, for the JSON upload. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

type ManualVars = { value: number; evidenceNote: string; evidenceUrl: string; file: File | null };

/** A manual metric's value for the month, with its evidence; the draft is recomputed afterwards. */
export function ManualValueModal({ opened, onClose, contractId, periodKey, goal }: { opened: boolean; onClose: () => void; contractId: string; periodKey: string; goal: GoalEvaluationView | null }) {
  return (
    <FormModal opened={opened} onClose={onClose} title={goal ? `Enter value: ${goal.objective}` : 'Enter value'} size="lg">
      {goal && <ManualValueForm contractId={contractId} periodKey={periodKey} goal={goal} onDone={onClose} />}
    </FormModal>
  );
}

function ManualValueForm({ contractId, periodKey, goal, onDone }: { contractId: string; periodKey: string; goal: GoalEvaluationView; onDone: () => void }) {
  const invalidate = useInvalidateScorecards(contractId);
  // A quarterly goal's value belongs to its quarter, a monthly one's to the month.
  const valuePeriod = goal.periodKey || periodKey;
  const history = useManualValues(contractId, valuePeriod);
  const entries = (history.data ?? []).filter((v) => v.goalId === goal.goalId).sort((a, b) => b.enteredAt.localeCompare(a.enteredAt));
  const [value, setValue] = useState<number | string>(goal.manual?.value ?? '');
  const [note, setNote] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const unit = goal.metric.manualUnit ?? goal.unit;
  const form = useApiForm({
    fieldNames: ['value', 'evidenceNote', 'evidenceUrl', 'evidenceFile', 'evidenceFile.contentType', 'evidenceFile.dataBase64', 'evidenceFile.filename'],
    mutationFn: async (v: ManualVars) => {
      await scorecardActions.enterManualValue(contractId, {
        goalId: goal.goalId,
        periodKey: valuePeriod,
        value: v.value,
        evidenceNote: v.evidenceNote,
        ...(v.evidenceUrl ? { evidenceUrl: v.evidenceUrl } : {}),
        ...(v.file ? { evidenceFile: { filename: v.file.name, contentType: v.file.type || 'application/octet-stream', dataBase64: await readBase64(v.file) } } : {}),
      });
      // The draft reads the value when it is evaluated: recompute it so the figures show it.
      await scorecardActions.evaluate(contractId, periodKey);
    },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Value saved; the draft was recomputed' });
      await invalidate();
      onDone();
    },
  });
  const submit = () => {
    const errors: Record<string, string> = {};
    if (value === '' || Number.isNaN(Number(value))) errors.value = 'Enter the value';
    if (note.trim() === '') errors.evidenceNote = 'An evidence note is required: where the figure comes from';
    if (file && file.size > MAX_EVIDENCE_BYTES) errors.evidenceFile = 'The file is larger than 5 MB';
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    form.mutation.mutate({ value: Number(value), evidenceNote: note.trim(), evidenceUrl: url.trim(), file });
  };
  const fileError = local.evidenceFile ?? form.fieldError('evidenceFile') ?? form.fieldError('evidenceFile.contentType') ?? form.fieldError('evidenceFile.dataBase64');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Text size="sm">
          {goal.metric.manualName ?? goal.metricLabel} for {goal.period === 'quarterly' ? `the quarter ${valuePeriod}` : periodLabel(periodKey)}, in {unitWords[unit]}. The latest value entered counts; earlier ones stay on record.
        </Text>
        <NumberInput
          label={`Value (${unitWords[unit]})`}
          required
          data-autofocus
          decimalScale={2}
          min={0}
          max={unit === 'percent' ? 100 : undefined}
          value={value}
          onChange={(v) => {
            setValue(v);
            setLocal((l) => ({ ...l, value: '' }));
            form.touch('value');
          }}
          error={local.value || form.fieldError('value')}
        />
        <Textarea
          label="Evidence note"
          description="Where the figure comes from, so the client can check it."
          required
          autosize
          minRows={2}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setLocal((l) => ({ ...l, evidenceNote: '' }));
            form.touch('evidenceNote');
          }}
          error={local.evidenceNote || form.fieldError('evidenceNote')}
        />
        <TextInput
          label="Evidence link"
          description="Optional: a report or dashboard."
          type="url"
          placeholder="https://"
          value={url}
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            form.touch('evidenceUrl');
          }}
          error={form.fieldError('evidenceUrl')}
        />
        <FileInput
          label="Evidence file"
          description="Optional, at most 5 MB: PDF, image, text, CSV, Office document, ZIP."
          placeholder="Choose a file"
          leftSection={<IconPaperclip size={16} />}
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            setLocal((l) => ({ ...l, evidenceFile: '' }));
            form.touch('evidenceFile');
          }}
          error={fileError || undefined}
        />
        <FormError message={form.formError} />
        {entries.length > 0 && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} title="Entered before for this month">
            <Stack gap={4}>
              {entries.map((v) => (
                <Text size="xs" key={v.id}>
                  {v.value} · {formatDateTime(v.enteredAt)}
                  {personName(v.enteredBy) ? ` by ${personName(v.enteredBy)}` : ''}: {v.evidenceNote}
                  {(v.hasFile || v.evidenceFilename) && (
                    <>
                      {' · '}
                      <Anchor href={manualEvidenceUrl(contractId, v.id)} size="xs">
                        {v.evidenceFilename ?? 'evidence file'}
                      </Anchor>
                    </>
                  )}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Save value
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Whether the client kept an attested responsibility this month; a breach needs a note. */
export function AttestationModal({
  opened,
  onClose,
  contractId,
  periodKey,
  responsibility,
}: {
  opened: boolean;
  onClose: () => void;
  contractId: string;
  periodKey: string;
  responsibility: ResponsibilityEvaluation | null;
}) {
  return (
    <FormModal opened={opened} onClose={onClose} title="Attest responsibility">
      {responsibility && <AttestationForm contractId={contractId} periodKey={periodKey} responsibility={responsibility} onDone={onClose} />}
    </FormModal>
  );
}

function AttestationForm({ contractId, periodKey, responsibility, onDone }: { contractId: string; periodKey: string; responsibility: ResponsibilityEvaluation; onDone: () => void }) {
  const invalidate = useInvalidateScorecards(contractId);
  const [kept, setKept] = useState<'kept' | 'breached' | null>(responsibility.attestation ? (responsibility.attestation.kept ? 'kept' : 'breached') : null);
  const [note, setNote] = useState(responsibility.attestation?.note ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const form = useApiForm({
    fieldNames: ['kept', 'note'],
    mutationFn: async (v: { kept: boolean; note: string }) => {
      await scorecardActions.attest(contractId, { responsibilityId: responsibility.responsibilityId, periodKey, kept: v.kept, note: v.note });
      await scorecardActions.evaluate(contractId, periodKey);
    },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Attestation saved; the draft was recomputed' });
      await invalidate();
      onDone();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const errors: Record<string, string> = {};
        if (!kept) errors.kept = 'Say whether the client kept it';
        if (kept === 'breached' && note.trim() === '') errors.note = 'A note is required when the responsibility was not kept';
        setLocal(errors);
        if (Object.keys(errors).length > 0 || !kept) return;
        form.mutation.mutate({ kept: kept === 'kept', note: note.trim() });
      }}
    >
      <Stack>
        <Text size="sm" fw={500}>
          {responsibility.description}
        </Text>
        <Radio.Group
          label={`In ${periodLabel(periodKey)}, the client`}
          required
          value={kept}
          onChange={(v) => {
            setKept(v as 'kept' | 'breached');
            setLocal((l) => ({ ...l, kept: '' }));
          }}
          error={local.kept || form.fieldError('kept')}
        >
          <Group mt={6}>
            <Radio value="kept" label="Kept it" />
            <Radio value="breached" label="Did not keep it" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Note"
          description={kept === 'breached' ? 'Required: what happened. The client reads it.' : 'Optional. The client reads it.'}
          required={kept === 'breached'}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setLocal((l) => ({ ...l, note: '' }));
            form.touch('note');
          }}
          error={local.note || form.fieldError('note')}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Save attestation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
