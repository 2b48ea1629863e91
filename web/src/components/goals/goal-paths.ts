const enc = encodeURIComponent;

/** Where the scorecard screens link to: staff and portal keep their own addresses. */
export type GoalPaths = {
  list: string;
  scorecard: (periodKey: string, revision?: number | null) => string;
  statement: (periodKey: string) => string;
  reviewPack: string;
  ticket: (ticketId: string) => string;
};

const withRevision = (path: string, revision?: number | null) => (revision ? `${path}?revision=${revision}` : path);

export function staffGoalPaths(contractId: string): GoalPaths {
  const base = `/contracts/${enc(contractId)}`;
  return {
    list: `${base}/scorecards`,
    scorecard: (p, r) => withRevision(`${base}/scorecards/${enc(p)}`, r),
    statement: (p) => `${base}/statements/${enc(p)}`,
    reviewPack: `${base}/review-pack`,
    ticket: (id) => `/tickets/${enc(id)}`,
  };
}

export function portalGoalPaths(contractId: string): GoalPaths {
  const base = `/portal/scorecards/${enc(contractId)}`;
  return {
    list: base,
    scorecard: (p, r) => withRevision(`${base}/${enc(p)}`, r),
    statement: (p) => `${base}/${enc(p)}/statement`,
    reviewPack: `${base}/review-pack`,
    ticket: (id) => `/portal/tickets/${enc(id)}`,
  };
}
