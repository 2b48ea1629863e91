import { describe, expect, it } from 'vitest';
import { announcementText, sanitizeAnnouncementHtml } from './announcement-html';

describe('announcement HTML', () => {
  it('keeps the toolbar formatting: paragraphs, bold, italic, lists, links, headings, quotes', () => {
    const html = '<h2>Maintenance</h2><p><strong>Saturday</strong> <em>night</em></p><ul><li>VPN</li></ul><ol><li>Mail</li></ol><blockquote>Quote</blockquote><p><a href="https://status.msp.test">status</a></p>';
    expect(sanitizeAnnouncementHtml(html)).toBe(html.replace('<a href="https://status.msp.test">', '<a href="https://status.msp.test" rel="noopener noreferrer" target="_blank">'));
  });

  it('drops scripts, event handlers, styles, images and javascript: links, keeping their harmless text', () => {
    const dirty =
      '<p onclick="alert(1)" style="color:red">Hi<script>alert(1)</script></p><img src=x onerror=alert(1)><a href="javascript:alert(1)">click</a><iframe src="https://evil.test"></iframe><svg><script>x</script></svg><style>p{}</style><b onmouseover="x()">bold</b>';
    const clean = sanitizeAnnouncementHtml(dirty);
    expect(clean).toBe('<p>Hi</p>click<strong>bold</strong>');
    expect(clean).not.toMatch(/script|onerror|onclick|onmouseover|javascript|style|iframe|img|svg/i);
  });

  it('keeps mailto links and drops relative ones', () => {
    expect(sanitizeAnnouncementHtml('<a href="mailto:help@msp.test">mail us</a> <a href="/portal">portal</a>')).toBe(
      '<a href="mailto:help@msp.test" rel="noopener noreferrer" target="_blank">mail us</a> portal',
    );
  });

  it('derives a readable text version', () => {
    const html = sanitizeAnnouncementHtml(
      '<h2>Maintenance</h2><p>On <strong>Saturday</strong> we update:</p><ul><li>VPN</li><li>Mail &amp; calendar</li></ul><ol><li>First</li><li>Second</li></ol><blockquote><p>Be ready</p></blockquote><p>See <a href="https://status.msp.test">the status page</a> or https://x.test<br>Thanks</p>',
    );
    expect(announcementText(html)).toBe(
      'Maintenance\n\nOn Saturday we update:\n\n- VPN\n- Mail & calendar\n\n1. First\n2. Second\n\n> Be ready\n\nSee the status page (https://status.msp.test) or https://x.test\nThanks',
    );
  });
});
