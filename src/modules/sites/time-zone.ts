/** Whether `zone` is an IANA time zone name this runtime knows (Europe/Berlin, UTC, ...). */
export function isIanaTimeZone(zone: string): boolean {
  // Offsets ("+01:00") and bare abbreviations are not zones a calendar can follow through DST.
  if (zone !== 'UTC' && !/^[A-Za-z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
