import { Anchor, Button, FileButton, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import type { Attachment } from '../../api/ticket-types';
import { ticketPath, useAttachments, useInvalidateTickets } from '../../api/ticket-queries';
import { formatDateTime } from '../../labels';
import { bytesText } from '../../ticket-labels';
import { ErrorAlert, FormError } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { useApiForm } from '../useApiForm';

export const attachmentUrl = (ticketId: string, attachmentId: string) => `/api/v1${ticketPath(ticketId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** The file's bytes as base64, for the JSON upload route. */
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

/** Files on the ticket: a list with download links and an upload button (size and type errors shown). */
export function AttachmentsSection({ ticketId }: { ticketId: string }) {
  const list = useAttachments(ticketId);
  const attachments = list.data ?? [];
  const invalidate = useInvalidateTickets();
  const [resetKey, setResetKey] = useState(0);
  const form = useApiForm({
    fieldNames: [],
    mutationFn: async (file: File) =>
      api.post<Attachment>(`${ticketPath(ticketId)}/attachments`, { filename: file.name, contentType: file.type || 'application/octet-stream', dataBase64: await readBase64(file) }),
    onSuccess: async (a) => {
      notifications.show({ color: 'teal', message: `${a?.filename ?? 'File'} attached` });
      setResetKey((k) => k + 1);
      await invalidate();
    },
  });
  const upload = (
    <FileButton key={resetKey} onChange={(f) => f && form.mutation.mutate(f)}>
      {(props) => (
        <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={form.mutation.isPending}>
          Attach a file
        </Button>
      )}
    </FileButton>
  );
  return (
    <SectionCard title="Attachments" count={attachments.length} actions={upload}>
      <Stack gap="xs">
        <FormError message={form.formError} />
        {list.isPending ? (
          <Skeleton height={28} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The attachments could not be loaded" onRetry={() => list.refetch()} />
        ) : attachments.length === 0 ? (
          <Group gap="xs" c="dimmed" wrap="nowrap">
            <IconPaperclip size={16} />
            <Text size="sm" c="dimmed">
              No files yet. Screenshots and logs help (up to 10 MB each).
            </Text>
          </Group>
        ) : (
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing={6} aria-label="Attachments">
              <Table.Tbody>
                {attachments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor href={attachmentUrl(ticketId, a.id)} download size="sm">
                        <Group gap={4} wrap="nowrap">
                          <IconDownload size={14} />
                          {a.filename}
                        </Group>
                      </Anchor>
                    </Table.Td>
                    <Table.Td fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {bytesText(a.size)}
                    </Table.Td>
                    <Table.Td fz="xs" c="dimmed" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                      {a.createdAt ? formatDateTime(a.createdAt) : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </SectionCard>
  );
}
