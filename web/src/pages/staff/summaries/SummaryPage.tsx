import { Anchor, Badge, Breadcrumbs, Button, Checkbox, Group, Modal, Skeleton, Stack, Table, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconMail, IconRefresh, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage, fieldErrors } from '../../../api';
import { useClient, useContacts } from '../../../api/queries';
import { useSummary, useSummaryActions, useSummaryDeliveries } from '../../../api/summary-queries';
import type { Summary } from '../../../api/summary-types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { SummaryDocumentView } from '../../../components/summaries/SummaryDocumentView';
import { formatDateTime } from '../../../labels';
import { canWriteContracts, useSignedIn } from '../../../session';

/** One client's summary for staff: the document as a page, the narrative editor, publish, PDF, delivery and its log. */
export function SummaryPage() {
  const { clientId = '', periodKey = '' } = useParams();
  const { user } = useSignedIn();
  const canWrite = canWriteContracts(user.role);
  const client = useClient(clientId);
  const summary = useSummary(clientId, periodKey);

  if (summary.isPending)
    return (
      <Stack>
        <Skeleton height={28} width="40%" />
        <Skeleton height={400} />
      </Stack>
    );
  if (summary.isError) {
    if (summary.error instanceof ApiError && (summary.error.status === 404 || summary.error.status === 400)) return <NotFound what="summary" backTo={`/clients/${clientId}`} backLabel="Back to the client" />;
    return <ErrorAlert error={summary.error} title="The summary could not be loaded" onRetry={() => summary.refetch()} />;
  }
  const s = summary.data;
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/clients">
          Clients
        </Anchor>
        <Anchor component={Link} to={`/clients/${clientId}`}>
          {client.data?.name ?? s.clientName}
        </Anchor>
        <Text size="sm">Executive summary {s.periodLabel}</Text>
      </Breadcrumbs>
      <PageHeader
        title={`Executive summary, ${s.periodLabel}`}
        badge={
          <Badge variant="light" color={s.status === 'published' ? 'teal' : 'yellow'}>
            {s.status === 'published' ? 'Published' : 'Draft'}
          </Badge>
        }
        description={`Generated ${formatDateTime(s.generatedAt)}${s.generatedBy ? ` by ${s.generatedBy.name}` : ''}${s.publishedAt ? ` · published ${formatDateTime(s.publishedAt)}${s.publishedBy ? ` by ${s.publishedBy.name}` : ''}` : ''}`}
        actions={<SummaryActions summary={s} canWrite={canWrite} />}
      />
      <Stack gap="lg">
        {s.status === 'draft' && canWrite && <NarrativeEditor summary={s} />}
        <SummaryDocumentView doc={s.document} narrative={s.narrative} status={s.status} publishedAt={s.publishedAt} />
        <DeliveryLog clientId={clientId} periodKey={periodKey} />
      </Stack>
    </>
  );
}

function SummaryActions({ summary: s, canWrite }: { summary: Summary; canWrite: boolean }) {
  const { generate, publish } = useSummaryActions(s.clientId);
  const [delivering, deliver] = useDisclosure(false);
  return (
    <Group gap="xs">
      <Button component="a" href={s.pdfUrl} variant="default" leftSection={<IconDownload size={16} />} download>
        Download PDF
      </Button>
      {canWrite && s.status === 'draft' && (
        <Button variant="default" leftSection={<IconRefresh size={16} />} loading={generate.isPending} onClick={() => generate.mutate(s.periodKey)}>
          Regenerate
        </Button>
      )}
      {canWrite && s.status === 'draft' && (
        <ConfirmButton
          variant="filled"
          color="blue"
          leftSection={<IconSend size={16} />}
          title="Publish this summary?"
          confirmLabel="Publish"
          confirmColor="blue"
          message="The client's administrators will see it in the portal from now on. A published summary no longer changes: its figures and narrative stay as they are now."
          onConfirm={() => publish.mutateAsync({ periodKey: s.periodKey, version: s.version })}
        >
          Publish
        </ConfirmButton>
      )}
      {canWrite && (
        <Button variant={s.status === 'published' ? 'filled' : 'default'} leftSection={<IconMail size={16} />} onClick={deliver.open}>
          Send by e-mail
        </Button>
      )}
      {generate.error && <FormError message={errorMessage(generate.error)} />}
      <DeliverModal summary={s} opened={delivering} onClose={deliver.close} />
    </Group>
  );
}

