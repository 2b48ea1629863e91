import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileTypeCsv, IconFileTypePdf, IconPencil } from '@tabler/icons-react';
import { statementCsvUrl, statementPdfUrl } from '../../api/goal-queries';
import type { Statement, StatementLine, StatementLineKind } from '../../api/goal-types';
import { MoneyAmount } from './GoalBadges';
import { money, periodLabel, periodRangeText, plainNumber } from './goal-format';

export const lineKindLabels: Record<StatementLineKind, string> = {
  plan_fee: 'Plan fee',
  rider: 'Rider',
  after_hours: 'After-hours work',
  service_credit: 'Service credit',
  incentive: 'Incentive',
};

function quantityText(line: StatementLine): string {
  if (line.quantity === undefined || line.quantity === null) return '—';
  if (line.kind === 'after_hours') return `${plainNumber(line.quantity)} h`;
  if (line.basis === 'per_user') return `${plainNumber(line.quantity)} user${line.quantity === 1 ? '' : 's'}`;
  if (line.basis === 'per_device') return `${plainNumber(line.quantity)} device${line.quantity === 1 ? '' : 's'}`;
  return plainNumber(line.quantity);
}

/** CSV and PDF of the statement, as downloads from the API. */
export function StatementDownloads({ contractId, periodKey, size = 'sm' }: { contractId: string; periodKey: string; size?: 'xs' | 'sm' }) {
  const month = periodLabel(periodKey);
  return (
    <Group gap="xs" className="sp-no-print">
      <Button component="a" href={statementPdfUrl(contractId, periodKey)} download size={size} variant="light" leftSection={<IconFileTypePdf size={16} />} aria-label={`Download the statement of ${month} as PDF`}>
        PDF
      </Button>
      <Button component="a" href={statementCsvUrl(contractId, periodKey)} download size={size} variant="default" leftSection={<IconFileTypeCsv size={16} />} aria-label={`Download the statement of ${month} as CSV`}>
        CSV
      </Button>
    </Group>
  );
}

/** The month's money: one line per fee, rider, after-hours work, credit and incentive, and the subtotal. */
export function StatementView({ statement, contractId, showDraftNote, timeZone }: { statement: Statement; contractId: string; showDraftNote: boolean; timeZone?: string }) {
  const range = timeZone ? periodRangeText(statement.periodFrom, statement.periodTo, timeZone) : periodLabel(statement.periodKey);
  return (
    <Stack gap="lg">
      {statement.status === 'draft' && showDraftNote && (
        <Alert color="yellow" variant="light" icon={<IconPencil size={18} />} title="Draft">
          This statement belongs to a draft scorecard: its credits and incentives can still change until the scorecard is finalised.
        </Alert>
      )}
      {statement.warnings.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Warnings">
          <List size="sm" spacing={2}>
            {statement.warnings.map((w, i) => (
              <List.Item key={i}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Statement lines">
        <Group justify="space-between" mb="sm" gap="xs">
          <Text size="sm" c="dimmed">
            {range} · amounts in {statement.currency}, before taxes
          </Text>
          <StatementDownloads contractId={contractId} periodKey={statement.periodKey} />
        </Group>
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" captionSide="top">
            <Table.Caption className="sp-visually-hidden">Statement of {periodLabel(statement.periodKey)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Description</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Unit price</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statement.lines.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      Nothing to bill for this month.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {statement.lines.map((l, i) => (
                <Table.Tr key={i} data-kind={l.kind}>
                  <Table.Td maw={420}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Badge size="xs" variant="outline" color={l.amountMinor < 0 ? 'red' : l.kind === 'incentive' ? 'teal' : 'gray'} radius="sm" style={{ minWidth: 'max-content' }} mt={3}>
                        {lineKindLabels[l.kind]}
                      </Badge>
                      <div>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {l.description}
                        </Text>
                        {l.note && (
                          <Text size="xs" c="dimmed">
                            {l.note}
                          </Text>
                        )}
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{quantityText(l)}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{l.unitPriceMinor === undefined || l.unitPriceMinor === null ? '—' : money(l.unitPriceMinor, statement.currency)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <MoneyAmount amountMinor={l.amountMinor} currency={statement.currency} signed={false} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3} ta="right">
                  Subtotal
                </Table.Th>
                <Table.Th ta="right">
                  <MoneyAmount amountMinor={statement.subtotalMinor} currency={statement.currency} signed={false} fw={700} />
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" mt="xs">
          Service credits to the client are shown with a minus sign. Taxes are left to the invoice.
        </Text>
      </Paper>
    </Stack>
  );
}
