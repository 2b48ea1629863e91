/** Local wall-clock times of day as seconds since local midnight. */

const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Seconds since midnight for `HH:MM` / `HH:MM:SS`, or null when malformed. `24:00` is accepted. */
export function parseTimeOfDay(text: string): number | null {
  const match = TIME_PATTERN.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = match[3] === undefined ? 0 : Number(match[3]);
  if (minutes > 59 || seconds > 59) return null;
  if (hours === 24) return minutes === 0 && seconds === 0 ? 86_400 : null;
  if (hours > 23) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

export function formatTimeOfDay(secondOfDay: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay % 3600) / 60);
  const seconds = secondOfDay % 60;
  return seconds === 0 ? `${two(hours)}:${two(minutes)}` : `${two(hours)}:${two(minutes)}:${two(seconds)}`;
}
