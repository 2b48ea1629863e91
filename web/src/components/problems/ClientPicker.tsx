import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { keys, useClientList } from '../../api/queries';
import type { Client } from '../../api/types';

/** A client chosen by name: searches the server, so a tenant with thousands of clients still works. */
export function ClientPicker({ value, onChange, ...props }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useClientList({ q, status: 'active', sort: 'name', order: 'asc' });
  const chosen = useQuery({ queryKey: keys.client(value ?? ''), queryFn: () => api.get<Client>(`/clients/${encodeURIComponent(value ?? '')}`), enabled: !!value });
  const options = (list.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value && chosen.data && !options.some((o) => o.value === value)) options.unshift({ value, label: chosen.data.name });
  return (
    <Select
      searchable
      data={options}
      value={value}
      onChange={(v) => onChange(v)}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={list.isPending ? 'Loading…' : 'No client matches'}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
