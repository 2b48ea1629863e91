import { Fieldset, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { CatalogCategory, Comparator, GoalPeriod, MetricKey, MetricUnit } from '../../api/pact-types';
import { categories, categoryLabels, comparatorOptions, manualUnitOptions, metricByKey, metricList, unitLabels } from '../../pact-labels';
import { draftMetric, metricMethod, type GoalDraft, type MoneyKind, type ResponsibilityDraft } from './goal-draft';
import { TargetInput } from './TargetInput';
import type { NestedErrors } from './useNestedErrors';

const moneyKinds: { value: MoneyKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'fixed', label: 'Fixed amount' },
  { value: 'percent_of_fee', label: '% of the fee' },
];

const shortUnit: Record<MetricUnit, string> = { percent: '%', minutes: 'min', hours: 'h', count: '', number: '' };

function unitOf(d: GoalDraft): MetricUnit {
  if (d.metricKey === 'manual') return d.manualUnit ?? 'number';
  return metricByKey(d.metricKey)?.unit ?? 'number';
}

/** A starting target when the unit changes: 95 % (or 5 % where lower is better), 4 business hours, an average score of 4.5, NPS 30, 10. */
function defaultTarget(unit: MetricUnit, higherIsBetter: boolean, key?: MetricKey): number {
  if (key === 'csat_average') return 4.5;
  if (key === 'nps') return 30;
  if (unit === 'percent') return higherIsBetter ? 95 : 5;
  if (unit === 'minutes') return 240;
  return 10;
}

/** What a metric's sample counts, for the minimum sample's help ("With fewer survey answers in the period..."). */
const SAMPLE_WORDS: Partial<Record<MetricKey, string>> = {
  after_hours_hours: 'time entries',
  csat_average: 'survey answers',
  csat_positive: 'survey answers',
  csat_response_rate: 'surveys sent',
  nps: 'NPS answers',
};

/** The target's help: the metric's own range where it has one, else the unit's. */
function targetHelp(unit: MetricUnit, range: [number, number] | undefined, key: MetricKey): string {
  if (key === 'csat_average') return 'An average score, from 1 to 5';
  if (key === 'nps') return 'From -100 (all detractors) to 100 (all promoters)';
  if (range) return `From ${range[0]} to ${range[1]}`;
  return unit === 'percent' ? 'From 0 to 100' : unit === 'number' ? 'Any number' : 'Zero or more';
}

const num = (v: string | number): number | '' => (typeof v === 'number' ? v : v.trim() === '' ? '' : Number(v));

// Required fields show an asterisk but leave the check to the server, so its message (naming
// the field, "a penalty is always capped per period") appears under the field.

/**
 * The fields of one goal: objective, what is measured (with the metric's own description as
 * help), which tickets, comparator and target in the metric's unit, period, minimum sample,
 * penalty and incentive, and the method text (following the metric until the person edits it).
 */
