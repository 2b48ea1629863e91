import { Alert, Anchor, Button, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarEvent, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, fieldErrors } from '../../../api';
import { useAnnouncement, useAnnouncementMutations, useAudiencePreview } from '../../../api/announcement-queries';
import type { Announcement, AnnouncementInput, AnnouncementKind, Audience } from '../../../api/announcement-types';
import { AnnouncementStatusBadge, kindHelp, kindLabels } from '../../../components/announcements/announcement-format';
import { editorToHtml, htmlToEditor, SafeHtml } from '../../../components/announcements/announcement-html';
import { AudiencePicker } from '../../../components/announcements/AudiencePicker';
import { RichTextEditor } from '../../../components/announcements/RichTextEditor';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { formatDateTime } from '../../../labels';
import { canWriteContracts, useSignedIn } from '../../../session';
import { AnnouncementView } from './AnnouncementView';

const EMPTY_AUDIENCE: Audience = { clientIds: [], planIds: [], siteIds: [], contactRoles: [] };

/** `/announcements/new` and `/announcements/:id`: drafts and scheduled ones are edited here, the rest shown. */
export function AnnouncementComposePage() {
  const { announcementId = '' } = useParams();
  const one = useAnnouncement(announcementId);
  const { user } = useSignedIn();
  if (announcementId === '') return <ComposeForm key="new" />;
  if (one.isPending) return <Skeleton h={400} />;
  if (one.isError) return <ErrorAlert error={one.error} title="The announcement could not be loaded" onRetry={() => one.refetch()} />;
  const a = one.data;
  // Keyed by status too: a send finished elsewhere (another tab, the schedule) shows as it is.
  if ((a.status === 'draft' || a.status === 'scheduled') && canWriteContracts(user.role)) return <ComposeForm key={`${a.id}:${a.status}`} existing={a} />;
  return <AnnouncementView announcement={a} />;
}

/** The local value of a datetime-local input, from an ISO instant. */
const localInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

