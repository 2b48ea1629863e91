import { Alert, Badge, Button, Group, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconMoodSmile } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../api';
import { surveyKeys, useNpsRounds, useSurveySettings } from '../../../api/survey-queries';
import type { NpsRound, SurveySettings } from '../../../api/survey-types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { TimeZoneSelect } from '../../../components/TimeZoneSelect';
import { useApiForm } from '../../../components/useApiForm';
import { canAdminister, useSignedIn } from '../../../session';

/** The quarter ('2026-Q4') a zone's wall clock is in now. */
function currentQuarter(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(new Date());
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  const month = Number(parts.find((p) => p.type === 'month')?.value ?? '1');
  return `${year}-Q${Math.ceil(month / 3)}`;
}

const ORDINAL = ['first', 'second', 'third'];

/**
 * Staff: how CSAT and NPS surveys go out and what flags a client at risk (owners and admins
 * change them), and the NPS rounds sent so far with their response rates; owners, admins and
 * account managers may send this quarter's round early.
 */
export function SatisfactionSettingsPage() {
  const settings = useSurveySettings();
  return (
    <>
      <PageHeader title="Satisfaction" description="Surveys after each resolved ticket (CSAT) and once a quarter (NPS), and the signals that flag a client at risk." />
      {settings.isPending ? (
        <TableSkeleton rows={6} />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} title="The satisfaction settings could not be loaded" onRetry={() => settings.refetch()} />
      ) : (
        <Stack gap="lg">
          <SettingsForm key={settings.data.version} settings={settings.data} />
          <NpsRounds settings={settings.data} />
        </Stack>
      )}
    </>
  );
}

const FIELDS = ['csatScale', 'csatLinkDays', 'csatFollowUp', 'npsEnabled', 'npsMonthOfQuarter', 'npsDayOfMonth', 'npsTimeZone', 'risk.windowDays', 'risk.csatDrop', 'risk.badStreak', 'risk.problemDays'];

function SettingsForm({ settings }: { settings: SurveySettings }) {
  const { user } = useSignedIn();
  const editable = canAdminister(user.role);
  const queryClient = useQueryClient();
  const [v, setV] = useState(settings);
  const form = useApiForm({
    fieldNames: FIELDS,
    mutationFn: () => {
      const { version: _version, ...body } = v;
      return api.patch<SurveySettings>('/settings/satisfaction', body, settings.version);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: 'Satisfaction settings saved' });
      queryClient.setQueryData(surveyKeys.settings, saved);
    },
  });
  const set = <K extends keyof SurveySettings>(k: K, value: SurveySettings[K]) => {
    setV((old) => ({ ...old, [k]: value }));
    form.touch(k);
  };
  const setRisk = <K extends keyof SurveySettings['risk']>(k: K, value: number) => {
    setV((old) => ({ ...old, risk: { ...old.risk, [k]: value } }));
    form.touch(`risk.${k}`);
  };
  const num = (x: string | number, fallback: number) => (typeof x === 'number' ? x : x === '' ? fallback : Number(x));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        form.mutation.mutate(undefined);
      }}
    >
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="lg">
          {!editable && (
            <Alert color="gray" variant="light">
              Only owners and admins change these settings.
            </Alert>
          )}
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="lg">
              <Title order={3} size="h4">
                After a ticket is resolved (CSAT)
              </Title>
              <Radio.Group label="Answers offered in the e-mail" value={v.csatScale} onChange={(x) => set('csatScale', x as SurveySettings['csatScale'])} error={form.fieldError('csatScale')}>
                <Group mt="xs">
                  <Radio value="three" label="Good / okay / bad" />
                  <Radio value="five" label="1 to 5" />
                </Group>
              </Radio.Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput label="Links work for (days)" description="From each resolution; 1 to 90." min={1} max={90} allowDecimal={false} value={v.csatLinkDays} onChange={(x) => set('csatLinkDays', num(x, 0))} error={form.fieldError('csatLinkDays')} />
                <Radio.Group
                  label="On a bad rating"
                  description="The client's account manager is told (owners and admins when none is named)."
                  value={v.csatFollowUp}
                  onChange={(x) => set('csatFollowUp', x as SurveySettings['csatFollowUp'])}
                  error={form.fieldError('csatFollowUp')}
                >
                  <Stack mt="xs" gap={6}>
                    <Radio value="notify" label="Notify only" />
                    <Radio value="ticket" label="Notify and open a follow-up ticket" />
                  </Stack>
                </Radio.Group>
              </SimpleGrid>

              <Title order={3} size="h4">
                Once a quarter (NPS)
              </Title>
              <Switch
                label="Send the NPS survey every quarter"
                description="To the contacts (with an e-mail address) of active clients with a contract in force; each address at most once a quarter."
                checked={v.npsEnabled}
                onChange={(e) => set('npsEnabled', e.currentTarget.checked)}
                error={form.fieldError('npsEnabled')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label="Month of the quarter"
                  data={[1, 2, 3].map((m) => ({ value: String(m), label: `The ${ORDINAL[m - 1]} month` }))}
                  value={String(v.npsMonthOfQuarter)}
                  onChange={(x) => set('npsMonthOfQuarter', Number(x ?? 1))}
                  allowDeselect={false}
                  error={form.fieldError('npsMonthOfQuarter')}
                />
                <NumberInput label="Day of the month" description="1 to 28." min={1} max={28} allowDecimal={false} value={v.npsDayOfMonth} onChange={(x) => set('npsDayOfMonth', num(x, 0))} error={form.fieldError('npsDayOfMonth')} />
                <TimeZoneSelect label="Time zone" description="The day starts at midnight here." value={v.npsTimeZone} onChange={(x) => set('npsTimeZone', x ?? 'UTC')} allowDeselect={false} error={form.fieldError('npsTimeZone')} />
              </SimpleGrid>

              <Title order={3} size="h4">
                At-risk signals
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label="Compare CSAT over windows of (days)"
                  description="The latest window against the one before it; 14 to 730."
                  min={14}
                  max={730}
                  allowDecimal={false}
                  value={v.risk.windowDays}
                  onChange={(x) => setRisk('windowDays', num(x, 0))}
                  error={form.fieldError('risk.windowDays')}
                />
                <NumberInput
                  label="Flag a CSAT drop of (points)"
                  description="On the 1-5 score, e.g. 0.5; more than 0, at most 4."
                  min={0.01}
                  max={4}
                  step={0.25}
                  decimalScale={2}
                  value={v.risk.csatDrop}
                  onChange={(x) => setRisk('csatDrop', num(x, 0))}
                  error={form.fieldError('risk.csatDrop')}
                />
                <NumberInput label="Flag this many bad ratings in a row" description="2 to 20." min={2} max={20} allowDecimal={false} value={v.risk.badStreak} onChange={(x) => setRisk('badStreak', num(x, 0))} error={form.fieldError('risk.badStreak')} />
                <NumberInput
                  label="Flag a problem open longer than (days)"
                  description="While the client is in 'Old intractables'; 1 to 3650."
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  value={v.risk.problemDays}
                  onChange={(x) => setRisk('problemDays', num(x, 0))}
                  error={form.fieldError('risk.problemDays')}
                />
              </SimpleGrid>
            </Stack>
          </fieldset>
          <FormError message={form.formError} />
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={form.mutation.isPending}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </form>
  );
}

