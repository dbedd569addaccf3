import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { builtInListSize, decode, flaskCookie, openInspector, section } from './inspector-page.ts';

// Real Flask cookies: one signed with "secret", a key on the built-in list, and one signed with
// 100 raw bytes that no word list can hold.
const weak = flaskCookie('key_seed_secret');
const strong = flaskCookie('key_100_bytes');

const guess = (page: Page) => section(page, 'guess');
const start = (page: Page) => guess(page).getByRole('button', { name: 'Start guessing' }).click();
const ownListOnly = (page: Page) =>
  guess(page)
    .getByLabel(/^Built-in list/)
    .uncheck();

/** A word list file of `count` distinct keys that sign nothing, then the `last` lines. */
const bigList = (count: number, ...last: string[]) => ({
  name: 'many-keys.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from(
    [...Array.from({ length: count }, (_, i) => `not-the-key-${i}`), ...last].join('\n'),
  ),
});

/**
 * A cookie with a 15 KB signed part and a signature no key made: each guess then hashes the
 * signed part's 240 blocks, so a run over a million keys lasts long enough to cancel.
 */
const longCookie = [
  Buffer.from(JSON.stringify({ cart: 'x'.repeat(11_400) })).toString('base64url'),
  'ZVPxAA',
  Buffer.alloc(20, 7).toString('base64url'),
].join('.');

async function chooseFile(page: Page, file: ReturnType<typeof bigList>) {
  await guess(page)
    .getByLabel(/^Or a word list file/)
    .setInputFiles(file);
  await expect(guess(page)).toContainText(/many-keys\.txt: [\d.]+ MB, read a chunk at a time/);
}

test.describe('cookie inspector: guess a weak secret', () => {
  test('finds a listed weak key with the SIMD kernel and offers to sign with it', async ({
    page,
  }) => {
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
      /Tried [\d,]+ keys in (under a second|[\d.]+ s, [\d,]+ keys per second), with WebAssembly SIMD in 1 background worker \(lists this short need no more\)\./,
    );
  });

  test('tries a pasted list and a file in order, repeats included', async ({ page }) => {
    await openInspector(page);
    await decode(page, weak.cookie);
    await ownListOnly(page);
    await guess(page).getByLabel('Your own keys, one per line (optional)').fill('dev\nadmin\ndev');
    await guess(page)
      .getByLabel(/^Or a word list file/)
      .setInputFiles({
        name: 'mine.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from("admin\r\n'secret'\r\n"),
      });
    await expect(guess(page)).toContainText('mine.txt: 2 lines: 1 Python literal, 1 plain.');
    await expect(guess(page)).toContainText('A key that appears twice is tried twice');
    await start(page);
    await expect(guess(page).locator('.ci-result')).toContainText("Found the secret key: 'secret'");
    await expect(guess(page).getByRole('status')).toHaveText('Found the secret key after 5 keys.');
  });

  test('finds a key on the last line of a 1,000,000-line file', async ({ page }) => {
    test.setTimeout(120_000);
    await openInspector(page);
    await decode(page, weak.cookie);
    await ownListOnly(page);
    await chooseFile(page, bigList(1_000_000, 'secret'));
    await start(page);
    await expect(guess(page).locator('.ci-result')).toContainText(
      "Found the secret key: 'secret'",
      { timeout: 60_000 },
    );
    await expect(guess(page).locator('.ci-result')).toContainText(
      /, with WebAssembly SIMD in \d background workers?\./,
    );
    // Workers finish chunks in any order: the count is what they had tried when it was found.
    await expect(guess(page).getByRole('status')).toHaveText(
      /^Found the secret key after [\d,]+ keys\.$/,
    );
  });

  test('shows progress, rate and time left while running, and cancels at once', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openInspector(page);
    await decode(page, longCookie);
    await ownListOnly(page);
    await chooseFile(page, bigList(1_000_000));
    await start(page);
    const progress = guess(page).getByRole('progressbar', { name: 'Word lists read' });
    await expect(progress).toBeVisible();
    await expect(guess(page)).toContainText(
      /Trying keys with WebAssembly SIMD in \d background workers?\./,
    );
    await expect(guess(page)).toContainText(
      /[\d,]+ keys tried, \d+% of the word lists read, [\d,]+ keys per second, about .+ left\./,
      { timeout: 30_000 },
    );
    // The page stays responsive while the workers run.
    await page.getByLabel('Secret key (SECRET_KEY)').fill('typing still works');
    // Keyboard focus on Cancel; the click is timed inside the page.
    await guess(page).getByRole('button', { name: 'Cancel' }).focus();
    const cancelMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const section = document.querySelector('section#guess')!;
          const started = performance.now();
          new MutationObserver((_, observer) => {
            if (section.textContent?.includes('Cancelled after')) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          }).observe(section, { childList: true, subtree: true, characterData: true });
          [...section.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
        }),
    );
    expect(cancelMs).toBeLessThan(100);
    const cancelled = guess(page).getByText(/^Cancelled after [\d,]+ keys \(\d+% of the word/);
    await expect(cancelled).toBeVisible();
    const tried = Number(
      /[\d,]+/.exec((await cancelled.textContent()) ?? '')![0].replace(/,/g, ''),
    );
    expect(tried).toBeLessThan(1_000_000);
    await expect(guess(page).getByRole('button', { name: 'Start guessing' })).toBeFocused();
  });

  test.describe(() => {
    // The kernel's download is refused, as a policy or a proxy might.
    test.use({ allowedErrors: /Failed to load resource/ });
    test('falls back to the JavaScript kernel when WebAssembly is refused', async ({ page }) => {
      test.setTimeout(120_000);
      await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
      await openInspector(page);
      await decode(page, weak.cookie);
      await ownListOnly(page);
      await chooseFile(page, bigList(100_000, 'secret'));
      await start(page);
      await expect(guess(page).locator('.ci-result')).toContainText(
        "Found the secret key: 'secret'",
        { timeout: 60_000 },
      );
      await expect(guess(page).locator('.ci-result')).toContainText(
        /, with the JavaScript fallback \(WebAssembly SIMD is not available here\) in \d background workers?\./,
      );
    });
  });
});
