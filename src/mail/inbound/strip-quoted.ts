// Lines that start the quoted history a mail program appends below a reply.
const attribution = [
  /^\s*On\b.{0,300}\bwrote:\s*$/i, // Gmail, Apple Mail, Thunderbird
  /^\s*Am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i, // German
  /^\s*Le\b.{0,300}\ba écrit\s*:\s*$/i, // French
  /^\s*El\b.{0,300}\bescribió:\s*$/i, // Spanish
  /^\s*Op\b.{0,300}\bschreef\b.{0,200}:\s*$/i, // Dutch
  /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i, // Outlook, older clients
  /^\s*-{2,}\s*(Forwarded|Reply) message\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's rule above its header block
];
const headerStart = /^\s*\**From:\**\s+\S/i;
const headerFollow = /^\s*\**(Sent|Date|To|Subject):\**\s/i;

function startsHistory(lines: string[], i: number): boolean {
  const line = lines[i]!;
  if (attribution.some((re) => re.test(line))) return true;
  // "On Mon, 3 Jan 2026 at 10:02, Ann Example <ann@client.test>" wrapped before "wrote:"
  if (/^\s*On\b/i.test(line) && i + 1 < lines.length && /^.{0,200}\bwrote:\s*$/i.test(lines[i + 1]!) && line.length + lines[i + 1]!.length < 400) return true;
  // Outlook's "From: ... / Sent: ... / To: ... / Subject: ..." block
  if (headerStart.test(line)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) if (headerFollow.test(lines[j]!)) return true;
  }
  return false;
}

/**
 * The new text of a reply: everything from the first line that starts the quoted history ("On
 * ... wrote:", "-----Original Message-----", an Outlook "From:/Sent:" block) is dropped, and so is
 * every line quoted with ">". When nothing would remain (a message that is only a quote), the
 * text is kept whole rather than lost.
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (startsHistory(lines, i)) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).filter((l) => !/^\s*>/.test(l));
  const result = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return result === '' ? text.trim() : result;
}
