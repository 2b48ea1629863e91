import { SimpleGrid, Skeleton, Stack } from '@mantine/core';

export function TicketPageSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading">
      <Skeleton height={16} width={120} />
      <Skeleton height={32} width="60%" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Skeleton height={180} />
        <Skeleton height={180} />
      </SimpleGrid>
      <Skeleton height={220} />
    </Stack>
  );
}
