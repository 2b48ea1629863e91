import sanitize from 'sanitize-html';

// Formatting, lists, tables and links: enough for a readable e-mail, nothing that runs code,
// loads from elsewhere or changes the page around it (no script, style, iframe, object, form,
// event handlers or style attributes). Images only by cid: (the message's own attachments), so a
// remote image cannot track who opened the ticket.
const options: sanitize.IOptions = {
  allowedTags: [
    'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'sub', 'sup', 'small', 'big', 'font',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code', 'hr',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'a', 'img',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Whose text is dropped with the tag, not kept as visible text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'embed', 'applet', 'xmp', 'svg', 'math', 'select'],
  transformTags: {
    // Relative URLs mean nothing in a ticket (and would resolve against the app): absolute only.
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      const keep = href !== undefined && /^\s*(https?:|mailto:)/i.test(href);
      return { tagName, attribs: { ...rest, ...(keep ? { href } : {}), rel: 'noopener noreferrer nofollow', target: '_blank' } };
    },
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: { ...rest, ...(src !== undefined && /^\s*cid:/i.test(src) ? { src } : {}) } };
    },
  },
};
// transformTags adds rel/target after the attribute filter ran, so they must be allowed too.
options.allowedAttributes = { ...(options.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel', 'target'] };

// Quoted history in HTML replies: blockquotes and the quote containers of common mail programs.
const quoteContainer = (frame: sanitize.IFrame): boolean => {
  if (frame.tag === 'blockquote') return true;
  const cls = ` ${frame.attribs.class ?? ''} `;
  const id = frame.attribs.id ?? '';
  return / (gmail_quote|gmail_extra|yahoo_quoted|moz-cite-prefix|protonmail_quote) /.test(cls) || id === 'divRplyFwdMsg' || id === 'appendonsend';
};

/** HTML from an e-mail, made safe to show in the web app. */
export function sanitizeEmailHtml(html: string, opts: { stripQuotes?: boolean } = {}): string {
  if (!opts.stripQuotes) return sanitize(html, options).trim();
  return sanitize(html, { ...options, exclusiveFilter: quoteContainer }).trim();
}
