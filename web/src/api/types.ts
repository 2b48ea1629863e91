// Shapes of the foundation API (docs/api-foundation.md). Optional fields are ones the
// contract does not pin down; the UI shows them when present.

export type StaffRole = 'owner' | 'admin' | 'dispatcher' | 'technician' | 'account_manager';
export type ClientRole = 'client_admin' | 'client_user';
export type UserRole = StaffRole | ClientRole;
export type ContactRole = 'primary' | 'billing' | 'technical' | 'approver';

export type User = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  clientId: string | null;
  status: 'active' | 'disabled' | string;
  mfaEnabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  version?: number;
};

export type Session = {
  user: User | null;
  tenant: { id: string; name: string } | null;
  csrfToken: string | null;
  mfaPending: boolean;
  mfaEnrolmentRequired: boolean;
  setupRequired: boolean;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Site = {
  id: string;
  clientId: string;
  name: string;
  address: string;
  timeZone: string;
  travelMinutes: number;
  isMain: boolean;
  version: number;
};

export type Client = {
  id: string;
  name: string;
  code: string | null;
  notes: string;
  status: 'active' | 'inactive';
  createdAt: string;
  updatedAt?: string;
  version: number;
  siteCount?: number;
  contactCount?: number;
  mainSite?: { id: string; name: string; timeZone: string } | null;
  /** The staff member bad ratings and at-risk lists go to (docs/api-satisfaction.md). */
  accountManagerId?: string | null;
  accountManager?: { id: string; name: string } | null;
};

export type Contact = {
  id: string;
  clientId: string;
  name: string;
  email: string;
  phone: string;
  roles: ContactRole[];
  userId: string | null;
  // Not fixed by the contract: the linked account's status, or an invitation's state.
  accountStatus?: string | null;
  user?: { id: string; status: string; role?: string } | null;
  version: number;
};

export type Invitation = { id: string; email: string; role: UserRole; expiresAt: string };
export type InviteResult = { user?: User; invitation: Invitation; inviteUrl: string };

export type InvitationView = { email: string; name: string; role: UserRole; organisation: string; clientName: string | null; expired: boolean };

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: { id: string; name: string };
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
export type CreatedApiToken = ApiToken & { token: string };

export type AuditEntry = {
  id: string;
  at: string;
  actor: { id: string | null; label: string };
  action: string;
  target: { type: string; id: string | null } | null;
  ip: string | null;
  details: Record<string, unknown>;
};

export type TenantSettings = {
  id: string;
  name: string;
  mfaRequiredStaff: boolean;
  mfaRequiredClientAdmin: boolean;
  version?: number;
};

export type MfaEnrolment = { secret: string; otpauthUri: string; qrDataUrl: string };
