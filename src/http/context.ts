import type { Config } from '../config';
import type { Db } from '../db/database';

/**
 * What services need from the outside world, passed explicitly. `now` is the only clock:
 * tests replace it to move time.
 */
export type AppContext = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  now: () => Date;
  // One-time secret printed at first start; whoever holds it may create the first owner.
  setupToken: string | null;
};
