import { SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { allPages, keys } from '../../api/queries';
import type { Site } from '../../api/types';
import type { Ticket } from '../../api/ticket-types';
import { ClockCard } from './ClockCard';
import { NoContractBanner } from './NoContractBanner';

/** The ticket's site's zone (or the client's main site's), in which its clocks run. */
function useClientTimeZone(ticket: Ticket): string | null {
  const clientId = ticket.client.id;
  const sites = useQuery({ queryKey: keys.sites(clientId), queryFn: () => allPages<Site>(`/clients/${encodeURIComponent(clientId)}/sites`), staleTime: 5 * 60_000 });
  const list = sites.data ?? [];
  return (list.find((s) => s.id === ticket.site?.id) ?? list.find((s) => s.isMain))?.timeZone ?? null;
}

/** Both clocks side by side, or the no-contract warning. */
export function TicketClocks({ ticket }: { ticket: Ticket }) {
  const zone = useClientTimeZone(ticket);
  if (ticket.noContract || !ticket.clocks) return <NoContractBanner />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <ClockCard title="First response" clock={ticket.clocks.firstResponse} clientTimeZone={zone} />
      <ClockCard title="Resolution" clock={ticket.clocks.resolution} clientTimeZone={zone} />
    </SimpleGrid>
  );
}
