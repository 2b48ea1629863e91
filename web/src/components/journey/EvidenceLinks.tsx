import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { JourneyEvidence } from '../../api/journey-types';

export const evidenceKindLabels: Record<JourneyEvidence['kind'], string> = { ticket: 'Ticket', problem: 'Problem', change: 'Change', project: 'Project', link: 'Link' };

/** Only http(s) links become anchors; anything else stays text. */
const safeUrl = (url: string | null | undefined): string | null => (url && /^https?:\/\//i.test(url) ? url : null);

/** What backs a stage change, each piece linked: tickets and problems to their pages, the rest to their URL. */
export function EvidenceLinks({ evidence, portal = false }: { evidence: JourneyEvidence[]; portal?: boolean }) {
  if (evidence.length === 0) return null;
  const base = portal ? '/portal' : '';
  return (
    <Group gap={6} wrap="wrap" aria-label="Evidence">
      {evidence.map((e, i) => {
        const kind = (
          <Badge size="xs" variant="outline" color="gray" radius="sm">
            {evidenceKindLabels[e.kind]}
          </Badge>
        );
        let body;
        if (e.kind === 'ticket' || e.kind === 'problem') {
          const to = `${base}/${e.kind === 'ticket' ? 'tickets' : 'problems'}/${e.id}`;
          body = (
            <Anchor component={Link} to={to} size="sm">
              {e.label}
            </Anchor>
          );
        } else {
          const url = safeUrl(e.url);
          body = url ? (
            <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm">
              {e.label} <IconExternalLink size={12} style={{ verticalAlign: -1 }} aria-label="(opens in a new tab)" />
            </Anchor>
          ) : (
            <Text span size="sm">
              {e.label}
            </Text>
          );
        }
        return (
          <Group key={i} gap={4} wrap="nowrap">
            {kind}
            {body}
          </Group>
        );
      })}
    </Group>
  );
}
