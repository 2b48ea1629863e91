import { Anchor, Button, Collapse, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Contribution, ResponsibilityEvaluation } from '../../api/goal-types';
import { formatDateTime } from '../../labels';
import { ResponsibilityOutcomeBadge } from './GoalBadges';
import type { GoalPaths } from './goal-paths';
import { ticketReference } from './goal-format';

const SHOWN = 5;

/** The tickets on which the client went over its allowance, the first few then the rest on demand. */
function BreachTickets({ tickets, paths, label }: { tickets: Contribution[]; paths: GoalPaths; label: string }) {
  const [more, { toggle }] = useDisclosure(false);
  if (tickets.length === 0) return null;
  const row = (t: Contribution) => (
    <li key={t.ticketId}>
      <Anchor component={Link} to={paths.ticket(t.ticketId)} size="xs">
        <Text span ff="monospace" size="xs" mr={4}>
          {ticketReference(t.number)}
        </Text>
        {t.subject}
      </Anchor>
      {t.note && (
        <Text span size="xs" c="dimmed">
          {' '}
          · {t.note}
        </Text>
      )}
    </li>
  );
  return (
    <Stack gap={2}>
      <ul aria-label={label} style={{ margin: 0, paddingLeft: 16 }}>
        {tickets.slice(0, SHOWN).map(row)}
      </ul>
      {tickets.length > SHOWN && (
        <>
          <Collapse expanded={more}>
            <ul aria-label={`${label} (more)`} style={{ margin: 0, paddingLeft: 16 }}>
              {tickets.slice(SHOWN).map(row)}
            </ul>
          </Collapse>
          <Button size="compact-xs" variant="subtle" onClick={toggle} className="sp-no-print" aria-expanded={more} w="fit-content">
            {more ? 'Show fewer' : `Show ${tickets.length - SHOWN} more`}
          </Button>
        </>
      )}
    </Stack>
  );
}

/** The client's responsibilities for the month: kept, breached or not assessed, and the tickets behind a breach. */
export function ResponsibilitiesTable({
  responsibilities,
  paths,
  actions,
}: {
  responsibilities: ResponsibilityEvaluation[];
  paths: GoalPaths;
  actions?: (r: ResponsibilityEvaluation) => ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" aria-label="Client responsibilities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Responsibility</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th>Tickets behind a breach</Table.Th>
            {actions && (
              <Table.Th className="sp-no-print">
                <span className="sp-visually-hidden">Actions</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {responsibilities.map((r) => (
            <Table.Tr key={r.responsibilityId} data-testid={`responsibility-${r.responsibilityId}`}>
              <Table.Td maw={280}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {r.description}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.measure === 'attested' ? 'Attested each month' : 'Measured from time waiting on the client'}
                  {r.excludeFromCompliance ? ' · breaches leave the ticket out of compliance figures' : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <ResponsibilityOutcomeBadge outcome={r.outcome} />
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm">{r.reason}</Text>
                {r.attestation && (
                  <Text size="xs" c="dimmed">
                    {/* The reason already says kept or not and by whom: add when, and the note. */}
                    Attested {formatDateTime(r.attestation.at)}
                    {r.attestation.note ? ` · “${r.attestation.note}”` : ''}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={300}>
                {r.tickets.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  <BreachTickets tickets={r.tickets} paths={paths} label={`Tickets behind: ${r.description}`} />
                )}
              </Table.Td>
              {actions && (
                <Table.Td className="sp-no-print">
                  <Group justify="flex-end">{actions(r)}</Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Tickets left out of the MSP's compliance figures, with why. */
export function ExcludedTicketsTable({ excluded, paths }: { excluded: Array<{ ticketId: string; number: number; reason: string }>; paths: GoalPaths }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" aria-label="Excluded tickets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Ticket</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {excluded.map((e) => (
            <Table.Tr key={e.ticketId}>
              <Table.Td>
                <Anchor component={Link} to={paths.ticket(e.ticketId)} ff="monospace" size="sm">
                  {ticketReference(e.number)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.reason}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
