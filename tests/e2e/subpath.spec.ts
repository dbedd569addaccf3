import { COUNTER_PY } from '../../src/lib/lesson-apps/sources.ts';
import { expect, test } from './fixtures.ts';

// Run against every build (plain and sub-path); links are relative to the configured baseURL.
test.describe('hosting under any base path', { tag: '@subpath' }, () => {
  test('the catalogue links to the lesson and the lesson back home', async ({ page, baseURL }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Flask session object' }).click();
    await expect(page).toHaveURL(`${baseURL}lessons/flask-session/`);
    await expect(page.locator('table.execution-table tbody tr')).toHaveCount(5);
    await page.getByRole('link', { name: 'All lessons' }).click();
    await expect(page).toHaveURL(`${baseURL}`);
  });

  test('styles, favicon and scripts load from under the base path', async ({ page, baseURL }) => {
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto('lessons/flask-session/');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await expect(page.getByRole('button', { name: 'Dark', exact: true })).toBeVisible();
    const assets = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="stylesheet"], link[rel="icon"], script[src]')].map(
        (el) => (el as HTMLLinkElement).href || (el as HTMLScriptElement).src,
      ),
    );
    for (const asset of assets.filter((url) => url.startsWith('http://localhost'))) {
      expect(asset.startsWith(baseURL!)).toBe(true);
    }
    expect(failed).toEqual([]);
  });

  test('the inspector’s engine, kernel, worker and word list load from under the base path', async ({
    page,
  }) => {
    await page.goto('tools/cookie-inspector/');
    const cookie = page.getByLabel('Cookie value or header');
    await cookie.fill('.eJyrVqpQslJKRAJKtQBD7Qa_.ZVPxAA.ZUFCO6aNoZwTGE7MVM1WmkCOCtA');
    await page.getByRole('button', { name: 'Decode', exact: true }).click();
    await expect(page.locator('section#decode pre').nth(1)).toHaveText("{'x': 'aaaaaaaaaaaa'}");
    await page.getByRole('button', { name: 'Start guessing' }).click();
    await expect(page.locator('section#guess')).toContainText(
      "Found the secret key: 'dev-secret-key'",
    );
    // The SIMD kernel, not the fallback: its .wasm was found under the base too.
    await expect(page.locator('section#guess')).toContainText('with WebAssembly SIMD in');
  });

  test('an edited app runs on real Flask: Pyodide, its files and Flask load from under the base', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const requested: string[] = [];
    page.on('response', (response) => requested.push(`${response.status()} ${response.url()}`));
    await page.goto('lessons/flask-session/playground/');
    // The lesson's counter, edited: it counts in tens and says so.
    const program = COUNTER_PY.replace('+ 1', '+ 10').replace('"Count:', '"Edited count:');
    await page.evaluate(
      (source) => localStorage.setItem('lesson-site:flask-session:python-edit:counter', source),
      program,
    );
    await page.reload();
    const playground = page.locator('.playground');
    await expect(playground.getByRole('button', { name: 'Send request' })).toBeEnabled();
    await playground.getByRole('button', { name: 'Edit and run on real Flask' }).click();
    await expect(
      page.getByRole('textbox', { name: 'Your app’s Python code (app.py)' }),
    ).toContainText('Edited count');
    await playground.getByRole('button', { name: 'Run on real Flask', exact: true }).click();
    await expect(playground.locator('.pr-status')).toContainText(
      'Real Flask is running your code',
      {
        timeout: 120_000,
      },
    );
    await playground.getByRole('button', { name: 'Send request' }).click();
    await expect(playground.locator('table.pg-rows tbody tr').first()).toContainText(
      'Edited count: 10',
    );
    const runtime = requested.filter((line) => line.includes('/python/pyodide-'));
    expect(runtime.some((line) => line.endsWith('pyodide.asm.wasm'))).toBe(true);
    expect(runtime.some((line) => line.endsWith('flask-packages-pyc.zip'))).toBe(true);
    for (const line of runtime) expect(line).toMatch(new RegExp(`^200 ${baseURL}python/`));
  });

  test('sitemap and robots.txt list absolute URLs under the base', async ({ request, baseURL }) => {
    const sitemap = await (await request.get('sitemap.xml')).text();
    const base = new URL(baseURL!).pathname;
    expect(sitemap).toContain(`${base}lessons/flask-session/</loc>`);
    expect(sitemap).not.toContain('404');
    const robots = await (await request.get('robots.txt')).text();
    expect(robots).toMatch(new RegExp(`Sitemap: https?://[^\\s]+${base}sitemap\\.xml`));
  });
});
