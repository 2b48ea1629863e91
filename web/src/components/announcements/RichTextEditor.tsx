import { ActionIcon, Button, Group, Paper, Popover, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconBold, IconH2, IconItalic, IconLink, IconList, IconListNumbers, IconQuote } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';

type Props = { label: string; value: string; onChange: (v: string) => void; error?: ReactNode; description?: ReactNode };

/**
 * A textarea with a small toolbar that writes the tags the announcement allows: bold, italic,
 * heading, bulleted and numbered lists, quote, link. Blank lines separate paragraphs.
 */
export function RichTextEditor({ label, value, onChange, error, description }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [url, setUrl] = useState('https://');
  const [urlError, setUrlError] = useState<string | null>(null);

  const edit = (make: (selected: string) => string, fallback: string) => {
    const ta = ref.current;
    const start = ta?.selectionStart ?? value.length;
    const end = ta?.selectionEnd ?? value.length;
    const selected = value.slice(start, end) || fallback;
    const inserted = make(selected);
    onChange(value.slice(0, start) + inserted + value.slice(end));
    requestAnimationFrame(() => {
      ta?.focus();
      ta?.setSelectionRange(start, start + inserted.length);
    });
  };
  const wrap = (tag: string, fallback: string) => edit((s) => `<${tag}>${s}</${tag}>`, fallback);
  const block = (make: (s: string) => string, fallback: string) => edit((s) => `\n\n${make(s)}\n\n`, fallback);
  const list = (tag: 'ul' | 'ol') =>
    block(
      (s) =>
        `<${tag}>\n${s
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => `<li>${l}</li>`)
          .join('\n')}\n</${tag}>`,
      'First item\nSecond item',
    );
  const insertLink = () => {
    const href = url.trim();
    if (!/^(https?:\/\/\S+|mailto:\S+@\S+)$/i.test(href)) {
      setUrlError('Enter an address starting with https:// (or mailto:)');
      return;
    }
    edit((s) => `<a href="${href.replace(/"/g, '%22')}">${s}</a>`, 'link text');
    setLinkOpen(false);
    setUrl('https://');
    setUrlError(null);
  };
  const tool = (name: string, icon: ReactNode, run: () => void) => (
    <Tooltip label={name} withArrow>
      <ActionIcon variant="default" aria-label={name} onClick={run}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  const toolbar = (
    <Paper withBorder radius="sm" p={4} role="toolbar" aria-label="Formatting">
      <Group gap={4}>
        {tool('Bold', <IconBold size={16} />, () => wrap('strong', 'bold text'))}
        {tool('Italic', <IconItalic size={16} />, () => wrap('em', 'italic text'))}
        {tool('Heading', <IconH2 size={16} />, () => block((s) => `<h2>${s}</h2>`, 'Heading'))}
        {tool('Bulleted list', <IconList size={16} />, () => list('ul'))}
        {tool('Numbered list', <IconListNumbers size={16} />, () => list('ol'))}
        {tool('Quote', <IconQuote size={16} />, () => block((s) => `<blockquote>${s}</blockquote>`, 'Quoted text'))}
        <Popover opened={linkOpen} onChange={setLinkOpen} trapFocus withArrow position="bottom-start">
          <Popover.Target>
            <Tooltip label="Link" withArrow>
              <ActionIcon variant="default" aria-label="Link" onClick={() => setLinkOpen((o) => !o)}>
                <IconLink size={16} />
              </ActionIcon>
            </Tooltip>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs" w={280}>
              <TextInput
                label="Link address"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                error={urlError}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    insertLink();
                  }
                }}
              />
              <Text size="xs" c="dimmed">
                Select the words to link first, or the link gets placeholder text.
              </Text>
              <Group justify="flex-end">
                <Button size="xs" onClick={insertLink}>
                  Insert link
                </Button>
              </Group>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      </Group>
    </Paper>
  );
  return (
    <Textarea
      ref={ref}
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autosize
      minRows={10}
      maxRows={24}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      // The toolbar sits between the label and the text it edits.
      inputContainer={(input) => (
        <Stack gap={4}>
          {toolbar}
          {input}
        </Stack>
      )}
    />
  );
}
