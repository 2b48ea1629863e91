/**
 * Limits the public survey routes per source address: 30 requests a minute, sliding, in memory.
 * A link carries an unguessable signature, so this only keeps one address from hammering the
 * answer page (or probing tokens); a real respondent clicks a handful of times.
 */
export class SurveyLinkLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly maxRequests = 30,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts a request; returns the seconds to wait when the address is over its limit, else null. */
  hit(address: string, now: Date): number | null {
    const t = now.getTime();
    const recent = (this.hits.get(address) ?? []).filter((x) => x > t - this.windowMs);
    if (recent.length >= this.maxRequests) {
      this.hits.set(address, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.windowMs - t) / 1000));
    }
    recent.push(t);
    this.hits.set(address, recent);
    if (this.hits.size > 10_000) this.prune(t);
    return null;
  }

  private prune(t: number): void {
    for (const [k, v] of this.hits) if (v.every((x) => x <= t - this.windowMs)) this.hits.delete(k);
  }
}
