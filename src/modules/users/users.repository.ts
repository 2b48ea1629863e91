import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { NewUser, User } from '../../db/schema';

export async function emailInUse(db: Db, email: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst());
}

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}
