import { Table, Text } from '@mantine/core';
import type { ContractTerms } from '../../api/pact-types';
import { targetText } from '../../pact-labels';
import { PriorityBadge } from './PriorityBadge';

/** Per priority: respond and resolve, remote and on-site, in words. */
export function TermsTable({ terms, label = 'Targets per priority', calendarName }: { terms: ContractTerms; label?: string; calendarName?: (id: string) => string | undefined }) {
  const priorities = Object.keys(terms.plan.targets).sort();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Response, remote</Table.Th>
            <Table.Th>Resolution, remote</Table.Th>
            <Table.Th>Response, on-site</Table.Th>
            <Table.Th>Resolution, on-site</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {priorities.map((p) => {
            const t = terms.plan.targets[p];
            if (!t) return null;
            const cal = calendarName?.(t.calendarId);
            return (
              <Table.Tr key={p}>
                <Table.Td>
                  <PriorityBadge priority={p} withName />
                  {cal && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {cal}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{targetText(t.remote.response)}</Table.Td>
                <Table.Td>{targetText(t.remote.resolution)}</Table.Td>
                <Table.Td>{targetText(t.onsite.response)}</Table.Td>
                <Table.Td>{targetText(t.onsite.resolution)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
