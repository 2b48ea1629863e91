import { Button } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from './EmptyState';

export function NotFound({ what = 'page', backTo = '/', backLabel = 'Go to the start page' }: { what?: string; backTo?: string; backLabel?: string }) {
  return (
    <EmptyState
      icon={<IconMoodEmpty size={24} />}
      title={`This ${what} was not found`}
      action={
        <Button component={Link} to={backTo} variant="light">
          {backLabel}
        </Button>
      }
    >
      It may have been deleted, the link may be mistyped, or you may not have access to it.
    </EmptyState>
  );
}
