import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { usePriorityMatrix } from '../../../api/pact-queries';
import type { Ticket } from '../../../api/ticket-types';
import { FormError } from '../../../components/ErrorAlert';
import { useTicketPatch } from './useTicketPatch';

/** Overrides the matrix priority; the reason is required and becomes the clocks' 'target changed' event. */
export function PriorityOverrideModal({ ticket, opened, onClose }: { ticket: Ticket; opened: boolean; onClose: () => void }) {
  const matrix = usePriorityMatrix();
  const [priority, setPriority] = useState<string | null>(ticket.priority);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const patch = useTicketPatch(ticket, ['priority', 'priorityReason']);
  const submit = () => {
    if (reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    if (!priority) return;
    patch.mutation.mutate(
      { body: { priority, priorityReason: reason.trim() }, message: `Priority set to ${priority}` },
      {
        onSuccess: () => {
          setReason('');
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Change priority" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Select
            label="Priority"
            allowDeselect={false}
            data={(matrix.data?.priorities ?? []).map((p) => ({ value: p.key, label: `${p.key} · ${p.name}` }))}
            value={priority}
            onChange={setPriority}
            error={patch.fieldError('priority')}
          />
          <Textarea
            label="Reason"
            description="Recorded on the clocks; the client sees it."
            required
            data-autofocus
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissingReason(false);
              patch.touch('priorityReason');
            }}
            error={missingReason ? 'A reason is required to override the priority' : patch.fieldError('priorityReason')}
          />
          <FormError message={patch.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={patch.mutation.isPending} disabled={priority === ticket.priority}>
              Change priority
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
