import { codeToHtml } from 'shiki';
import { expect, test } from 'vitest';
import { tokenClassTheme, tokensToClasses } from '../../src/lib/highlight.ts';

const sample = `from flask import Flask, session
app.secret_key = 'secret'
# a comment
def index():
    return f"Count: {session['count']}"
`;

async function highlight(code: string) {
  return codeToHtml(code, {
    lang: 'python',
    theme: tokenClassTheme,
    transformers: [tokensToClasses],
  });
}

test('highlighted code carries no inline styles, so a strict CSP allows it', async () => {
  const html = await highlight(sample);
  expect(html).not.toMatch(/style=/);
});

test('keywords, strings, functions and comments get their token classes', async () => {
  const html = await highlight(sample);
  expect(html).toMatch(/<span class="tok-keyword">from<\/span>/);
  expect(html).toMatch(/<span class="tok-string"> ?'secret'<\/span>/);
  expect(html).toMatch(/class="tok-function"> ?index</);
  expect(html).toMatch(/class="tok-comment">#/);
});

test('the code text itself is unchanged', async () => {
  const html = await highlight(sample);
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');
  expect(text.trim()).toBe(sample.trim());
});
