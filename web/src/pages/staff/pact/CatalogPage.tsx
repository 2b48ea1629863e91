import { Badge, Button, FileButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBook2, IconDownload, IconSearch, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, errorMessage } from '../../../api';
import { pactKeys, useCatalog, usePlans, usePriorityMatrix } from '../../../api/pact-queries';
import type { CatalogImportError, CatalogItem, Plan } from '../../../api/pact-types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { categories, categoryLabels, complexityLabels, deliveryModeLabels, durationText, targetShort, targetText } from '../../../pact-labels';
import { canAdminister, useSignedIn } from '../../../session';

/** The agreed list of IT issues with default urgency/impact and per-plan turnaround. */
export function CatalogPage() {
  const { user } = useSignedIn();
  const canEdit = canAdminister(user.role);
  const catalog = useCatalog();
  const plans = usePlans();
  const matrix = usePriorityMatrix();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim().toLowerCase(), 150);
  const [category, setCategory] = useState<string | null>(null);
  const activePlans = (plans.data ?? []).filter((p) => p.status === 'active').sort((a, b) => a.terms.price.amountMinor - b.terms.price.amountMinor);
  const levelName = (list: { key: string; name: string }[] | undefined, key: string) => list?.find((l) => l.key === key)?.name.split(':')[0] ?? key;
  const items = (catalog.data ?? []).filter((i) => (!category || i.category === category) && (!q || i.name.toLowerCase().includes(q) || i.description.toLowerCase().includes(q)));
  const grouped = categories.map((c) => ({ category: c, items: items.filter((i) => i.category === c) })).filter((g) => g.items.length > 0);
  return (
    <>
      <PageHeader
        title="Catalog"
        description="Kinds of IT issue, with the turnaround each plan promises for them."
        actions={
          canEdit && (
            <>
              <Button component="a" href="/api/v1/catalog/export.csv" download="catalog.csv" variant="default" leftSection={<IconDownload size={16} />}>
                Export CSV
              </Button>
              <CatalogImportButton />
            </>
          )
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group mb="md" gap="sm" wrap="wrap">
          <TextInput aria-label="Search the catalog" placeholder="Search issues" leftSection={<IconSearch size={16} />} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} />
          <Select aria-label="Category" placeholder="All categories" clearable data={categories.map((c) => ({ value: c, label: categoryLabels[c] }))} value={category} onChange={setCategory} w={200} />
        </Group>
        {catalog.isPending ? (
          <TableSkeleton rows={6} />
        ) : catalog.isError ? (
          <ErrorAlert error={catalog.error} title="The catalog could not be loaded" onRetry={() => catalog.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={<IconBook2 size={24} />} title={catalog.data.length ? 'No issue matches' : 'The catalog is empty'}>
            {catalog.data.length ? 'Try another search or category.' : 'Import a CSV file to fill it.'}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={720 + activePlans.length * 120}>
            <Table verticalSpacing="xs" aria-label="Catalog">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Issue</Table.Th>
                  <Table.Th>Urgency / impact</Table.Th>
                  <Table.Th>Delivery</Table.Th>
                  <Table.Th>Complexity</Table.Th>
                  <Table.Th ta="right">Effort</Table.Th>
                  {activePlans.map((p) => (
                    <Table.Th key={p.id} style={{ whiteSpace: 'nowrap' }}>
                      {p.name}
                      <Text size="xs" c="dimmed" fw={400}>respond / resolve</Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grouped.map((g) => (
                  <CategoryRows key={g.category} label={categoryLabels[g.category]} items={g.items} plans={activePlans} colSpan={5 + activePlans.length} urgency={(k) => levelName(matrix.data?.urgencies, k)} impact={(k) => levelName(matrix.data?.impacts, k)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}

function CategoryRows({ label, items, plans, colSpan, urgency, impact }: { label: string; items: CatalogItem[]; plans: Plan[]; colSpan: number; urgency: (k: string) => string; impact: (k: string) => string }) {
  return (
    <>
      <Table.Tr bg="var(--mantine-color-gray-0)">
        <Table.Th colSpan={colSpan} scope="colgroup">
          <Group gap={6}>
            <Text size="sm" fw={700}>{label}</Text>
            <Badge variant="default" radius="sm" size="sm">{items.length}</Badge>
          </Group>
        </Table.Th>
      </Table.Tr>
      {items.map((i) => {
        const mode = i.deliveryMode === 'onsite' ? 'onsite' : 'remote';
        return (
          <Table.Tr key={i.id} style={{ opacity: i.status === 'retired' ? 0.6 : 1 }}>
            <Table.Td>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{i.name}</Text>
              {i.description && <Text size="xs" c="dimmed" lineClamp={1}>{i.description}</Text>}
            </Table.Td>
            <Table.Td><Text size="sm">{urgency(i.defaultUrgency)} / {impact(i.defaultImpact)}</Text></Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{deliveryModeLabels[i.deliveryMode]}</Table.Td>
            <Table.Td>{complexityLabels[i.complexity]}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{durationText(i.expectedEffortMinutes)}</Table.Td>
            {plans.map((p) => {
              const t = i.turnarounds[p.id]?.[mode];
              return (
                <Table.Td key={p.id} style={{ whiteSpace: 'nowrap' }}>
                  {t?.resolution || t?.response ? (
                    <Text size="xs" title={`Respond ${targetText(t.response)}, resolve ${targetText(t.resolution)}`}>
                      {targetShort(t.response)} / {targetShort(t.resolution)}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">plan targets</Text>
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        );
      })}
    </>
  );
}

function importErrors(error: unknown): CatalogImportError[] {
  if (!(error instanceof ApiError) || typeof error.body !== 'object' || error.body === null) return [];
  const body = error.body as { errors?: CatalogImportError[]; error?: { errors?: CatalogImportError[]; details?: { errors?: CatalogImportError[] } } };
  return body.errors ?? body.error?.errors ?? body.error?.details?.errors ?? [];
}

/** All-or-nothing CSV import: row errors from the API in a table, nothing imported on error. */
function CatalogImportButton() {
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [rows, setRows] = useState<CatalogImportError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setRows([]);
    setMessage(null);
    try {
      const result = await api.postText<{ imported?: number; created?: number; updated?: number }>('/catalog/import', await file.text(), 'text/csv');
      notifications.show({ color: 'teal', message: `Catalog imported${result?.imported !== undefined ? `: ${result.imported} items` : ''}` });
      await queryClient.invalidateQueries({ queryKey: pactKeys.catalog });
      close();
    } catch (e) {
      setRows(importErrors(e));
      setMessage(`${errorMessage(e)} Nothing was imported.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} />} onClick={open}>
        Import CSV
      </Button>
      <Modal opened={opened} onClose={close} title="Import catalog CSV" size="lg" centered>
        <Stack>
          <Text size="sm">The columns are those of the export. Rows match existing items by category and name; the import is all or nothing.</Text>
          <FileButton onChange={upload} accept=".csv,text/csv">
            {(props) => (
              <Button {...props} loading={busy} leftSection={<IconUpload size={16} />}>
                Choose CSV file
              </Button>
            )}
          </FileButton>
          <FormError message={message} />
          {rows.length > 0 && (
            <Table.ScrollContainer minWidth={400} mah={300}>
              <Table aria-label="Import errors" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr><Table.Th>Row</Table.Th><Table.Th>Column</Table.Th><Table.Th>Problem</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <Table.Tr key={i}><Table.Td>{r.row}</Table.Td><Table.Td ff="monospace">{r.field}</Table.Td><Table.Td>{r.message}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Modal>
    </>
  );
}