export function GoalFields({
  value,
  onChange,
  errors,
  priorities,
  sites,
  currency,
}: {
  value: GoalDraft;
  onChange: (d: GoalDraft) => void;
  errors: NestedErrors;
  priorities: string[];
  sites: { id: string; name: string }[];
  currency: string;
}) {
  const d = value;
  const set = (patch: Partial<GoalDraft>, ...touched: string[]) => {
    onChange({ ...d, ...patch });
    for (const t of touched) errors.touch(t);
  };
  const metric = metricByKey(d.metricKey);
  const unit = unitOf(d);
  const e = errors.message;
  const money = { decimalScale: 2, fixedDecimalScale: true, min: 0, thousandSeparator: ',', rightSection: <Text size="xs" c="dimmed">{currency}</Text>, rightSectionWidth: 44 };

  const changeMetric = (key: MetricKey) => {
    const next = metricByKey(key);
    const draft = { ...d, metricKey: key };
    const nextUnit = unitOf(draft);
    const higher = next?.higherIsBetter ?? true;
    onChange({
      ...draft,
      comparator: higher ? 'gte' : 'lte',
      target: nextUnit === unit && !next?.targetRange && !metric?.targetRange ? d.target : defaultTarget(nextUnit, higher, key),
      // NPS asks people, not about tickets: a ticket scope does not apply to it.
      ...(key === 'nps' ? { priorities: [], categories: [], siteIds: [] } : {}),
      minSample: key === 'manual' ? 1 : d.metricKey === 'manual' ? 20 : d.minSample,
      method: d.methodEdited ? d.method : metricMethod(draftMetric(draft)),
    });
    errors.touch('metric.key');
  };
  const followMethod = (patch: Partial<GoalDraft>) => (d.methodEdited ? {} : { method: metricMethod(draftMetric({ ...d, ...patch })) });

  return (
    <Stack gap="sm">
      <Textarea
        label="Objective"
        description="The client's aim, in its own words"
        placeholder="Our staff get a first answer fast"
        withAsterisk
        autosize
        minRows={1}
        data-autofocus
        value={d.objective}
        error={e('objective')}
        onChange={(ev) => set({ objective: ev.currentTarget.value }, 'objective')}
      />
      <Select
        label="Measure"
        description={metric?.description}
        searchable
        allowDeselect={false}
        data={metricList.map((m) => ({ value: m.key, label: m.label }))}
        value={d.metricKey}
        error={e('metric.key')}
        onChange={(v) => v && changeMetric(v as MetricKey)}
        comboboxProps={{ withinPortal: true }}
      />
      {d.metricKey === 'backlog_older_than' && (
        <NumberInput
          label="Older than (business days)"
          description="A ticket counts once it has been open this many business days on the contract calendar"
          min={1}
          max={365}
          allowDecimal={false}
          maw={280}
          value={d.businessDays}
          error={e('metric.businessDays')}
          onChange={(v) => {
            const businessDays = num(v);
            set({ businessDays, ...followMethod({ businessDays }) }, 'metric.businessDays');
          }}
        />
      )}
      {d.metricKey === 'manual' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="What is measured"
            description="Entered by staff each period, with evidence"
            placeholder="Backup restore tests passed"
            value={d.manualName}
            error={e('metric.manualName')}
            onChange={(ev) => {
              const manualName = ev.currentTarget.value;
              set({ manualName, ...followMethod({ manualName }) }, 'metric.manualName');
            }}
          />
          <Select
            label="Unit"
            placeholder="Pick a unit"
            data={manualUnitOptions}
            value={d.manualUnit}
            error={e('metric.manualUnit')}
            onChange={(v) => {
              const manualUnit = (v as MetricUnit | null) ?? null;
              set({ manualUnit, ...followMethod({ manualUnit }) }, 'metric.manualUnit', 'target');
            }}
          />
        </SimpleGrid>
      )}
      {d.metricKey === 'nps' ? (
        <Text size="sm" c={e('scope') ? 'red.8' : 'dimmed'} role={e('scope') ? 'alert' : undefined}>
          NPS counts the answers of the client&apos;s contacts to the quarterly survey; it is not limited to some tickets.
        </Text>
      ) : (
        <Fieldset legend={d.metricKey.startsWith('csat_') ? 'Which tickets count (the surveys of these tickets)' : 'Which tickets count'} variant="filled" radius="md" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <MultiSelect
              label="Priorities"
              placeholder={d.priorities.length ? undefined : 'All priorities'}
              data={priorities}
              value={d.priorities}
              error={e('scope.priorities')}
              onChange={(v) => set({ priorities: v }, 'scope.priorities')}
              clearable
            />
            <MultiSelect
              label="Categories"
              placeholder={d.categories.length ? undefined : 'All categories'}
              data={categories.map((c) => ({ value: c, label: categoryLabels[c] }))}
              value={d.categories}
              error={e('scope.categories')}
              onChange={(v) => set({ categories: v as CatalogCategory[] }, 'scope.categories')}
              clearable
            />
            <MultiSelect
              label="Sites"
              placeholder={d.siteIds.length ? undefined : 'All sites'}
              data={sites.map((s) => ({ value: s.id, label: s.name }))}
              value={d.siteIds}
              error={e('scope.siteIds')}
              onChange={(v) => set({ siteIds: v }, 'scope.siteIds')}
              nothingFoundMessage="This client has no sites"
              clearable
            />
          </SimpleGrid>
        </Fieldset>
      )}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Select
          label="Comparator"
          description={metric ? (metric.higherIsBetter ? 'Higher is better for this measure' : 'Lower is better for this measure') : undefined}
          allowDeselect={false}
          data={comparatorOptions}
          value={d.comparator}
          error={e('comparator')}
          onChange={(v) => v && set({ comparator: v as Comparator }, 'comparator')}
        />
        <NumberInput
          label={`Target${unitLabels[unit] ? ` (${unitLabels[unit]})` : ''}`}
          description={targetHelp(unit, metric?.targetRange, d.metricKey)}
          decimalScale={2}
          min={metric?.targetRange?.[0]}
          max={metric?.targetRange?.[1]}
          withAsterisk
          value={d.target}
          error={e('target')}
          rightSection={shortUnit[unit] ? <Text size="xs" c="dimmed">{shortUnit[unit]}</Text> : undefined}
          onChange={(v) => set({ target: num(v) }, 'target')}
        />
        <Select
          label="Period"
          description="Evaluated for each"
          allowDeselect={false}
          data={[
            { value: 'monthly', label: 'Month' },
            { value: 'quarterly', label: 'Quarter' },
          ]}
          value={d.period}
          error={e('period')}
          onChange={(v) => v && set({ period: v as GoalPeriod }, 'period')}
        />
      </SimpleGrid>
      <NumberInput
        label="Minimum sample"
        description={
          d.metricKey === 'manual'
            ? '0 or 1. With 1, a period without an entered value is not evaluable: neither met nor missed, no credit and no bonus.'
            : `With fewer ${SAMPLE_WORDS[d.metricKey] ?? 'tickets'} in the period, the goal is not evaluable: neither met nor missed, no credit and no bonus.`
        }
        min={0}
        max={d.metricKey === 'manual' ? 1 : undefined}
        allowDecimal={false}
        maw={360}
        value={d.minSample}
        error={e('minSample')}
        onChange={(v) => set({ minSample: num(v) }, 'minSample')}
      />
      <Fieldset legend="If missed: service credit to the client" variant="filled" radius="md" p="sm">
        <Stack gap="xs">
          <SegmentedControl aria-label="Penalty" data={moneyKinds} value={d.penaltyKind} onChange={(v) => set({ penaltyKind: v as MoneyKind }, 'penalty', 'penalty.kind')} />
          {d.penaltyKind !== 'none' && (
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              {d.penaltyKind === 'fixed' ? (
                <NumberInput label="Credit" {...money} value={d.penaltyAmount} error={e('penalty.amountMinor')} onChange={(v) => set({ penaltyAmount: num(v) }, 'penalty.amountMinor')} />
              ) : (
                <NumberInput
                  label="Credit (% of the fee)"
                  description={`Of the plan fee for the ${d.period === 'monthly' ? 'month' : 'quarter'}`}
                  decimalScale={2}
                  min={0}
                  max={100}
                  rightSection={<Text size="xs" c="dimmed">%</Text>}
                  value={d.penaltyPercent}
                  error={e('penalty.percent')}
                  onChange={(v) => set({ penaltyPercent: num(v) }, 'penalty.percent')}
                />
              )}
              <NumberInput
                label={`At most per ${d.period === 'monthly' ? 'month' : 'quarter'}`}
                description={`Whatever the ${d.period === 'monthly' ? 'month' : 'quarter'}'s fee`}
                withAsterisk
                {...money}
                value={d.capPerPeriod}
                error={e('penalty.capPerPeriodMinor')}
                onChange={(v) => set({ capPerPeriod: num(v) }, 'penalty.capPerPeriodMinor')}
              />
              <NumberInput label="At most in all" description="Over the whole contract" withAsterisk {...money} value={d.capOverall} error={e('penalty.capOverallMinor')} onChange={(v) => set({ capOverall: num(v) }, 'penalty.capOverallMinor')} />
            </SimpleGrid>
          )}
          {e('penalty') && (
            <Text size="xs" c="red.8" role="alert">
              {e('penalty')}
            </Text>
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend="If met: bonus to the provider" variant="filled" radius="md" p="sm">
        <Stack gap="xs">
          <SegmentedControl aria-label="Incentive" data={moneyKinds} value={d.incentiveKind} onChange={(v) => set({ incentiveKind: v as MoneyKind }, 'incentive', 'incentive.kind')} />
          {d.incentiveKind === 'fixed' && (
            <NumberInput label="Bonus" maw={240} {...money} value={d.incentiveAmount} error={e('incentive.amountMinor')} onChange={(v) => set({ incentiveAmount: num(v) }, 'incentive.amountMinor')} />
          )}
          {d.incentiveKind === 'percent_of_fee' && (
            <NumberInput
              label="Bonus (% of the fee)"
              maw={240}
              decimalScale={2}
              min={0}
              max={100}
              rightSection={<Text size="xs" c="dimmed">%</Text>}
              value={d.incentivePercent}
              error={e('incentive.percent')}
              onChange={(v) => set({ incentivePercent: num(v) }, 'incentive.percent')}
            />
          )}
        </Stack>
      </Fieldset>
      <Textarea
        label="How it is measured"
        description="Prefilled from the measure; put it in the words agreed with the client"
        autosize
        minRows={2}
        withAsterisk
        value={d.method}
        error={e('method')}
        onChange={(ev) => set({ method: ev.currentTarget.value, methodEdited: true }, 'method')}
      />
    </Stack>
  );
}

/** The fields of one client responsibility: the obligation, how it is measured, and its consequence. */
export function ResponsibilityFields({ value, onChange, errors }: { value: ResponsibilityDraft; onChange: (d: ResponsibilityDraft) => void; errors: NestedErrors }) {
  const d = value;
  const set = (patch: Partial<ResponsibilityDraft>, touched: string) => {
    onChange({ ...d, ...patch });
    errors.touch(touched);
  };
  return (
    <Stack gap="sm">
      <Textarea
        label="Responsibility"
        description="What the client undertakes to do, in plain words"
        placeholder="Answer information requests within 8 business hours"
        withAsterisk
        autosize
        minRows={1}
        data-autofocus
        value={d.description}
        error={errors.message('description')}
        onChange={(ev) => set({ description: ev.currentTarget.value }, 'description')}
      />
      <Select
        label="How it is measured"
        allowDeselect={false}
        data={[
          { value: 'waiting_on_client', label: 'From the tickets: time waiting on the client' },
          { value: 'attested', label: 'Attested by staff each month' },
        ]}
        value={d.kind}
        error={errors.message('measure.kind')}
        onChange={(v) => v && set({ kind: v as ResponsibilityDraft['kind'] }, 'measure.kind')}
      />
      {d.kind === 'waiting_on_client' && (
        <TargetInput label="Allowance per ticket" value={d.allowance} error={errors.message('measure.allowance')} onChange={(t) => set({ allowance: t }, 'measure.allowance')} />
      )}
      <Switch
        label="Leave tickets where it is not kept out of the compliance figures"
        checked={d.excludeFromCompliance}
        onChange={(ev) => set({ excludeFromCompliance: ev.currentTarget.checked }, 'excludeFromCompliance')}
      />
    </Stack>
  );
}
