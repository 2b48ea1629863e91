import { Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api';
import { ticketKeys, useStaffUsers, useTicketSettings } from '../../../api/ticket-queries';
import type { TicketSettings, TicketStatus } from '../../../api/ticket-types';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useApiForm } from '../../../components/useApiForm';
import { openStatuses, statusLabel } from '../../../ticket-labels';

/** Owner and admin: which statuses pause clocks, comments on closed tickets, inbound e-mail, escalation. */
export function TicketSettingsPage() {
  const settings = useTicketSettings();
  return (
    <>
      <PageHeader title="Ticket settings" description="How tickets pause, reopen and arrive by e-mail, and who hears about breaches." />
      {settings.isPending ? (
        <TableSkeleton rows={4} />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} title="The ticket settings could not be loaded" onRetry={() => settings.refetch()} />
      ) : (
        <TicketSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />
      )}
    </>
  );
}

function TicketSettingsForm({ settings }: { settings: TicketSettings }) {
  const staff = useStaffUsers();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(settings);
  const form = useApiForm({
    fieldNames: ['pausingStatuses', 'commentOnClosed', 'unknownSenders', 'supportAddress', 'escalationUserId'],
    mutationFn: () =>
      api.patch<TicketSettings>(
        '/tenant/ticket-settings',
        {
          pausingStatuses: values.pausingStatuses,
          commentOnClosed: values.commentOnClosed,
          unknownSenders: values.unknownSenders,
          supportAddress: values.supportAddress?.trim() || null,
          escalationUserId: values.escalationUserId,
        },
      ),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Ticket settings saved' });
      await queryClient.invalidateQueries({ queryKey: ticketKeys.settings });
    },
  });
  const set = <K extends keyof TicketSettings>(k: K, v: TicketSettings[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    form.touch(k);
  };
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
          <Checkbox.Group
            label="Pausing statuses"
            description="While a ticket is in one of these, its resolution clock stops (and the first-response clock where the plan says so)."
            value={values.pausingStatuses}
            onChange={(v) => set('pausingStatuses', v as TicketStatus[])}
            error={form.fieldError('pausingStatuses')}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
              {openStatuses.map((s) => (
                <Checkbox key={s} value={s} label={statusLabel(s)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Radio.Group
            label="A comment on a closed ticket"
            value={values.commentOnClosed}
            onChange={(v) => set('commentOnClosed', v as TicketSettings['commentOnClosed'])}
            error={form.fieldError('commentOnClosed')}
          >
            <Group mt="xs">
              <Radio value="reopen" label="Reopens it" />
              <Radio value="refuse" label="Is refused" />
            </Group>
          </Radio.Group>
          <Radio.Group
            label="E-mail from unknown senders"
            value={values.unknownSenders}
            onChange={(v) => set('unknownSenders', v as TicketSettings['unknownSenders'])}
            error={form.fieldError('unknownSenders')}
          >
            <Group mt="xs">
              <Radio value="triage" label="Goes to triage" />
              <Radio value="refuse" label="Is refused" />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Support address"
              description="Mail to this address becomes a ticket."
              type="email"
              placeholder="support@your-msp.example"
              value={values.supportAddress ?? ''}
              onChange={(e) => set('supportAddress', e.currentTarget.value)}
              error={form.fieldError('supportAddress')}
            />
            <Select
              label="Escalation user"
              description="Also told about every breach."
              placeholder="Nobody"
              clearable
              searchable
              data={(staff.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={values.escalationUserId}
              onChange={(v) => set('escalationUserId', v)}
              error={form.fieldError('escalationUserId')}
            />
          </SimpleGrid>
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.mutation.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
