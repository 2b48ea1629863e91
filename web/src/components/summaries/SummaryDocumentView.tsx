import { Badge, Divider, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SummaryDocument } from '../../api/summary-types';
import { comparatorSymbols, goalOutcomeColours, goalOutcomeLabels, money, valueText } from '../goals/goal-format';
import type { Comparator, MetricUnit } from '../../api/goal-types';
import { CategoryChart, ServiceTrendChart } from './SummaryCharts';
import { civilDateText, minutesText, npsText, percentText, plural, problemStatusLabels, quarterLabel, scoreText } from './summary-format';

function Tile({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'good' | 'bad' }) {
  return (
    <Paper radius="md" p="sm" bg="gray.0">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} mt={4}>
        {value}
      </Text>
      <Text size="xs" c={tone === 'good' ? 'teal.8' : tone === 'bad' ? 'red.8' : 'dimmed'}>{sub ?? ' '}</Text>
    </Paper>
  );
}

function Section({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={3} size="h4" mb={4}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="xs">
          {intro}
        </Text>
      )}
      {children}
    </section>
  );
}

function change(now: number | null, before: number | null): { text: string; tone?: 'good' | 'bad' } | undefined {
  if (now === null || before === null) return undefined;
  const d = Math.round((now - before) * 10) / 10;
  if (d === 0) return { text: 'unchanged' };
  return { text: `${d > 0 ? '+' : ''}${d} pts vs previous period`, tone: d > 0 ? 'good' : 'bad' };
}

/**
 * A summary as a page: the same figures, sections and words as its PDF, with the charts drawn in
 * the browser. Used by staff and, for published summaries, by the client admin in the portal.
 */
