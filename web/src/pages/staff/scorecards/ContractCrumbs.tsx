import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../../../api';
import type { Contract } from '../../../api/pact-types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';

/** Clients › client › contract › … for the scorecard screens. */
export function ContractCrumbs({ contract, trail }: { contract: Contract | undefined; trail: Array<{ label: string; to?: string }> }) {
  const items = [
    { label: 'Clients', to: '/clients' },
    ...(contract ? [{ label: contract.clientName ?? 'Client', to: `/clients/${contract.clientId}` }, { label: contract.name, to: `/contracts/${contract.id}` }] : []),
    ...trail,
  ];
  return (
    <Breadcrumbs mb="xs" fz="sm" className="sp-no-print">
      {items.map((i, n) =>
        i.to ? (
          <Anchor key={n} component={Link} to={i.to} lineClamp={1}>
            {i.label}
          </Anchor>
        ) : (
          <Text key={n} size="sm" lineClamp={1}>
            {i.label}
          </Text>
        ),
      )}
    </Breadcrumbs>
  );
}

/** A contract that cannot be loaded: not found (another tenant's, or a typo) or an error to retry. */
export function ContractLoadError({ query, backTo = '/clients', backLabel = 'Back to clients' }: { query: UseQueryResult<Contract>; backTo?: string; backLabel?: string }) {
  const e = query.error;
  if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return <NotFound what="contract" backTo={backTo} backLabel={backLabel} />;
  return <ErrorAlert error={e} title="The contract could not be loaded" onRetry={() => query.refetch()} />;
}

export function isNotFound(e: unknown) {
  return e instanceof ApiError && e.status === 404;
}
