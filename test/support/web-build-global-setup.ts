import { execFileSync } from 'node:child_process';

/** Browser tests need the built web app; build it when sources are newer. */
export default function setup() {
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
}
