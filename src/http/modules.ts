import type { App } from './types';
import { authRoutes } from '../modules/auth/auth.routes';
import { setupRoutes } from '../modules/setup/setup.routes';

/** Every API module, mounted under /api/v1. A new module joins here and the authorisation matrix. */
export const apiModules: Array<(app: App) => Promise<void>> = [authRoutes, setupRoutes];
