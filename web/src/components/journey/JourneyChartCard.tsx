import { Button, Collapse, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { lazy, Suspense, useId } from 'react';
import type { Journey } from '../../api/journey-types';
import { csatAnswered, csatText, journeySummary, monthLabel, npsAnswered, npsText, percentText, quarterLabel, responsesText } from './journey-format';
import { STAGE_INFO, stagePosition } from './journey-stages';

// ECharts loads with the first chart, not with the app.
const JourneyChart = lazy(() => import('./JourneyChart').then((m) => ({ default: m.JourneyChart })));

const CSAT_COLOUR = '#364fc7';
const NPS_COLOUR = '#862e9c';

/**
 * The journey chart with what a reader needs around it: the figures in words (the chart's
 * accessible name), the latest month and quarter in a line, what is missing when something is,
 * the stage colours, and the figures as tables on request.
 */
export function JourneyChartCard({ journey, emptyText, height = 360 }: { journey: Pick<Journey, 'bands' | 'satisfaction'>; emptyText: string; height?: number }) {
  const { bands } = journey;
  const { csat, nps } = journey.satisfaction;
  const months = csat.filter(csatAnswered);
  const quarters = nps.filter(npsAnswered);
  const [showFigures, figures] = useDisclosure(false);
  const figuresId = useId();

  if (bands.length === 0 && months.length === 0 && quarters.length === 0)
    return (
      <Paper withBorder radius="md" p="md" style={{ borderStyle: 'dashed' }} data-testid="journey-chart-empty">
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      </Paper>
    );

  const missing: string[] = [];
  if (bands.length === 0) missing.push('No stage recorded yet, so no bands are shown.');
  if (months.length === 0) missing.push('No CSAT answers yet: the line appears when requesters rate their resolved tickets.');
  if (quarters.length === 0) missing.push('No NPS answers yet: NPS is asked once a quarter.');
  const latest = months[months.length - 1];
  const latestNps = quarters[quarters.length - 1];
  const stagesShown = [...new Map(bands.map((b) => [b.stage, b])).values()];

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Headline colour={CSAT_COLOUR} label="CSAT, latest month">
          {latest ? (
            <>
              <Text span fw={700} size="lg" c={CSAT_COLOUR}>
                {csatText(latest.average)}
              </Text>{' '}
              <Text span size="sm">
                of 5 in {monthLabel(latest.month)} · {percentText(latest.positivePercent)} positive · {responsesText(latest.responses)}
              </Text>
            </>
          ) : (
            <Text span size="sm" c="dimmed">
              No answers yet
            </Text>
          )}
        </Headline>
        <Headline colour={NPS_COLOUR} label="NPS, latest quarter">
          {latestNps ? (
            <>
              <Text span fw={700} size="lg" c={NPS_COLOUR}>
                {npsText(latestNps.nps)}
              </Text>{' '}
              <Text span size="sm">
                in {quarterLabel(latestNps.quarter)} · {responsesText(latestNps.responses)}
              </Text>
            </>
          ) : (
            <Text span size="sm" c="dimmed">
              No answers yet
            </Text>
          )}
        </Headline>
      </SimpleGrid>
      <div role="img" aria-label={`Journey chart. ${journeySummary(bands, csat, nps)}`} data-testid="journey-chart">
        <Suspense fallback={<Skeleton height={height} />}>
          <JourneyChart bands={bands} csat={csat} nps={nps} height={height} />
        </Suspense>
      </div>
      {stagesShown.length > 0 && (
        <Group gap="md" aria-hidden="true" wrap="wrap">
          <Text size="xs" c="dimmed">
            Shaded: the stage in force
          </Text>
          {stagesShown.map((b) => (
            <Group key={b.stage} gap={4} wrap="nowrap">
              <span style={{ width: 12, height: 12, borderRadius: 2, background: STAGE_INFO[b.stage].band, border: '1px solid #ced4da', display: 'inline-block' }} />
              <Text size="xs">
                {stagePosition(b.stage)}. {b.label}
              </Text>
            </Group>
          ))}
        </Group>
      )}
      {missing.map((m) => (
        <Text key={m} size="xs" c="dimmed">
          {m}
        </Text>
      ))}
      {(months.length > 0 || quarters.length > 0) && (
        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={showFigures ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={figures.toggle}
            aria-expanded={showFigures}
            aria-controls={figuresId}
          >
            {showFigures ? 'Hide the figures' : 'Show the figures'}
          </Button>
          <Collapse expanded={showFigures} id={figuresId}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
              <Table.ScrollContainer minWidth={280}>
                <Table striped verticalSpacing={4} fz="sm" aria-label="CSAT by month">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Month</Table.Th>
                      <Table.Th ta="right">CSAT average</Table.Th>
                      <Table.Th ta="right">Positive</Table.Th>
                      <Table.Th ta="right">Responses</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {csat.map((c) => (
                      <Table.Tr key={c.month}>
                        <Table.Td>{monthLabel(c.month)}</Table.Td>
                        <Table.Td ta="right">{csatText(c.average)}</Table.Td>
                        <Table.Td ta="right">{percentText(c.positivePercent)}</Table.Td>
                        <Table.Td ta="right">{c.responses}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Table.ScrollContainer minWidth={220}>
                <Table striped verticalSpacing={4} fz="sm" aria-label="NPS by quarter">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Quarter</Table.Th>
                      <Table.Th ta="right">NPS</Table.Th>
                      <Table.Th ta="right">Responses</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {nps.length === 0 ? (
                      <Table.Tr>
                        <Table.Td colSpan={3} c="dimmed">
                          No NPS answers yet.
                        </Table.Td>
                      </Table.Tr>
                    ) : (
                      nps.map((q) => (
                        <Table.Tr key={q.quarter}>
                          <Table.Td>{quarterLabel(q.quarter)}</Table.Td>
                          <Table.Td ta="right">{npsText(q.nps)}</Table.Td>
                          <Table.Td ta="right">{q.responses}</Table.Td>
                        </Table.Tr>
                      ))
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </SimpleGrid>
          </Collapse>
        </div>
      )}
    </Stack>
  );
}

function Headline({ colour, label, children }: { colour: string; label: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="sm" px="sm" py={6} style={{ borderLeft: `4px solid ${colour}` }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <div>{children}</div>
    </Paper>
  );
}
