import type { User } from '../../db/schema';
import { presentUser } from '../auth/user.presenter';

export function presentAdminUser(u: User) {
  return { ...presentUser(u), version: u.version };
}
