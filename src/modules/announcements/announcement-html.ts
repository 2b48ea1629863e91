import sanitize from 'sanitize-html';

/**
 * What an announcement's body may contain: paragraphs, emphasis, lists, links, two heading
 * levels and quotes, the toolbar's output and what mail programs render alike. Nothing that
 * runs code, loads from elsewhere or restyles the page (no script, style, img, iframe, event
 * handlers or style attributes): the HTML is shown in the portal and sent to many mailboxes.
 */
const options: sanitize.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'blockquote'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Whose text is dropped with the tag, not kept as visible text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'embed', 'applet', 'xmp', 'svg', 'math', 'select'],
  transformTags: {
    // The toolbar's and pasted <b>/<i> mean the same as strong/em.
    b: 'strong',
    i: 'em',
    // Relative links mean nothing in a mailbox: absolute http(s) and mailto only; a link without
    // one stays as its text. Links open apart from the portal.
    a: (tagName, attribs): sanitize.Tag => {
      const href = attribs.href?.trim();
      const keep = href !== undefined && /^(https?:\/\/|mailto:)/i.test(href);
      return { tagName, attribs: keep ? { href, rel: 'noopener noreferrer', target: '_blank' } : ({} as sanitize.Attributes) };
    },
  },
};

/** The announcement's HTML as it is stored, shown and sent. */
export function sanitizeAnnouncementHtml(html: string): string {
  // A link whose address was dropped comes out as a bare <a> (links never nest): keep its text.
  return sanitize(html, options)
    .replace(/<a>([\s\S]*?)<\/a>/g, '$1')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/**
 * The plain-text part of the e-mail from sanitised HTML: paragraphs and headings as blocks,
 * list items as "- " (numbered in ordered lists), quotes with "> ", links as "text (url)".
 */
export function announcementText(safeHtml: string): string {
  let s = safeHtml;
  s = s.replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (_m, href: string, text: string) => {
    const url = decode(href);
    const label = text.replace(/<[^>]+>/g, '').trim();
    return label === '' || decode(label) === url || `mailto:${decode(label)}` === url ? url : `${label} (${url})`;
  });
  s = s.replace(/<ol>([\s\S]*?)<\/ol>/g, (_m, inner: string) => {
    let n = 0;
    return `\n${inner.replace(/<li>/g, () => `\n${++n}. `)}\n\n`;
  });
  s = s.replace(/<li>/g, '\n- ');
  s = s.replace(/<blockquote>([\s\S]*?)<\/blockquote>/g, (_m, inner: string) => {
    const text = inner.replace(/<br\s*\/?>/g, '\n').replace(/<\/(p|h2|h3)>/g, '\n').replace(/<[^>]+>/g, '').trim();
    return `\n\n${text.split('\n').map((l) => `> ${l}`.trimEnd()).join('\n')}\n\n`;
  });
  s = s.replace(/<br\s*\/?>/g, '\n');
  s = s.replace(/<\/(p|h2|h3|ul|ol)>/g, '\n\n');
  s = s.replace(/<(p|h2|h3|ul)>/g, '\n\n');
  s = s.replace(/<[^>]+>/g, '');
  s = decode(s);
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
