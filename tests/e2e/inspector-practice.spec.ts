/**
 * The cookie inspector with inputs as practitioners have them: keys written as Python has them,
 * padded and old cookies, flask-unsign word lists, look-alike tokens, and the example for a
 * learner who has no cookie. Expected values come from real Flask (inspector-cases.json).
 */
import { cases, named } from '../conformance/inspector-cases.ts';
import { axeViolations, expect, test } from './fixtures.ts';
import { decode, fixClock, openInspector, section, verify } from './inspector-page.ts';

const CLOCK = cases.meta.clock;
const keyCase = (name: string) => named(cases.keys, name);
const pasted = (name: string) => named(cases.loads, name);

test.describe('cookie inspector: inputs as practitioners have them', () => {
  test('a bytes key written as Python has it verifies the Flask quickstart cookie', async ({
    page,
  }) => {
    const quickstart = keyCase('Flask quickstart bytes key');
    await fixClock(page, CLOCK + 60);
    await openInspector(page);
    await decode(page, quickstart.cookie);
    await verify(page, { key: quickstart.typed });
    const verifySection = section(page, 'verify');
    await expect(verifySection).toContainText('Read as a Python bytes literal: 16 bytes.');
    await expect(verifySection.locator('.ci-result')).toContainText(
      'Valid. Signed with the current SECRET_KEY',
    );
    await expect(verifySection.locator('.ci-result pre')).toHaveText("{'username': 'admin'}");

    // Taken literally, the same text is another key.
    await verifySection.getByLabel(/^Take the text literally/).check();
    await expect(verifySection).toContainText('Plain text, 23 characters.');
    await verifySection.getByRole('button', { name: 'Verify signature' }).click();
    await expect(verifySection.locator('.ci-result')).toContainText('BadTimeSignature');
  });

  test('a key with a trailing newline signs the cookie Flask signs', async ({ page }) => {
    const newline = keyCase('key read from a file with its newline');
    await openInspector(page);
    const signSection = section(page, 'sign');
    // Typed as a learner would: Shift+Enter adds the line break, Enter signs.
    await signSection
      .getByLabel('Session data (Flask’s tagged JSON)')
      .fill(JSON.stringify(newline.session));
    await signSection.getByLabel('Signing time').fill(String(newline.timestamp));
    await signSection.getByLabel('Secret key to sign with').focus();
    await page.keyboard.insertText('mysecret');
    await page.keyboard.press('Shift+Enter');
    await expect(signSection.getByLabel('Secret key to sign with')).toHaveValue(newline.typed);
    await page.keyboard.press('Enter');
    await expect(signSection).toContainText('Plain text, 9 characters, ends with a newline.');
    await expect(signSection.locator('.ci-result pre').first()).toHaveText(newline.cookie);
  });

  test('a cookie with base64 padding decodes and verifies, also from a #cookie= link', async ({
    page,
  }) => {
    const padded = pasted('padded data part');
    await fixClock(page, padded.now + 60);
    await openInspector(page);
    await decode(page, padded.pasted);
    const decoded = section(page, 'decode');
    await expect(decoded.locator('pre').nth(1)).toHaveText("{'admin': True}");
    await verify(page, { key: padded.key });
    await expect(section(page, 'verify').locator('.ci-result')).toContainText('Valid.');

    await openInspector(page, `#cookie=${encodeURIComponent(padded.pasted)}`);
    await expect(decoded.getByRole('status')).toHaveText(/^Decoded: 1 key/);
    await expect(decoded.locator('pre').nth(1)).toHaveText("{'admin': True}");
  });

  test('a Set-Cookie captured months ago still decodes, with what a browser would do', async ({
    page,
  }) => {
    const old = pasted('expired Set-Cookie captured earlier');
    await fixClock(page, old.now);
    await openInspector(page);
    await decode(page, old.pasted);
    const decoded = section(page, 'decode');
    await expect(decoded).toContainText('a browser would have dropped this cookie');
    await expect(decoded.locator('pre').nth(1)).toHaveText("{'_permanent': True, 'user': 'ada'}");
    await verify(page, { key: old.key });
    await expect(section(page, 'verify').locator('.ci-result')).toContainText('SignatureExpired');
  });

  test('a flask-unsign word list file finds the key written as a quoted line', async ({ page }) => {
    const list = cases.word_list;
    await openInspector(page);
    await decode(page, list.cookie);
    const guess = section(page, 'guess');
    await guess.getByLabel(/^Built-in list/).uncheck();
    await guess.getByLabel(/^Or a word list file/).setInputFiles({
      name: 'all.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`${list.lines.map((line) => line.line).join('\n')}\n`),
    });
    const literals = list.lines.filter((line) => line.kind === 'literal').length;
    await expect(guess).toContainText(
      `all.txt: ${list.lines.length} lines: ${literals} Python literals, ${list.lines.length - literals} plain.`,
    );
    await guess.getByRole('button', { name: 'Start guessing' }).click();
    await expect(guess.locator('.ci-result')).toContainText(
      `Found the secret key: '${list.found}'`,
    );
  });

  test('a JWT is named as one, with what to do instead', async ({ page }) => {
    await openInspector(page);
    await decode(page, pasted('JWT').pasted);
    const decoded = section(page, 'decode');
    await expect(decoded.getByRole('status')).toContainText('This is a JSON Web Token (JWT');
    await expect(decoded).toContainText('Read it with a JWT library such as PyJWT.');
    await expect(section(page, 'verify')).toContainText('No cookie yet');
  });

  test('a percent-encoded pair from developer tools is decoded and the page says so', async ({
    page,
  }) => {
    await openInspector(page);
    await decode(page, pasted('percent-encoded pair from developer tools').pasted);
    const decoded = section(page, 'decode');
    await expect(decoded).toContainText('The input was percent-encoded');
    await expect(decoded.locator('pre').nth(1)).toHaveText("{'admin': True}");
  });
});

test.describe('cookie inspector: a learner without a cookie', () => {
  test('Try an example decodes the lesson counter’s cookie and says what to try', async ({
    page,
  }) => {
    await openInspector(page);
    await page.getByRole('button', { name: 'Try an example' }).click();
    const decoded = section(page, 'decode');
    await expect(decoded.locator('pre').nth(1)).toHaveText("{'count': 3}");
    await expect(decoded).toContainText('the lesson’s visit counter after three visits');
    await verify(page, { key: 'secret', maxAge: '999999999' });
    await expect(section(page, 'verify').locator('.ci-result')).toContainText('Valid.');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`key notes and the example pass axe (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await openInspector(page);
      await page.getByRole('button', { name: 'Try an example' }).click();
      await verify(page, { key: "b'secret'", fallbacks: "'old'\nplain" });
      await expect(section(page, 'verify')).toContainText('2 keys: 1 read as Python literal');
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
