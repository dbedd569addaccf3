import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { builtInListSize, decode, flaskCookie, openInspector, section } from './inspector-page.ts';

// Real Flask cookies: one signed with "secret", a key on the built-in list, and one signed with
// 100 raw bytes that no word list can hold.
const weak = flaskCookie('key_seed_secret');
const strong = flaskCookie('key_100_bytes');

const guess = (page: Page) => section(page, 'guess');
const start = (page: Page) => guess(page).getByRole('button', { name: 'Start guessing' }).click();

/** A word list file of `count` distinct keys that sign nothing. */
const bigList = (count: number) => ({
  name: 'many-keys.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from(Array.from({ length: count }, (_, i) => `not-the-key-${i}`).join('\n')),
});

test.describe('cookie inspector: guess a weak secret', () => {
  test('finds a listed weak key and offers to sign with it', async ({ page }) => {
    await openInspector(page);
    await decode(page, weak.cookie);
    await start(page);
    const result = guess(page).locator('.ci-result');
    await expect(result).toContainText("Found the secret key: 'secret'");
    await expect(result).toContainText('they can sign any session Flask will accept as genuine');
    await expect(guess(page).getByRole('status')).toHaveText('Found the secret key after 15 keys.');
    await result.getByRole('button', { name: 'Sign a session with this key' }).click();
    await expect(page.getByLabel('Secret key to sign with')).toHaveValue('secret');
    await expect(page.getByLabel('Session data (Flask’s tagged JSON)')).toBeFocused();
  });

  test('reports not found for a key on no list, with how many keys were tried', async ({
    page,
  }) => {
    await openInspector(page);
    await decode(page, strong.cookie);
    const size = await builtInListSize(page);
    await start(page);
    const result = guess(page).locator('.ci-result');
    await expect(result).toContainText(`Not found. None of the ${size} keys signed this cookie.`);
    // A rate is given only for runs of a second or more.
    await expect(result).toContainText(
      /Tried [\d,]+ keys in (under a second|[\d.]+ s, [\d,]+ keys per second)\./,
    );
  });

  test('merges a pasted list with a file, trying each key once', async ({ page }) => {
    await openInspector(page);
    await decode(page, weak.cookie);
    await guess(page)
      .getByLabel(/^Built-in list/)
      .uncheck();
    await guess(page).getByLabel('Your own keys, one per line (optional)').fill('dev\nadmin\ndev');
    await guess(page)
      .getByLabel(/^Or a word list file/)
      .setInputFiles({
        name: 'mine.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('admin\r\nsecret\r\n'),
      });
    await expect(guess(page)).toContainText('mine.txt: 2 lines: 2 plain.');
    await start(page);
    await expect(guess(page).locator('.ci-result')).toContainText("Found the secret key: 'secret'");
    await expect(guess(page).getByRole('status')).toHaveText('Found the secret key after 3 keys.');
  });

  test('shows progress and rate while running, and cancels', async ({ page }) => {
    await openInspector(page);
    await decode(page, strong.cookie);
    await guess(page)
      .getByLabel(/^Built-in list/)
      .uncheck();
    await guess(page)
      .getByLabel(/^Or a word list file/)
      .setInputFiles(bigList(600_000));
    await expect(guess(page)).toContainText('many-keys.txt: 600,000 lines: 600,000 plain.');
    await start(page);
    const progress = guess(page).getByRole('progressbar', { name: 'Keys tried' });
    await expect(progress).toBeVisible();
    await expect(guess(page)).toContainText(
      /[\d,]+ of 600,000 keys tried(\.|, [\d,]+ keys per second\.)/,
    );
    // The page stays responsive while the worker runs.
    await page.getByLabel('Secret key (SECRET_KEY)').fill('typing still works');
    await guess(page).getByRole('button', { name: 'Cancel' }).click();
    const cancelled = guess(page).getByText(/^Cancelled after [\d,]+ of/);
    await expect(cancelled).toBeVisible();
    const text = (await cancelled.textContent()) ?? '';
    const [tried, total] = [...text.matchAll(/[\d,]{2,}/g)].map((m) =>
      Number(m[0].replace(/,/g, '')),
    );
    expect(tried).toBeGreaterThan(0);
    expect(tried).toBeLessThan(total!);
    await expect(guess(page).getByRole('button', { name: 'Start guessing' })).toBeFocused();
  });
});