const percent = (x: number | null) => (x === null ? '–' : `${x.toLocaleString(undefined, { maximumFractionDigits: 2 })} %`);
const npsText = (x: number | null) => (x === null ? '–' : x.toLocaleString(undefined, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }));

function NpsRounds({ settings }: { settings: SurveySettings }) {
  const { user } = useSignedIn();
  const rounds = useNpsRounds();
  const queryClient = useQueryClient();
  const quarter = currentQuarter(settings.npsTimeZone);
  const canSend = user.role === 'owner' || user.role === 'admin' || user.role === 'account_manager';
  const sent = (rounds.data ?? []).some((r) => r.quarter === quarter);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label="NPS rounds">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          NPS rounds
        </Title>
        {canSend && (
          <ConfirmButton
            variant="light"
            color="blue"
            confirmColor="blue"
            disabled={sent || rounds.isPending}
            title={`Send the NPS survey for ${quarter} now?`}
            message={`Every contact with an e-mail address at an active client with a contract in force gets the question now, once for this quarter. The schedule will not send ${quarter} again.`}
            confirmLabel="Send now"
            onConfirm={async () => {
              await api.post<NpsRound>('/nps/rounds', { quarter });
              notifications.show({ color: 'teal', message: `The NPS survey for ${quarter} is on its way` });
              await queryClient.invalidateQueries({ queryKey: surveyKeys.rounds });
            }}
          >
            {sent ? `${quarter} sent` : "Send this quarter's survey now"}
          </ConfirmButton>
        )}
      </Group>
      {rounds.isPending ? (
        <TableSkeleton rows={3} />
      ) : rounds.isError ? (
        <ErrorAlert error={rounds.error} title="The NPS rounds could not be loaded" onRetry={() => rounds.refetch()} />
      ) : rounds.data.length === 0 ? (
        <EmptyState icon={<IconMoodSmile size={24} />} title="No NPS round yet">
          {settings.npsEnabled ? `The first goes out on day ${settings.npsDayOfMonth} of the ${ORDINAL[settings.npsMonthOfQuarter - 1]} month of a quarter.` : "Turn on the quarterly survey above, or send this quarter's now."}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quarter</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th ta="right">Recipients</Table.Th>
                <Table.Th ta="right">Answers</Table.Th>
                <Table.Th ta="right">Response rate</Table.Th>
                <Table.Th ta="right">NPS</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rounds.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.quarter}{' '}
                    {r.quarter === quarter && (
                      <Badge size="xs" variant="light">
                        current
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {new Date(r.startedAt).toLocaleDateString()} <Text span size="xs" c="dimmed">{r.startedBy ? `by ${r.startedBy.name}` : 'by the schedule'}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{r.recipientCount}</Table.Td>
                  <Table.Td ta="right">{r.responseCount}</Table.Td>
                  <Table.Td ta="right">{percent(r.responseRate)}</Table.Td>
                  <Table.Td ta="right">{npsText(r.nps)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
