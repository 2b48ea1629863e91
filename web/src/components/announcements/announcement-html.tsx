import { createElement, type ReactNode } from 'react';

// The server's allow-list (src/modules/announcements/announcement-html.ts): what the preview
// and the portal render. Everything else is dropped with its attributes; script-like elements
// with their text. Rendering builds React elements, never innerHTML.
const ALLOWED = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'blockquote']);
const RENAMED: Record<string, string> = { b: 'strong', i: 'em' };
const DROPPED = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'embed', 'applet', 'xmp', 'svg', 'math', 'select']);
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function convert(node: Node, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const raw = el.tagName.toLowerCase();
  if (DROPPED.has(raw)) return null;
  const tag = RENAMED[raw] ?? raw;
  const children = Array.from(el.childNodes).map((c, i) => convert(c, `${key}.${i}`));
  if (!ALLOWED.has(tag)) return children;
  if (tag === 'br') return createElement('br', { key });
  if (tag === 'a') {
    const href = el.getAttribute('href')?.trim() ?? '';
    if (!SAFE_HREF.test(href)) return children;
    return createElement('a', { key, href, rel: 'noopener noreferrer', target: '_blank' }, ...children);
  }
  return createElement(tag, { key }, ...children);
}

/** Announcement HTML as React elements, kept to the allow-list whatever the input. */
export function SafeHtml({ html }: { html: string }) {
  // DOMParser documents are inert: nothing in them loads or runs.
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return <div className="announcement-body">{Array.from(doc.body.childNodes).map((n, i) => convert(n, String(i)))}</div>;
}

const BLOCK_START = /^<(p|ul|ol|h2|h3|blockquote)[\s>]/i;

/**
 * The editor's text as HTML: blocks separated by blank lines; a block that does not start with a
 * block tag becomes a paragraph, its single line breaks <br>.
 */
export function editorToHtml(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '')
    .map((b) => (BLOCK_START.test(b) ? b : `<p>${b.replace(/\n/g, '<br>')}</p>`))
    .join('\n');
}

/** Stored HTML laid out for editing: a blank line after each block. */
export function htmlToEditor(html: string): string {
  return html.replace(/<\/(p|ul|ol|h2|h3|blockquote)>\s*/g, '</$1>\n\n').replace(/<(ul|ol)>\s*/g, '<$1>\n').replace(/<\/li>\s*/g, '</li>\n').trim();
}
