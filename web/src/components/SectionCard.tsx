import { Badge, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SectionCard({ title, count, actions, children }: { title: string; count?: number; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap={8}>
          <Title order={3} size="h4">
            {title}
          </Title>
          {count !== undefined && count > 0 && (
            <Badge variant="default" radius="sm">
              {count}
            </Badge>
          )}
        </Group>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
