import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './sanitize';

describe('sanitizeEmailHtml', () => {
  it.each([
    ['<p>hi</p><script>alert(1)</script>', '<p>hi</p>'],
    ['<p onclick="alert(1)" onmouseover="x()">hi</p>', '<p>hi</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="JaVaScRiPt&#58;alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href=" &#x6A;avascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<img src=x onerror=alert(1)>', '<img />'],
    ['<img src="https://tracker.test/pixel.gif">', '<img />'],
    ['<style>body{display:none}</style><p>t</p>', '<p>t</p>'],
    ['<p style="position:fixed;top:0">t</p>', '<p>t</p>'],
    ['<iframe src="https://evil.test"></iframe>ok', 'ok'],
    ['<object data="x.swf"></object><embed src="x">ok', 'ok'],
    ['<form action="https://evil.test"><input name="p"><button>Go</button></form>ok', 'Gook'],
    ['<svg><script>alert(1)</script></svg>ok', 'ok'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>ok', 'ok'],
    ['<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
    ['<base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=https://evil.test">ok', 'ok'],
    ['<div><!-- <script>alert(1)</script> -->x</div>', '<div>x</div>'],
    ['<textarea><script>alert(1)</script></textarea>ok', 'ok'],
  ])('%s', (input, expected) => {
    expect(sanitizeEmailHtml(input)).toBe(expected);
  });

  it('keeps formatting, lists, tables, safe links and cid images', () => {
    const html = '<p><b>Bold</b> <i>it</i></p><ul><li>one</li></ul><table><tr><td colspan="2">c</td></tr></table><a href="https://msp.test/x">l</a><img src="cid:img1@x" alt="shot">';
    expect(sanitizeEmailHtml(html)).toBe(
      '<p><b>Bold</b> <i>it</i></p><ul><li>one</li></ul><table><tr><td colspan="2">c</td></tr></table><a href="https://msp.test/x" rel="noopener noreferrer nofollow" target="_blank">l</a><img alt="shot" src="cid:img1@x" />',
    );
  });

  it('never lets a script, handler or javascript: URL through, whatever the nesting', () => {
    const nasty = [
      '<a href="jav&#x09;ascript:alert(1)">a</a>',
      '<a href="java\u0000script:alert(1)">a</a>',
      '<IMG SRC="jav&#x0A;ascript:alert(1);">',
      '<body onload=alert(1)>x',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<p><svg/onload=alert(1)>x</p>',
      '<details open ontoggle=alert(1)>x</details>',
      '<a href="vbscript:msgbox(1)">a</a>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    ];
    for (const n of nasty) {
      const out = sanitizeEmailHtml(n).toLowerCase();
      expect(out).not.toMatch(/<script|javascript:|vbscript:|\son\w+=|style=|<svg|<details/);
    }
  });

  it('drops quoted history when asked', () => {
    const html = '<div>Thanks, fixed.</div><div class="gmail_quote"><div>On Mon wrote:</div><blockquote>old</blockquote></div>';
    expect(sanitizeEmailHtml(html, { stripQuotes: true })).toBe('<div>Thanks, fixed.</div>');
    expect(sanitizeEmailHtml('<p>New</p><blockquote type="cite">old</blockquote>', { stripQuotes: true })).toBe('<p>New</p>');
    expect(sanitizeEmailHtml('<p>New</p><div id="divRplyFwdMsg">From: x</div>', { stripQuotes: true })).toBe('<p>New</p>');
  });
});
