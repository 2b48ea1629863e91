import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './api';
import { keys } from './api/queries';
import type { Session, UserRole } from './api/types';

/** GET /session drives the whole app: who is signed in, and the CSRF token for writes. */
export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async () => {
      const session = await api.get<Session>('/session');
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

/** The signed-in session; only call inside screens that are shown to signed-in users. */
export function useSignedIn() {
  const { data } = useSession();
  if (!data?.user || !data.tenant) throw new Error('useSignedIn outside a signed-in screen');
  return { user: data.user, tenant: data.tenant };
}

/** After sign-in, sign-out or set-up the session changed: drop every cached row and reload it. */
export function useSessionChanged() {
  const queryClient = useQueryClient();
  return async (csrfToken?: string | null) => {
    if (csrfToken !== undefined) setCsrfToken(csrfToken);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    await queryClient.invalidateQueries({ queryKey: keys.session });
  };
}

export const isClientRole = (role: UserRole) => role === 'client_admin' || role === 'client_user';
export const canAdminister = (role: UserRole) => role === 'owner' || role === 'admin';
export const canWriteClients = (role: UserRole) => role === 'owner' || role === 'admin' || role === 'account_manager' || role === 'dispatcher';
/** Contracts and amendments: owner, admin and account managers (docs/api-pact.md "contract write"). */
export const canWriteContracts = (role: UserRole) => role === 'owner' || role === 'admin' || role === 'account_manager';
