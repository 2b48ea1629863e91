import { Anchor, Breadcrumbs, Button, Group, NumberInput, Paper, Select, SimpleGrid, Skeleton, Stack, Switch, Table, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../../api';
import { pactKeys, useCalendars, usePlan, usePlans, usePriorityMatrix } from '../../../api/pact-queries';
import type { Plan, PlanDocument, PriceBasis, PriorityTerms, Target } from '../../../api/pact-types';
import { StatusBadge } from '../../../components/Badges';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { PriorityBadge } from '../../../components/pact/PriorityBadge';
import { TargetInput } from '../../../components/pact/TargetInput';
import { useApiForm } from '../../../components/useApiForm';
import { priceBasisOptions } from '../../../pact-labels';
import { canAdminister, useSignedIn } from '../../../session';
import { blankPlanDocument, retirePlan } from './PlansPage';

export function PlanEditorPage() {
  const { planId = 'new' } = useParams();
  const isNew = planId === 'new';
  const plan = usePlan(isNew ? '' : planId);
  const plans = usePlans();
  if (!isNew && plan.isPending) return <Skeleton height={400} />;
  if (!isNew && plan.isError) {
    if (plan.error instanceof ApiError && (plan.error.status === 404 || plan.error.status === 400)) return <NotFound what="plan" backTo="/pact/plans" backLabel="Back to plans" />;
    return <ErrorAlert error={plan.error} title="The plan could not be loaded" onRetry={() => plan.refetch()} />;
  }
  if (isNew && plans.isPending) return <Skeleton height={400} />;
  const template = plans.data?.[0]?.terms;
  return <PlanEditor key={plan.data?.version ?? 'new'} plan={isNew ? null : (plan.data ?? null)} template={template} />;
}

type Values = { name: string; description: string; terms: PlanDocument };
const kinds = [
  ['remote', 'response', 'Respond remote'],
  ['remote', 'resolution', 'Resolve remote'],
  ['onsite', 'response', 'Respond on-site'],
  ['onsite', 'resolution', 'Resolve on-site'],
] as const;

function PlanEditor({ plan, template }: { plan: Plan | null; template?: PlanDocument }) {
  const { user } = useSignedIn();
  const canEdit = canAdminister(user.role);
  const matrix = usePriorityMatrix();
  const calendars = useCalendars();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({ name: plan?.name ?? '', description: plan?.description ?? '', terms: plan ? structuredClone(plan.terms) : blankPlanDocument(template) });
  const priorities = matrix.data?.priorities.map((p) => p.key) ?? Object.keys(values.terms.targets);
  const fieldNames = ['name', 'description', 'terms', 'terms.warningThresholds', 'terms.price.amountMinor', 'terms.price.currency', 'terms.afterHoursMultiplierPercent', 'terms.hourlyRateMinor', 'terms.servicesIncluded', 'terms.targets'];
  for (const p of priorities) {
    fieldNames.push(`terms.targets.${p}`, `terms.targets.${p}.calendarId`);
    for (const [m, k] of kinds) fieldNames.push(`terms.targets.${p}.${m}.${k}`, `terms.targets.${p}.${m}`);
  }
  const form = useApiForm({
    fieldNames,
    mutationFn: (v: Values) => {
      const body = { name: v.name.trim(), description: v.description, terms: v.terms };
      return plan ? api.put<Plan>(`/plans/${plan.id}`, body, plan.version) : api.post<Plan>('/plans', body);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: plan ? `${saved.name} saved` : `Plan ${saved.name} created` });
      await queryClient.invalidateQueries({ queryKey: pactKeys.plans });
      if (!plan) navigate(`/pact/plans/${saved.id}`, { replace: true });
    },
  });
  const setTerms = (terms: PlanDocument, touched?: string) => {
    setValues((v) => ({ ...v, terms }));
    if (touched) form.touch(touched);
  };
  const defaultCalendar = calendars.data?.[0]?.id ?? '';
  const priorityTerms = (p: string): PriorityTerms => {
    const t = values.terms.targets[p];
    if (t) return t;
    const m = (minutes: number): Target => ({ unit: 'minutes', minutes });
    return { calendarId: defaultCalendar, remote: { response: m(60), resolution: m(480) }, onsite: { response: m(240), resolution: m(960) } };
  };
  const setTarget = (p: string, mode: 'remote' | 'onsite', kind: 'response' | 'resolution', t: Target) => {
    const current = priorityTerms(p);
    setTerms({ ...values.terms, targets: { ...values.terms.targets, [p]: { ...current, [mode]: { ...current[mode], [kind]: t } } } }, `terms.targets.${p}.${mode}.${kind}`);
  };
  const remove = async () => {
    if (!plan) return;
    await api.delete(`/plans/${plan.id}`);
    notifications.show({ color: 'teal', message: `${plan.name} deleted` });
    await queryClient.invalidateQueries({ queryKey: pactKeys.plans });
    navigate('/pact/plans');
  };
  const t = values.terms;
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/pact/plans">
          Plans
        </Anchor>
        <Text size="sm" lineClamp={1}>
          {plan?.name ?? 'New plan'}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={plan?.name ?? 'New plan'}
        badge={plan && <StatusBadge status={plan.status} />}
        description="Contracts snapshot a plan when they are signed: editing it changes new contracts only."
        actions={
          canEdit &&
          plan && (
            <>
              {plan.status === 'active' && (
                <ConfirmButton
                  title="Retire plan"
                  message={<>Retire <strong>{plan.name}</strong>? Contracts that use it keep their terms; new contracts can no longer choose it.</>}
                  confirmLabel="Retire plan"
                  onConfirm={async () => {
                    await retirePlan(plan);
                    await queryClient.invalidateQueries({ queryKey: pactKeys.plans });
                  }}
                >
                  Retire
                </ConfirmButton>
              )}
              <ConfirmButton title="Delete plan" message={<>Delete <strong>{plan.name}</strong>? This is refused while any contract uses it: retire it instead.</>} confirmLabel="Delete plan" onConfirm={remove}>
                Delete
              </ConfirmButton>
            </>
          )
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const targets = Object.fromEntries(priorities.map((p) => [p, priorityTerms(p)]));
          form.mutation.mutate({ ...values, terms: { ...t, targets } });
        }}
      >
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Name" required value={values.name} error={form.fieldError('name')} onChange={(e) => { setValues({ ...values, name: e.currentTarget.value }); form.touch('name'); }} />
                <Textarea label="Description" autosize minRows={1} value={values.description} onChange={(e) => setValues({ ...values, description: e.currentTarget.value })} />
              </SimpleGrid>
            </Paper>
            <SectionCard title="Targets per priority">
              <Table.ScrollContainer minWidth={980}>
                <Table verticalSpacing="sm" aria-label="Targets per priority">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>Priority</Table.Th>
                      <Table.Th>Coverage</Table.Th>
                      {kinds.map(([, , label]) => (
                        <Table.Th key={label}>{label}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {priorities.map((p) => {
                      const pt = priorityTerms(p);
                      return (
                        <Table.Tr key={p}>
                          <Table.Td>
                            <PriorityBadge priority={p} />
                          </Table.Td>
                          <Table.Td>
                            <Select
                              aria-label={`${p} coverage calendar`}
                              size="xs"
                              w={170}
                              allowDeselect={false}
                              data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                              value={pt.calendarId || null}
                              error={form.fieldError(`terms.targets.${p}.calendarId`)}
                              onChange={(v) => v && setTerms({ ...t, targets: { ...t.targets, [p]: { ...pt, calendarId: v } } }, `terms.targets.${p}.calendarId`)}
                            />
                          </Table.Td>
                          {kinds.map(([mode, kind, label]) => (
                            <Table.Td key={label}>
                              <TargetInput
                                label={`${p} ${label.toLowerCase()}`}
                                hideLabel
                                value={pt[mode][kind]}
                                error={form.fieldError(`terms.targets.${p}.${mode}.${kind}`) ?? (kind === 'resolution' ? form.fieldError(`terms.targets.${p}.${mode}`) : undefined)}
                                onChange={(v) => setTarget(p, mode, kind, v)}
                              />
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Switch
                mt="md"
                label="Waiting on the client also pauses the first-response clock"
                checked={t.pausesStopResponse}
                onChange={(e) => setTerms({ ...t, pausesStopResponse: e.currentTarget.checked })}
              />
              <TextInput
                mt="sm"
                maw={320}
                label="Warnings at"
                description="Percentages of the target, ascending, ending at 100"
                value={t.warningThresholds.join(', ')}
                error={form.fieldError('terms.warningThresholds')}
                onChange={(e) =>
                  setTerms(
                    { ...t, warningThresholds: e.currentTarget.value.split(/[,\s]+/).filter(Boolean).map(Number).filter((n) => !Number.isNaN(n)) },
                    'terms.warningThresholds',
                  )
                }
              />
            </SectionCard>
            <SectionCard title="Price and services">
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
                <NumberInput
                  label="Price"
                  min={0}
                  decimalScale={2}
                  fixedDecimalScale
                  value={t.price.amountMinor / 100}
                  error={form.fieldError('terms.price.amountMinor')}
                  onChange={(v) => setTerms({ ...t, price: { ...t.price, amountMinor: Math.round((typeof v === 'number' ? v : 0) * 100) } }, 'terms.price.amountMinor')}
                />
                <TextInput
                  label="Currency"
                  maxLength={3}
                  value={t.price.currency}
                  error={form.fieldError('terms.price.currency')}
                  onChange={(e) => setTerms({ ...t, price: { ...t.price, currency: e.currentTarget.value.toUpperCase() } }, 'terms.price.currency')}
                />
                <Select label="Basis" allowDeselect={false} data={priceBasisOptions} value={t.price.basis} onChange={(v) => v && setTerms({ ...t, price: { ...t.price, basis: v as PriceBasis } })} />
                <NumberInput
                  label="After-hours work"
                  suffix=" %"
                  min={100}
                  value={t.afterHoursMultiplierPercent}
                  error={form.fieldError('terms.afterHoursMultiplierPercent')}
                  onChange={(v) => setTerms({ ...t, afterHoursMultiplierPercent: typeof v === 'number' ? v : 100 }, 'terms.afterHoursMultiplierPercent')}
                />
              </SimpleGrid>
              <NumberInput
                mt="sm"
                maw={320}
                label="Hourly rate"
                description={`After-hours work is billed at this rate × ${t.afterHoursMultiplierPercent} %; empty: no rate (statements warn)`}
                min={0}
                decimalScale={2}
                fixedDecimalScale
                thousandSeparator=","
                rightSection={
                  <Text size="xs" c="dimmed">
                    {t.price.currency}
                  </Text>
                }
                rightSectionWidth={44}
                value={t.hourlyRateMinor === undefined ? '' : t.hourlyRateMinor / 100}
                error={form.fieldError('terms.hourlyRateMinor')}
                onChange={(v) => {
                  const { hourlyRateMinor: _old, ...rest } = t;
                  setTerms(typeof v === 'number' ? { ...rest, hourlyRateMinor: Math.round(v * 100) } : rest, 'terms.hourlyRateMinor');
                }}
              />
              <TagsInput
                mt="sm"
                label="Services included"
                description="Press Enter after each"
                value={t.servicesIncluded}
                error={form.fieldError('terms.servicesIncluded')}
                onChange={(v) => setTerms({ ...t, servicesIncluded: v }, 'terms.servicesIncluded')}
              />
            </SectionCard>
            {canEdit && (
              <Stack gap="xs">
                <FormError message={form.formError} />
                <Group justify="flex-end">
                  <Button variant="default" component={Link} to="/pact/plans">
                    Cancel
                  </Button>
                  <Button type="submit" loading={form.mutation.isPending}>
                    {plan ? 'Save plan' : 'Create plan'}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </fieldset>
      </form>
    </>
  );
}
