import type { App } from './types';
import { authRoutes } from '../modules/auth/auth.routes';
import { setupRoutes } from '../modules/setup/setup.routes';
import { clientsRoutes } from '../modules/clients/clients.routes';
import { sitesRoutes } from '../modules/sites/sites.routes';
import { contactsRoutes } from '../modules/contacts/contacts.routes';
import { invitationsRoutes } from '../modules/invitations/invitations.routes';
import { meRoutes } from '../modules/me/me.routes';
import { apiTokenRoutes } from '../modules/api-tokens/api-tokens.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { tenantRoutes } from '../modules/tenants/tenants.routes';
import { usersRoutes } from '../modules/users/users.routes';
import { priorityMatrixRoutes } from '../modules/priority-matrix/priority-matrix.routes';
import { calendarsRoutes } from '../modules/calendars/calendars.routes';
import { plansRoutes } from '../modules/plans/plans.routes';
import { ridersRoutes } from '../modules/riders/riders.routes';
import { catalogRoutes } from '../modules/catalog/catalog.routes';
import { contractsRoutes } from '../modules/contracts/contracts.routes';
import { targetsRoutes } from '../modules/targets/targets.routes';
import { ticketsRoutes } from '../modules/tickets/tickets.routes';
import { boardRoutes } from '../modules/board/board.routes';
import { notificationsRoutes } from '../modules/notifications/notifications.routes';
import { scorecardsRoutes } from '../modules/scorecards/scorecards.routes';
import { satisfactionRoutes } from '../modules/satisfaction/satisfaction.routes';
import { journeyRoutes } from '../modules/journey/journey.routes';
import { problemsRoutes } from '../modules/problems/problems.routes';

/** Every API module, mounted under /api/v1. A new module joins here and the authorisation matrix. */
export const apiModules: Array<(app: App) => Promise<void>> = [authRoutes, setupRoutes, meRoutes, apiTokenRoutes, auditRoutes, tenantRoutes, usersRoutes, clientsRoutes, sitesRoutes, contactsRoutes, invitationsRoutes, priorityMatrixRoutes, calendarsRoutes, plansRoutes, ridersRoutes, catalogRoutes, contractsRoutes, targetsRoutes, boardRoutes, notificationsRoutes, ticketsRoutes, scorecardsRoutes, satisfactionRoutes, journeyRoutes, problemsRoutes];
