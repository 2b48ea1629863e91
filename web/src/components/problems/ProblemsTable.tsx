import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ProblemListItem } from '../../api/journey-types';
import { formatDay } from '../journey/journey-format';
import { ProblemStatusBadge } from './ProblemStatusBadge';

/** Problems as rows; staff see the client, the portal links to its own pages. */
export function ProblemsTable({ problems, basePath, showClient }: { problems: ProblemListItem[]; basePath: string; showClient: boolean }) {
  return (
    <Table.ScrollContainer minWidth={showClient ? 760 : 560}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Problem</Table.Th>
            {showClient && <Table.Th>Client</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Tickets</Table.Th>
            <Table.Th>Next milestone</Table.Th>
            <Table.Th>Opened</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td maw={380}>
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.reference}
                </Text>
                <Anchor component={Link} to={`${basePath}/${p.id}`} fw={500} size="sm" style={{ overflowWrap: 'anywhere' }} lineClamp={2}>
                  {p.title}
                </Anchor>
              </Table.Td>
              {showClient && (
                <Table.Td fz="sm" maw={200}>
                  <Text size="sm" lineClamp={1}>
                    {p.client.name}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <ProblemStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td ta="right" fz="sm">
                {p.ticketCount}
              </Table.Td>
              <Table.Td fz="sm" maw={260}>
                {p.nextMilestone ? (
                  <>
                    <Text size="sm" lineClamp={1}>
                      {p.nextMilestone.title}
                    </Text>
                    {p.nextMilestone.dueOn && (
                      <Text size="xs" c="dimmed">
                        due {formatDay(p.nextMilestone.dueOn)}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {p.status === 'resolved' ? '—' : 'None planned'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDay(p.openedAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
