import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../../api';
import { useJourney } from '../../api/journey-queries';
import { ErrorAlert } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { JourneyChartCard } from './JourneyChartCard';
import { CurrentStage } from './JourneySection';
import { JourneyTimeline } from './JourneyTimeline';

/** The client admin's view of the relationship: the stage the provider recorded, with its reasons and the satisfaction behind it. */
export function PortalJourneySection({ clientId, providerName }: { clientId: string; providerName: string }) {
  const journey = useJourney(clientId);
  // A client without access (an older server, a changed role) simply has no section.
  if (journey.isError && journey.error instanceof ApiError && (journey.error.status === 403 || journey.error.status === 404)) return null;
  return (
    <SectionCard title="Our journey">
      {journey.isPending ? (
        <Skeleton height={120} />
      ) : journey.isError ? (
        <ErrorAlert error={journey.error} title="The journey could not be loaded" onRetry={() => journey.refetch()} />
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Where {providerName} sees the relationship, and how your people rated the service.
          </Text>
          <CurrentStage journey={journey.data} />
          <JourneyChartCard
            journey={journey.data}
            height={320}
            emptyText={`Nothing to show yet: ${providerName} has not recorded a stage and no survey has been answered.`}
          />
          {journey.data.changes.length > 0 && (
            <div>
              <Title order={4} size="h5" mb="xs">
                Stage changes
              </Title>
              <JourneyTimeline changes={journey.data.changes} portal />
            </div>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