export function SummaryDocumentView({ doc, narrative, status, publishedAt }: { doc: SummaryDocument; narrative: string; status: 'draft' | 'published'; publishedAt: string | null }) {
  const points = doc.serviceLevels;
  const now = points[points.length - 1]!;
  const before = points[points.length - 2];
  const h = doc.headline;
  const fr = change(now.firstResponseCompliance.value, before?.firstResponseCompliance.value ?? null);
  const rc = change(now.resolutionCompliance.value, before?.resolutionCompliance.value ?? null);
  const g = doc.goals;
  const paragraphs = narrative
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const contract = doc.contract ? `${doc.contract.name}${doc.contract.planName && doc.contract.planName !== doc.contract.name ? ` (${doc.contract.planName} plan)` : ''}` : 'No contract in force';
  const netText = h.currency && h.goalsEvaluated ? (h.netAmountMinor < 0 ? `net credit ${money(-h.netAmountMinor, h.currency)}` : h.netAmountMinor > 0 ? `net incentive ${money(h.netAmountMinor, h.currency)}` : 'no credits or incentives') : 'no scorecard yet';
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="article" aria-label={`Executive summary for ${doc.clientName}, ${doc.periodLabel}`}>
      <Stack gap="lg">
        <div>
          <Text size="xs" fw={700} c="blue.8" tt="uppercase">
            Executive summary
          </Text>
          <Title order={2}>{doc.clientName}</Title>
          <Text size="lg">{doc.periodLabel}</Text>
          <Text size="sm" c="dimmed">
            Prepared by {doc.organisation} for {doc.clientName} · {contract} · {publishedAt ? `Published ${civilDateText(publishedAt)}` : 'Draft: not yet published, figures may still change'}
          </Text>
          {status === 'draft' && (
            <Badge color="yellow" variant="light" mt="xs">
              Draft
            </Badge>
          )}
        </div>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Tile label="Tickets opened" value={String(h.opened)} sub={before ? `${before.opened} in ${before.label}` : undefined} />
          <Tile label="First response in time" value={percentText(h.firstResponseCompliance)} sub={fr?.text} tone={fr?.tone} />
          <Tile label="Resolved in time" value={percentText(h.resolutionCompliance)} sub={rc?.text} tone={rc?.tone} />
          <Tile label="Satisfaction (CSAT, 1-5)" value={scoreText(h.csatAverage, 1)} sub={h.csatAverage.sample ? plural(h.csatAverage.sample, 'answer') : 'no answers'} />
          <Tile label={`NPS (${quarterLabel(doc.satisfaction.npsQuarter)})`} value={npsText(h.nps)} sub={h.nps.sample ? plural(h.nps.sample, 'answer') : 'no answers'} />
          <Tile label="Goals met" value={h.goalsEvaluated ? `${h.goalsMet} of ${h.goalsEvaluated}` : 'n/a'} sub={netText} />
        </SimpleGrid>

        {paragraphs.length > 0 && (
          <Section title="From your account manager">
            <Stack gap="xs">
              {paragraphs.map((p, i) => (
                <Text key={i} style={{ whiteSpace: 'pre-line' }}>
                  {p}
                </Text>
              ))}
            </Stack>
          </Section>
        )}

        <Section title="Service levels" intro="How quickly tickets were answered and resolved against the targets of the contract, this period and the three before it.">
          <ServiceTrendChart doc={doc} />
          <Table.ScrollContainer minWidth={640}>
            <Table striped fz="sm" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Period</Table.Th>
                  <Table.Th ta="right">Opened</Table.Th>
                  <Table.Th ta="right">Resolved</Table.Th>
                  <Table.Th ta="right">Response in time</Table.Th>
                  <Table.Th ta="right">Median response</Table.Th>
                  <Table.Th ta="right">Resolved in time</Table.Th>
                  <Table.Th ta="right">Median resolution</Table.Th>
                  <Table.Th ta="right">Mean resolution</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {points.map((p, i) => (
                  <Table.Tr key={p.periodKey} fw={i === points.length - 1 ? 700 : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.label}</Table.Td>
                    <Table.Td ta="right">{p.opened}</Table.Td>
                    <Table.Td ta="right">{p.resolved}</Table.Td>
                    <Table.Td ta="right">{percentText(p.firstResponseCompliance)}</Table.Td>
                    <Table.Td ta="right">{minutesText(p.medianTimeToRespond)}</Table.Td>
                    <Table.Td ta="right">{percentText(p.resolutionCompliance)}</Table.Td>
                    <Table.Td ta="right">{minutesText(p.medianTimeToResolve)}</Table.Td>
                    <Table.Td ta="right">{minutesText(p.meanTimeToResolve)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>

        <Section
          title="Volumes"
          intro={`${plural(doc.volumes.opened, 'ticket')} ${doc.volumes.opened === 1 ? 'was' : 'were'} opened and ${doc.volumes.resolved} resolved. At the period's end ${doc.volumes.backlogAtEnd} ${doc.volumes.backlogAtEnd === 1 ? 'ticket was' : 'tickets were'} open, ${doc.volumes.backlogAged} of them older than ${doc.volumes.agedDays} business days.`}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <div>
              <Text size="sm" fw={600} c="dimmed">
                By category
              </Text>
              {doc.volumes.byCategory.length ? <CategoryChart doc={doc} /> : <Text size="sm">No tickets.</Text>}
            </div>
            <CountTable title="By priority" head="Priority" rows={doc.volumes.byPriority} />
            <CountTable title="By site" head="Site" rows={doc.volumes.bySite} />
          </SimpleGrid>
        </Section>

        <Section title="Top recurring issues">
          {doc.topIssues.catalogItems.length ? (
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kind of request</Table.Th>
                  <Table.Th ta="right">Tickets</Table.Th>
                  <Table.Th ta="right">Share</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {doc.topIssues.catalogItems.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td ta="right">{r.count}</Table.Td>
                    <Table.Td ta="right">{doc.volumes.opened ? `${Math.round((r.count / doc.volumes.opened) * 100)} %` : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              No catalogued requests in the period.
            </Text>
          )}
          <Text size="sm" fw={600} c="dimmed" mt="sm">
            Long-standing problems
          </Text>
          {doc.topIssues.problems.length ? (
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Problem</Table.Th>
                  <Table.Th>Plan</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Next step</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {doc.topIssues.problems.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td fw={600}>PRB-{p.number}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {p.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {p.plan || p.workaround || 'No plan recorded yet.'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{problemStatusLabels[p.status] ?? p.status}</Table.Td>
                    <Table.Td>{p.nextMilestone ? `${p.nextMilestone.title}${p.nextMilestone.dueOn ? `, due ${civilDateText(p.nextMilestone.dueOn)}` : ''}` : p.resolvedAt ? `Resolved ${civilDateText(p.resolvedAt)}` : 'No milestone planned'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              No long-standing problems were open in the period.
            </Text>
          )}
        </Section>

        <Section title="Satisfaction">
          <Table fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>CSAT average score (1 to 5)</Table.Td>
                <Table.Td ta="right">{scoreText(doc.satisfaction.csatAverage)}</Table.Td>
                <Table.Td ta="right">{plural(doc.satisfaction.csatAverage.sample, 'answer')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Positive answers (4 or 5 of 5, or good)</Table.Td>
                <Table.Td ta="right">{percentText(doc.satisfaction.csatPositive)}</Table.Td>
                <Table.Td ta="right">{plural(doc.satisfaction.csatPositive.sample, 'answer')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Survey response rate</Table.Td>
                <Table.Td ta="right">{percentText(doc.satisfaction.csatResponseRate)}</Table.Td>
                <Table.Td ta="right">{plural(doc.satisfaction.csatResponseRate.sample, 'survey')} sent</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Net Promoter Score, {quarterLabel(doc.satisfaction.npsQuarter)}</Table.Td>
                <Table.Td ta="right">{npsText(doc.satisfaction.nps)}</Table.Td>
                <Table.Td ta="right">
                  {doc.satisfaction.nps.sample
                    ? `${plural(doc.satisfaction.nps.promoters, 'promoter')}, ${plural(doc.satisfaction.nps.passives, 'passive')}, ${plural(doc.satisfaction.nps.detractors, 'detractor')}`
                    : 'no answers'}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="xs">
            {doc.satisfaction.journey.current ? (
              <>
                <b>Where we stand:</b> {doc.satisfaction.journey.current.label} (since {civilDateText(doc.satisfaction.journey.current.since)}).
              </>
            ) : (
              'No journey stage has been recorded yet.'
            )}
          </Text>
          {doc.satisfaction.journey.changes.length > 0 && (
            <List size="sm" mt={4}>
              {doc.satisfaction.journey.changes.map((c) => (
                <List.Item key={`${c.effectiveOn}-${c.stage}`}>
                  {civilDateText(c.effectiveOn)}: moved to {c.label}
                  {c.note ? `. ${c.note}` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </Section>

        <Section title="Goals">
          {g.items.length ? (
            <>
              <Table.ScrollContainer minWidth={560}>
                <Table fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Goal</Table.Th>
                      <Table.Th ta="right">Target</Table.Th>
                      <Table.Th ta="right">Result</Table.Th>
                      <Table.Th>Outcome</Table.Th>
                      <Table.Th ta="right">Credit / incentive</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.items.map((x, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {x.objective}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {x.metricLabel}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {comparatorSymbols[x.comparator as Comparator]} {valueText(x.target, x.unit as MetricUnit)}
                        </Table.Td>
                        <Table.Td ta="right">{valueText(x.value, x.unit as MetricUnit)}</Table.Td>
                        <Table.Td>
                          <Badge color={goalOutcomeColours[x.outcome]} variant="light">
                            {goalOutcomeLabels[x.outcome]}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right" c={x.amountMinor < 0 ? 'red.8' : x.amountMinor > 0 ? 'teal.8' : undefined}>
                          {x.amountMinor && g.currency ? money(x.amountMinor, g.currency, { signed: true }) : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {g.currency && (
                <Group gap="lg" mt="xs">
                  <Text size="sm">
                    <b>Service credits:</b> {money(g.creditsMinor, g.currency, { signed: true })}
                  </Text>
                  <Text size="sm">
                    <b>Incentives:</b> {money(g.incentivesMinor, g.currency)}
                  </Text>
                  <Text size="sm" fw={700} c={g.netMinor < 0 ? 'red.8' : g.netMinor > 0 ? 'teal.8' : undefined}>
                    Net: {money(g.netMinor, g.currency, { signed: true })}
                  </Text>
                </Group>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              No goals were evaluated for this period yet.
            </Text>
          )}
        </Section>

        <Section title="After-hours work">
          <Text size="sm">
            {doc.afterHours.entries
              ? `${plural(doc.afterHours.hours, 'hour')} of work ${doc.afterHours.hours === 1 ? 'was' : 'were'} done outside the coverage hours (${doc.afterHours.billableHours} billable, ${doc.afterHours.nonBillableHours} not billed), over ${plural(doc.afterHours.entries, 'time entry', 'time entries')} in the period.`
              : 'No work was logged in the period.'}
          </Text>
        </Section>

        <Section title="Changes and transitions">
          <Text size="sm" c="dimmed">
            {doc.changes.note}
          </Text>
        </Section>

        <Divider />
        <Section title="How these figures are measured">
          <List size="xs" c="dimmed">
            {doc.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Section>
      </Stack>
    </Paper>
  );
}

function CountTable({ title, head, rows }: { title: string; head: string; rows: Array<{ key: string; label: string; count: number }> }) {
  return (
    <div>
      <Text size="sm" fw={600} c="dimmed">
        {title}
      </Text>
      {rows.length ? (
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{head}</Table.Th>
              <Table.Th ta="right">Tickets</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{r.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">No tickets.</Text>
      )}
    </div>
  );
}
