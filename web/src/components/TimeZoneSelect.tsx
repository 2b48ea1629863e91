import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';

function zones(): string[] {
  // Older browsers lack supportedValuesOf; the reader's own zone plus UTC still works.
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const list = intl.supportedValuesOf?.('timeZone') ?? [Intl.DateTimeFormat().resolvedOptions().timeZone];
  return list.includes('UTC') ? list : ['UTC', ...list];
}

export function TimeZoneSelect(props: Omit<SelectProps, 'data'>) {
  const data = useMemo(() => zones().map((z) => ({ value: z, label: z.replaceAll('_', ' ') })), []);
  return <Select searchable nothingFoundMessage="No time zone matches" limit={50} maxDropdownHeight={280} {...props} data={data} />;
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