function ComposeForm({ existing }: { existing?: Announcement }) {
  const navigate = useNavigate();
  const m = useAnnouncementMutations();
  const [kind, setKind] = useState<AnnouncementKind>(existing?.kind ?? 'service_notice');
  const [subject, setSubject] = useState(existing?.subject ?? '');
  const [source, setSource] = useState(existing ? htmlToEditor(existing.bodyHtml) : '');
  const [audience, setAudience] = useState<Audience>(existing?.audience ?? EMPTY_AUDIENCE);
  const [at, setAt] = useState(existing?.scheduledFor ? localInput(existing.scheduledFor) : '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Announcement | undefined>(existing);
  const [debouncedAudience] = useDebouncedValue(audience, 300);
  const preview = useAudiencePreview({ kind, audience: debouncedAudience });
  const html = editorToHtml(source);
  const fields = fieldErrors(error);
  const input: AnnouncementInput = { kind, subject, bodyHtml: html, audience };
  const busy = m.create.isPending || m.update.isPending || m.send.isPending || m.cancel.isPending;

  /**
   * Saves the form (creating the draft the first time) and returns the saved row. A new draft
   * moves to its own address, where the page reads it afresh; when a send follows, it moves
   * there once the send is done, so the page never reads the draft half-way.
   */
  const save = async (openSaved = true): Promise<Announcement> => {
    setError(null);
    try {
      const a = saved ? await m.update.mutateAsync({ id: saved.id, input, version: saved.version }) : await m.create.mutateAsync(input);
      setSaved(a);
      if (!saved && openSaved) navigate(`/announcements/${a.id}`, { replace: true });
      return a;
    } catch (e) {
      setError(e);
      throw e;
    }
  };
  const sendAt = async (when?: string) => {
    const a = await save(false);
    try {
      const sent = await m.send.mutateAsync({ id: a.id, at: when, version: a.version });
      setSaved(sent);
      navigate(`/announcements/${sent.id}`, { replace: true });
    } catch (e) {
      // The page stays, with the saved draft and the reason the send was refused.
      setError(e);
      throw e;
    }
  };
  const schedule = async () => {
    if (!at) {
      setError(new Error('Choose the date and time to send it at.'));
      return;
    }
    await sendAt(new Date(at).toISOString()).catch(() => undefined);
  };
  const count = preview.data?.count;
  const errorText = error && Object.keys(fields).length === 0 ? errorMessage(error) : Object.keys(fields).length > 0 ? 'Check the fields marked below.' : null;

  return (
    <>
      <PageHeader
        title={existing ? 'Edit announcement' : 'New announcement'}
        badge={saved ? <AnnouncementStatusBadge status={saved.status} /> : undefined}
        description={
          <>
            Write once, send to the client contacts you choose. <Anchor component={Link} to="/announcements">All announcements</Anchor>
          </>
        }
      />
      <Stack gap="lg">
        {saved?.status === 'scheduled' && (
          <Alert color="blue" icon={<IconCalendarEvent size={18} />} title={`Scheduled for ${formatDateTime(saved.scheduledFor)}`}>
            <Group justify="space-between" align="center">
              <Text size="sm">It is sent at that time to whoever matches the audience then. You can still change it, or cancel the send.</Text>
              <ConfirmButton
                title="Cancel the scheduled send?"
                message="Nothing will be sent. The announcement stays in the list as cancelled."
                confirmLabel="Cancel the send"
                onConfirm={async () => setSaved(await m.cancel.mutateAsync({ id: saved.id, version: saved.version }))}
              >
                Cancel scheduled send
              </ConfirmButton>
            </Group>
          </Alert>
        )}
        <FormError message={errorText} />
        <SectionCard title="Message">
          <Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="kind-label">
                Kind
              </Text>
              <SegmentedControl
                aria-labelledby="kind-label"
                value={kind}
                onChange={(v) => setKind(v as AnnouncementKind)}
                data={(Object.keys(kindLabels) as AnnouncementKind[]).map((k) => ({ value: k, label: kindLabels[k] }))}
                style={{ alignSelf: 'flex-start' }}
              />
              <Text size="xs" c="dimmed">
                {kindHelp[kind]}
              </Text>
              {fields.kind && (
                <Text size="xs" c="red">
                  Kind {fields.kind}
                </Text>
              )}
            </Stack>
            <TextInput label="Subject" required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={fields.subject ? `Subject ${fields.subject}` : undefined} maxLength={200} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <RichTextEditor
                label="Body"
                description="Blank lines separate paragraphs. Allowed: bold, italic, headings, lists, quotes and links; anything else is removed."
                value={source}
                onChange={setSource}
                error={fields.bodyHtml ? `Body ${fields.bodyHtml}` : undefined}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Preview
                </Text>
                <Paper withBorder radius="sm" p="md" mih={200} aria-label="Preview" role="region">
                  {subject && (
                    <Title order={4} mb="xs">
                      {subject}
                    </Title>
                  )}
                  {html ? <SafeHtml html={html} /> : <Text c="dimmed">The message appears here as recipients will see it.</Text>}
                </Paper>
              </Stack>
            </SimpleGrid>
          </Stack>
        </SectionCard>
        <SectionCard title="Audience">
          <Stack>
            <AudiencePicker value={audience} onChange={setAudience} errors={fields} />
            <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-default-hover)">
              {preview.isError ? (
                <Text c="red" size="sm" role="alert">
                  {errorMessage(preview.error)}
                </Text>
              ) : (
                <Stack gap="xs">
                  <Group gap="xs">
                    <IconInfoCircle size={18} />
                    <Text fw={500} data-testid="recipient-count" aria-live="polite">
                      {count === undefined ? 'Counting recipients…' : count === 1 ? 'Will reach 1 contact' : `Will reach ${count} contacts`}
                    </Text>
                  </Group>
                  {kind === 'newsletter' && (preview.data?.unsubscribed ?? 0) > 0 && (
                    <Text size="sm" c="dimmed">
                      {preview.data!.unsubscribed} more matched but unsubscribed from newsletters.
                    </Text>
                  )}
                  {preview.data && preview.data.sample.length > 0 && (
                    <Table.ScrollContainer minWidth={420}>
                      <Table fz="sm" verticalSpacing={4}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>Client</Table.Th>
                            <Table.Th>Contact</Table.Th>
                            <Table.Th>E-mail</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {preview.data.sample.map((r) => (
                            <Table.Tr key={r.email}>
                              <Table.Td>{r.client}</Table.Td>
                              <Table.Td>{r.name}</Table.Td>
                              <Table.Td>{r.email}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                      {count !== undefined && count > preview.data.sample.length && (
                        <Text size="xs" c="dimmed">
                          and {count - preview.data.sample.length} more
                        </Text>
                      )}
                    </Table.ScrollContainer>
                  )}
                </Stack>
              )}
            </Paper>
          </Stack>
        </SectionCard>
        <SectionCard title="Send">
          <Stack>
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <Group align="flex-end" gap="sm">
                <TextInput
                  type="datetime-local"
                  label="Send at"
                  description="Your local time"
                  value={at}
                  onChange={(e) => setAt(e.currentTarget.value)}
                  error={fields.at ? `Send at ${fields.at}` : undefined}
                />
                <Button variant="default" leftSection={<IconCalendarEvent size={16} />} onClick={schedule} loading={busy} disabled={!at}>
                  {saved?.status === 'scheduled' ? 'Reschedule' : 'Schedule'}
                </Button>
              </Group>
              <Group gap="sm">
                <Button variant="default" onClick={() => save().catch(() => undefined)} loading={m.create.isPending || m.update.isPending}>
                  {saved ? 'Save changes' : 'Save draft'}
                </Button>
                <ConfirmButton
                  color="blue"
                  variant="filled"
                  leftSection={<IconSend size={16} />}
                  confirmColor="blue"
                  title="Send this announcement now?"
                  message={
                    <>
                      “{subject || 'Untitled'}” goes out now to {count === undefined ? 'the matching contacts' : count === 1 ? '1 contact' : `${count} contacts`} as a {kindLabels[kind].toLowerCase()}. An e-mail cannot be called back once sent.
                    </>
                  }
                  confirmLabel="Send now"
                  onConfirm={() => sendAt()}
                  disabled={busy}
                >
                  Send now
                </ConfirmButton>
              </Group>
            </Group>
          </Stack>
        </SectionCard>
      </Stack>
    </>
  );
}
