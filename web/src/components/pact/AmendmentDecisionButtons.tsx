import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import { useInvalidateContracts } from '../../api/pact-queries';
import type { Amendment } from '../../api/pact-types';
import { ConfirmButton } from '../ConfirmButton';
import { FormError } from '../ErrorAlert';
import { FormModal } from '../FormModal';
import { useApiForm } from '../useApiForm';

/** A client admin's Accept (confirmed, recorded) and Reject (reason required) for one amendment. */
export function AmendmentDecisionButtons({ contractId, amendment, signerName }: { contractId: string; amendment: Amendment; signerName: string }) {
  const invalidate = useInvalidateContracts();
  const [rejecting, { open, close }] = useDisclosure(false);
  const base = `/contracts/${encodeURIComponent(contractId)}/amendments/${amendment.number}`;
  const accept = async () => {
    await api.post(`${base}/accept`);
    notifications.show({ color: 'teal', message: `Amendment ${amendment.number} accepted` });
    await invalidate();
  };
  return (
    <Group gap="xs">
      <ConfirmButton
        color="teal"
        variant="filled"
        leftSection={<IconCheck size={16} />}
        title={`Accept amendment ${amendment.number}`}
        message={
          <>
            <strong>{amendment.summary}</strong>
            <br />
            <br />
            Accepting signs this change on behalf of your company. We record your name ({signerName}), the time and your IP address with the
            decision, and the new terms apply from the effective date (or from now, if that is later).
          </>
        }
        confirmLabel="Accept and sign"
        confirmColor="teal"
        onConfirm={accept}
      >
        Accept
      </ConfirmButton>
      <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={open}>
        Reject
      </Button>
      <FormModal opened={rejecting} onClose={close} title={`Reject amendment ${amendment.number}`}>
        <RejectForm base={base} amendment={amendment} onDone={close} />
      </FormModal>
    </Group>
  );
}

function RejectForm({ base, amendment, onDone }: { base: string; amendment: Amendment; onDone: () => void }) {
  const invalidate = useInvalidateContracts();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const form = useApiForm({
    fieldNames: ['reason'],
    mutationFn: (r: string) => api.post(`${base}/reject`, { reason: r }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: `Amendment ${amendment.number} rejected` });
      await invalidate();
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        form.mutation.mutate(reason.trim());
      }}
    >
      <Stack>
        <Text size="sm">{amendment.summary}</Text>
        <Textarea
          label="Reason"
          description="Your service provider sees this reason."
          required
          data-autofocus
          autosize
          minRows={3}
          value={reason}
          error={missing ? 'Give a reason for rejecting' : form.fieldError('reason')}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
            form.touch('reason');
          }}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={form.mutation.isPending}>
            Reject amendment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
