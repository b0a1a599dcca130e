import { describe, expect, it } from 'vitest';
import { sanitizeHtml, stripInlineCode } from '../src/features/article/sanitize';

describe('stripInlineCode (before DOMPurify, so the parser meets no inline code)', () => {
  it.each([
    ['<img src="a.png" onerror="alert(1)" alt="x">', '<img src="a.png" alt="x">'],
    ["<img src=a.png onerror=alert(1) alt='x'>", "<img src=a.png alt='x'>"],
    ['<p style="color:red" ONCLICK="x()">Hi</p>', '<p>Hi</p>'],
    ['<img alt="a > b" onload="x()">', '<img alt="a > b">'],
    ['before<script>alert(1)</script>after', 'beforeafter'],
    ['before<STYLE>p{}</style >after', 'beforeafter'],
    ['<p>unclosed<style>p{}', '<p>unclosed'],
    ['<svg/onload=alert(1)>', '<svg>'],
  ])('%s', (input, output) => {
    expect(stripInlineCode(input)).toBe(output);
  });

  it('leaves text that merely mentions handlers alone', () => {
    const text = '<p>Set onload=true and style = "bold" in the config.</p>';
    expect(stripInlineCode(text)).toBe(text);
  });
});

describe('sanitizeHtml', () => {
  it('still removes what a pre-pass would miss, and marks external links', () => {
    const clean = sanitizeHtml(
      '<a href="javascript:alert(1)">js</a><iframe src="x"></iframe><a href="https://example.org/">ext</a>',
    );
    expect(clean).not.toMatch(/javascript:|iframe/i);
    expect(clean).toContain('rel="noopener noreferrer"');
  });
});
