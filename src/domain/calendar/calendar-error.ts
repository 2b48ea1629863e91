/** One problem found in a calendar definition, located by a path such as `week.mon[1]`. */
export interface CalendarIssue {
  path: string;
  message: string;
}

/**
 * Raised for any invalid calendar definition. The message lists every issue as `path: problem`
 * so a CLI user or an API client can fix the input without reading code.
 */
export class CalendarError extends Error {
  readonly issues: readonly CalendarIssue[];

  constructor(issues: readonly CalendarIssue[]) {
    super(
      `invalid calendar: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`,
    );
    this.name = 'CalendarError';
    this.issues = issues;
  }
}