function NarrativeEditor({ summary: s }: { summary: Summary }) {
  const [text, setText] = useState(s.narrative);
  const { saveNarrative } = useSummaryActions(s.clientId);
  useEffect(() => setText(s.narrative), [s.narrative]);
  const errors = fieldErrors(saveNarrative.error);
  const dirty = text.trim() !== s.narrative;
  return (
    <SectionCard title="Your narrative">
      <Stack gap="xs">
        <Textarea
          label="From your account manager"
          description="A few paragraphs in your own words: what went well, what did not, what comes next. Separate paragraphs with a blank line. The client reads it at the top of the summary."
          autosize
          minRows={5}
          maxRows={18}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.narrative}
          maxLength={20000}
        />
        <FormError message={saveNarrative.error && !errors.narrative ? errorMessage(saveNarrative.error) : null} />
        <Group justify="flex-end">
          {saveNarrative.isSuccess && !dirty && (
            <Text size="sm" c="teal.8" role="status">
              Saved
            </Text>
          )}
          <Button onClick={() => saveNarrative.mutate({ periodKey: s.periodKey, narrative: text, version: s.version })} loading={saveNarrative.isPending} disabled={!dirty}>
            Save narrative
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}

function DeliverModal({ summary: s, opened, onClose }: { summary: Summary; opened: boolean; onClose: () => void }) {
  const contacts = useContacts(s.clientId);
  const [chosen, setChosen] = useState<string[]>([]);
  const { deliver } = useSummaryActions(s.clientId);
  const errors = fieldErrors(deliver.error);
  const send = async () => {
    await deliver.mutateAsync({ periodKey: s.periodKey, contactIds: chosen });
    setChosen([]);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Send the summary by e-mail" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          Each contact receives an e-mail with the PDF attached.{s.status === 'draft' ? ' Sending publishes the draft first: the client then also sees it in the portal, and it no longer changes.' : ''}
        </Text>
        <Checkbox.Group label="Contacts" value={chosen} onChange={setChosen} error={errors.contactIds}>
          <Stack gap={4} mt={4}>
            {(contacts.data ?? []).length === 0 && (
              <Text size="sm" c="dimmed">
                The client has no contacts yet. Add them on the client page.
              </Text>
            )}
            {(contacts.data ?? []).map((c) => (
              <Checkbox key={c.id} value={c.id} label={`${c.name} <${c.email}>`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormError message={deliver.error && !errors.contactIds ? errorMessage(deliver.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void send().catch(() => undefined)} loading={deliver.isPending} disabled={chosen.length === 0}>
            {s.status === 'draft' ? 'Publish and send' : 'Send'} to {chosen.length} {chosen.length === 1 ? 'contact' : 'contacts'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const deliveryColours = { queued: 'gray', sent: 'teal', failed: 'red' } as const;

function DeliveryLog({ clientId, periodKey }: { clientId: string; periodKey: string }) {
  const log = useSummaryDeliveries(clientId, periodKey);
  const items = log.data ?? [];
  return (
    <SectionCard title="Delivery log" count={items.length}>
      {log.isError ? (
        <ErrorAlert error={log.error} title="The delivery log could not be loaded" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not sent to anyone yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Recipient</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Requested</Table.Th>
                <Table.Th>Sent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    {d.contact?.name ?? d.email}
                    <Text size="xs" c="dimmed">
                      {d.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={deliveryColours[d.status]}>
                      {d.status === 'queued' ? 'Queued' : d.status === 'sent' ? 'Sent' : 'Failed'}
                    </Badge>
                    {d.error && (
                      <Text size="xs" c="red.8">
                        {d.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(d.requestedAt)}
                    <Text size="xs" c="dimmed">
                      {d.requestedBy ? `by ${d.requestedBy}` : 'by the schedule'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.sentAt ? formatDateTime(d.sentAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

