import { Select, type SelectProps } from '@mantine/core';
import { useCatalog } from '../../api/pact-queries';
import type { CatalogItem } from '../../api/pact-types';
import { categoryLabels } from '../../pact-labels';

/** The catalog, searchable and grouped by category; retired items are left out. */
export function CatalogItemSelect({ value, onChange, ...props }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (item: CatalogItem | null) => void }) {
  const catalog = useCatalog();
  const items = (catalog.data ?? []).filter((c) => c.status !== 'retired');
  const data = Object.entries(categoryLabels)
    .map(([cat, label]) => ({ group: label, items: items.filter((i) => i.category === cat).map((i) => ({ value: i.id, label: i.name })) }))
    .filter((g) => g.items.length > 0);
  return (
    <Select
      label="Catalog item"
      placeholder={catalog.isPending ? 'Loading the catalog…' : 'Search the catalog'}
      searchable
      clearable
      nothingFoundMessage="No catalog item matches"
      maxDropdownHeight={320}
      {...props}
      data={data}
      value={value}
      onChange={(id) => onChange(items.find((i) => i.id === id) ?? null)}
    />
  );
}
