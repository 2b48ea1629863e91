import { notifications } from '@mantine/notifications';
import { api } from '../../../api';
import { ticketPath, useInvalidateTickets } from '../../../api/ticket-queries';
import type { PatchTicketBody, Ticket } from '../../../api/ticket-types';
import { useApiForm } from '../../../components/useApiForm';

/** A change to a ticket with If-Match on its version; a notification says what was saved. */
export function useTicketPatch(ticket: Ticket, fieldNames: string[] = []) {
  const invalidate = useInvalidateTickets();
  return useApiForm({
    fieldNames,
    mutationFn: ({ body }: { body: PatchTicketBody; message: string }) => api.patch<Ticket>(ticketPath(ticket.id), body, ticket.version),
    onSuccess: async (_d, { message }) => {
      notifications.show({ color: 'teal', message });
      await invalidate();
    },
  });
}
