import type { ContactRole, UserRole } from './api/types';

export const roleLabels: Record<UserRole, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  dispatcher: 'Dispatcher',
  technician: 'Technician',
  account_manager: 'Account manager',
  client_admin: 'Client admin',
  client_user: 'Client user',
};

export const roleLabel = (role: string) => (role in roleLabels ? roleLabels[role as UserRole] : role);

export const contactRoleLabels: Record<ContactRole, string> = {
  primary: 'Primary',
  billing: 'Billing',
  technical: 'Technical',
  approver: 'Approver',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Dates in the reader's locale and time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}
export function formatDate(iso: string | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '—';
}

const civilDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar date ('YYYY-MM-DD', no instant) as written: the same day in every time zone. */
export function formatCivilDate(date: string | null | undefined): string {
  return date ? civilDate.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)) : '—';
}

/** "Europe/Berlin" reads better as "Europe / Berlin" with spaces for the underscores. */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}

/** API field messages are lower-case fragments ("is required"); show them as sentences. */
export function sentence(s: string | undefined): string | undefined {
  if (!s) return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}
