/**
 * Counts sign-in attempts per source address in a sliding window, in memory. Per-account
 * lockout lives in the database; this limit stops one address from spraying many accounts.
 */
export class SignInLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts = 20,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an attempt; returns seconds to wait when the address is over its limit. */
  hit(key: string, now: Date): number | null {
    const t = now.getTime();
    const recent = (this.attempts.get(key) ?? []).filter((x) => x > t - this.windowMs);
    if (recent.length >= this.maxAttempts) {
      this.attempts.set(key, recent);
      return Math.ceil((recent[0]! + this.windowMs - t) / 1000);
    }
    recent.push(t);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.prune(t);
    return null;
  }

  private prune(t: number): void {
    for (const [k, v] of this.attempts) if (v.every((x) => x <= t - this.windowMs)) this.attempts.delete(k);
  }
}
