import { SimpleGrid } from '@mantine/core';
import type { Ticket } from '../../api/ticket-types';
import { ClockCard } from './ClockCard';
import { NoContractBanner } from './NoContractBanner';

/** Both clocks side by side, or the no-contract warning. */
export function TicketClocks({ ticket }: { ticket: Ticket }) {
  if (ticket.noContract || !ticket.clocks) return <NoContractBanner />;
  const zone = ticket.timeZone ?? ticket.site?.timeZone ?? null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <ClockCard title="First response" clock={ticket.clocks.firstResponse} clientTimeZone={zone} />
      <ClockCard title="Resolution" clock={ticket.clocks.resolution} clientTimeZone={zone} />
    </SimpleGrid>
  );
}
