import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  FLASK_KEY,
  decode,
  flaskCookie,
  flaskLoad,
  openInspector,
  section,
  sign,
  verify,
} from './inspector-page.ts';

/** The field's error sentence, which must also be its accessible description. */
async function expectFieldError(page: Page, label: string | RegExp, message: string | RegExp) {
  const field = page.getByLabel(label);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
}

const COOKIE_FIELD = 'Cookie value or header';
const compressed = flaskCookie('tuples');

test.describe('cookie inspector: every bad input gets a sentence', () => {
  const decodeCases: [string, string, RegExp][] = [
    ['empty', '   ', /Paste a session cookie/],
    [
      'not a cookie',
      'hello there, Flask',
      /This is not a cookie value: cookie values never contain spaces/,
    ],
    ['no dots', 'eyJjb3VudCI6MX0', /has three parts separated by dots: data, time and signature/],
    [
      'bad base64',
      flaskLoad('payload_base64_one_char').cookie,
      /The data part is not valid base64/,
    ],
    ['bad zlib', flaskLoad('payload_zlib_garbage').cookie, /not valid zlib data/],
    [
      'bad JSON',
      flaskLoad('json_brace').cookie,
      /The data part is not JSON that Flask could have written/,
    ],
    [
      'a header without a session cookie',
      'Cookie: theme=dark; lang=en',
      /has no cookie named session, only theme, lang/,
    ],
    [
      'oversized',
      `${'A'.repeat(16_380)}.ZVPxAA.x`,
      /The input is 16,389 characters long; the inspector reads at most 16,384\./,
    ],
  ];
  for (const [name, input, message] of decodeCases) {
    test(`Decode: ${name}`, async ({ page }) => {
      await openInspector(page);
      await decode(page, input);
      await expectFieldError(page, COOKIE_FIELD, message);
      await expect(section(page, 'decode').getByRole('status')).toHaveText(/^Not decoded: /);
    });
  }

  test('Decode: hostile HTML is never rendered as markup', async ({ page }) => {
    await openInspector(page);
    await decode(page, '<img src=x onerror="window.pwned = 1">');
    await expectFieldError(page, COOKIE_FIELD, /This is not a cookie value/);
    // A cookie (unsigned: Decode needs no key) whose data is an HTML payload.
    const html = Buffer.from('{"x":"<img src=x onerror=\\"window.pwned=1\\">"}').toString(
      'base64url',
    );
    await decode(page, `${html}.ZVPxAA.AAAA`);
    await expect(section(page, 'decode').locator('pre').first()).toContainText('<img src=x');
    await expect(page.locator('#decode img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  test('Decode: a link whose #cookie= is broken says so', async ({ page }) => {
    await openInspector(page, '#cookie=%E0%A4%A');
    await expectFieldError(page, COOKIE_FIELD, /not valid percent-encoding/);
  });

  test('Verify: nothing decoded yet', async ({ page }) => {
    await openInspector(page);
    await verify(page, { key: FLASK_KEY });
    await expect(section(page, 'verify').locator('.ci-error')).toHaveText(
      'Decode a cookie first: Verify checks the cookie from step 1.',
    );
  });

  test('Verify: empty key, bad max age, too many fallbacks', async ({ page }) => {
    await openInspector(page);
    await decode(page, flaskCookie('count_1').cookie);
    const fallbacks = Array.from({ length: 33 }, (_, i) => `old-${i}`).join('\n');
    await verify(page, { key: '', fallbacks, maxAge: '-5' });
    await expectFieldError(page, 'Secret key (SECRET_KEY)', /Flask has no sessions at all/);
    await expectFieldError(
      page,
      /^Fallback keys/,
      /There are 33 fallback keys; the inspector checks at most 32\./,
    );
    await expectFieldError(page, /^Maximum age/, /Enter the maximum age as whole seconds/);
  });

  test('Sign: malformed JSON points at the line and column', async ({ page }) => {
    await openInspector(page);
    await sign(page, { json: '{\n  "count": 1\n  "user": "alice"\n}', key: FLASK_KEY });
    await expectFieldError(
      page,
      'Session data (Flask’s tagged JSON)',
      /Flask cannot read this JSON: Expecting ',' delimiter \(line 3, column 3\)\.$/,
    );
    await expect(page.getByLabel('Session data (Flask’s tagged JSON)')).toBeFocused();
  });

  test('Sign: not a dict, empty key, bad time', async ({ page }) => {
    await openInspector(page);
    await sign(page, { json: '["a", "b"]', key: '', time: '2023-02-30 10:00' });
    await expectFieldError(
      page,
      'Session data (Flask’s tagged JSON)',
      /A session is a dict.*this is a list\./,
    );
    await expectFieldError(page, 'Secret key to sign with', /Enter the secret key/);
    await expectFieldError(page, 'Signing time', /Enter the time as whole Unix seconds/);
  });

  test('Sign: data Flask cannot write shows Flask’s own error', async ({ page }) => {
    // Real Flask 2.2 raises "RecursionError: maximum recursion depth exceeded" for this session.
    await openInspector(page);
    await sign(page, { json: `{"a": ${'['.repeat(400)}1${']'.repeat(400)}}`, key: FLASK_KEY });
    const result = section(page, 'sign').locator('.ci-result');
    await expect(result).toContainText('Flask cannot store this session.');
    await expect(result.locator('pre')).toHaveText(
      'RecursionError: maximum recursion depth exceeded',
    );
  });

  test('Guess: nothing decoded, or an empty word list', async ({ page }) => {
    await openInspector(page);
    const guess = section(page, 'guess');
    await guess.getByRole('button', { name: 'Start guessing' }).click();
    await expect(guess.locator('.ci-error')).toHaveText(
      'Decode a cookie first: the guesses are tested against its signature.',
    );
    await decode(page, flaskCookie('count_1').cookie);
    await guess.getByLabel(/^Built-in list/).uncheck();
    await guess.getByLabel('Your own keys, one per line (optional)').fill('\n\n');
    await guess.getByRole('button', { name: 'Start guessing' }).click();
    await expect(guess.locator('.ci-error')).toHaveText(
      'The word list is empty: tick the built-in list or add keys of your own, one per line.',
    );
  });

  test('Guess: a binary and an unreadable file; a large one is fine', async ({ page }) => {
    await openInspector(page);
    const file = page.getByLabel(/^Or a word list file/);
    await file.setInputFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from([0xff, 0xd8, 0, 1]),
    });
    await expectFieldError(
      page,
      /^Or a word list file/,
      /photo\.jpg does not look like a text file \(it contains NUL bytes\)\./,
    );
    await file.setInputFiles({
      name: 'huge.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(16 * 1024 * 1024 + 1, 'a'),
    });
    // Word lists have no size limit: a large one is read a chunk at a time while guessing.
    await expect(page.locator('section#guess')).toContainText(
      'huge.txt: 16.0 MB, read a chunk at a time while guessing.',
    );
    await expect(file).not.toHaveAttribute('aria-invalid');
    // A file that disappears or cannot be read after it was chosen: reading it rejects.
    await file.evaluate((input) => {
      const gone = new File(['x'], 'gone.txt');
      const unreadable = { arrayBuffer: () => Promise.reject(new Error('the file was moved')) };
      Object.defineProperty(gone, 'slice', { value: () => unreadable });
      Object.defineProperty(input, 'files', { value: [gone], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expectFieldError(
      page,
      /^Or a word list file/,
      /gone\.txt could not be read \(the file was moved\)\./,
    );
  });
});

test.describe('cookie inspector: failed downloads give a sentence, not a dead page', () => {
  test.use({
    allowedErrors: /Failed to load resource|Failed to fetch dynamically imported module/,
  });

  test('zlib (pako) blocked: a compressed cookie says the code could not be loaded', async ({
    page,
  }) => {
    await page.route(/\/_astro\/pako\.[^/]*\.js$/, (route) => route.abort());
    await openInspector(page);
    await decode(page, compressed.cookie);
    await expectFieldError(
      page,
      COOKIE_FIELD,
      /The compression code could not be loaded \(are you offline\?\)/,
    );
    await decode(page, flaskCookie('count_1').cookie);
    await expect(section(page, 'decode').locator('pre').first()).toHaveText('{"count": 1}');
  });

  test('the inspector engine blocked: each step says so and can be tried again', async ({
    page,
  }) => {
    await page.route(/\/_astro\/engine\.[^/]*\.js$/, (route) => route.abort());
    await openInspector(page);
    await decode(page, flaskCookie('count_1').cookie);
    await expectFieldError(page, COOKIE_FIELD, /The inspector’s code could not be downloaded/);
    await page.unroute(/\/_astro\/engine\.[^/]*\.js$/);
    await page.getByRole('button', { name: 'Decode', exact: true }).click();
    await expect(section(page, 'decode').locator('pre').first()).toHaveText('{"count": 1}');
  });

  test('the built-in word list blocked: guessing says so', async ({ page }) => {
    await page.route(/weak-secrets[^/]*\.txt$/, (route) => route.abort());
    await openInspector(page);
    await decode(page, flaskCookie('count_1').cookie);
    await section(page, 'guess').getByRole('button', { name: 'Start guessing' }).click();
    await expect(section(page, 'guess').locator('.ci-error')).toHaveText(
      'The built-in word list could not be downloaded (are you offline?). Untick it to guess with your own list only.',
    );
  });
});
