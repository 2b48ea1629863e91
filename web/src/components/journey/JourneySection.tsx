import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBulb, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { journeyPath, useInvalidateJourney, useJourney } from '../../api/journey-queries';
import type { Journey, JourneySuggestion } from '../../api/journey-types';
import type { UserRole } from '../../api/types';
import { ErrorAlert } from '../ErrorAlert';
import { FormModal } from '../FormModal';
import { SectionCard } from '../SectionCard';
import { ChangeStageForm, type StageFormInitial } from './ChangeStageForm';
import { EvidenceLinks } from './EvidenceLinks';
import { JourneyChartCard } from './JourneyChartCard';
import { formatDay, todayIso } from './journey-format';
import { phaseWords, STAGE_INFO, stageLabel, stagePosition } from './journey-stages';
import { JourneyTimeline } from './JourneyTimeline';
import { StageBadge } from './StageBadge';

/** Owners, admins and account managers move a client along its journey (docs/api-satisfaction.md). */
export const canChangeStage = (role: UserRole) => role === 'owner' || role === 'admin' || role === 'account_manager';

/** The client page's journey: where the client stands, satisfaction over the stages, suggestions, history. */
export function JourneySection({ clientId, role }: { clientId: string; role: UserRole }) {
  const journey = useJourney(clientId);
  const canChange = canChangeStage(role);
  const [formOpen, form] = useDisclosure(false);
  const [initial, setInitial] = useState<StageFormInitial | undefined>(undefined);
  const open = (values?: StageFormInitial) => {
    setInitial(values);
    form.open();
  };

  return (
    <SectionCard
      title="Journey"
      actions={
        canChange &&
        journey.isSuccess && (
          <Button size="xs" variant="light" leftSection={<IconRoute size={14} />} onClick={() => open()}>
            Change stage
          </Button>
        )
      }
    >
      {journey.isPending ? (
        <Stack>
          <Skeleton height={40} />
          <Skeleton height={280} />
        </Stack>
      ) : journey.isError ? (
        <ErrorAlert error={journey.error} title="The journey could not be loaded" onRetry={() => journey.refetch()} />
      ) : (
        <Stack gap="md">
          <CurrentStage journey={journey.data} />
          {canChange && (journey.data.suggestions ?? []).length > 0 && (
            <Suggestions clientId={clientId} suggestions={journey.data.suggestions ?? []} onApply={(s) => open({ stage: s.stage, note: s.reason, evidence: s.evidence, effectiveOn: todayIso() })} />
          )}
          <JourneyChartCard
            journey={journey.data}
            emptyText={`Nothing to chart yet: no stage has been recorded and no survey has been answered. ${
              canChange ? 'Record where the relationship stands with “Change stage”' : 'An owner, admin or account manager records where the relationship stands'
            }; ratings appear here as requesters answer the survey of their resolved tickets.`}
          />
          <div>
            <Title order={4} size="h5" mb="xs">
              Stage changes
            </Title>
            {journey.data.changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                No stage recorded yet.{canChange ? ' Use “Change stage” to record the first one, with the evidence behind it.' : ''}
              </Text>
            ) : (
              <JourneyTimeline changes={journey.data.changes} />
            )}
          </div>
        </Stack>
      )}
      <FormModal opened={formOpen} onClose={form.close} title="Change stage" size="lg">
        <ChangeStageForm clientId={clientId} currentStage={journey.data?.current ?? null} initial={initial} onDone={form.close} />
      </FormModal>
    </SectionCard>
  );
}

/** The stage in force, since when, and what it usually means. */
export function CurrentStage({ journey }: { journey: Pick<Journey, 'current' | 'bands'> }) {
  const stage = journey.current;
  if (!stage)
    return (
      <Text size="sm" c="dimmed">
        Current stage: none recorded yet.
      </Text>
    );
  const band = [...journey.bands].reverse().find((b) => b.stage === stage && b.to === null) ?? journey.bands[journey.bands.length - 1];
  const info = STAGE_INFO[stage];
  return (
    <Paper radius="md" p="sm" bg="gray.0" aria-label="Current stage" component="section">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          Current stage
        </Text>
        <StageBadge stage={stage} size="lg" />
        <Text size="sm" c="dimmed">
          {band ? `since ${formatDay(band.from)} · ` : ''}stage {stagePosition(stage)} of 9 · {phaseWords[info.phase]}
        </Text>
      </Group>
      <Text size="sm" mt={6}>
        {info.help}
      </Text>
    </Paper>
  );
}

function Suggestions({ clientId, suggestions, onApply }: { clientId: string; suggestions: JourneySuggestion[]; onApply: (s: JourneySuggestion) => void }) {
  const invalidate = useInvalidateJourney();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dismiss = async (s: JourneySuggestion) => {
    setBusy(s.key);
    setError(null);
    try {
      await api.post(`${journeyPath(clientId)}/suggestions/${encodeURIComponent(s.key)}/dismiss`, {});
      await invalidate();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs" aria-label="Suggested stages" component="section">
      {suggestions.map((s) => (
        <Alert key={s.key} color="yellow" variant="light" icon={<IconBulb size={18} />} title={<Group gap={6}>Suggested from the data: <StageBadge stage={s.stage} /></Group>}>
          <Stack gap={6}>
            <Text size="sm">{s.reason}</Text>
            <EvidenceLinks evidence={s.evidence} />
            <Group gap="xs">
              <Button size="xs" onClick={() => onApply(s)} aria-label={`Apply the suggestion: ${stageLabel(s.stage)}`}>
                Apply
              </Button>
              <Button size="xs" variant="default" loading={busy === s.key} onClick={() => dismiss(s)} aria-label={`Dismiss the suggestion: ${stageLabel(s.stage)}`}>
                Dismiss
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
