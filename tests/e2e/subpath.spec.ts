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

  test('sitemap and robots.txt list absolute URLs under the base', async ({ request, baseURL }) => {
    const sitemap = await (await request.get('sitemap.xml')).text();
    const base = new URL(baseURL!).pathname;
    expect(sitemap).toContain(`${base}lessons/flask-session/</loc>`);
    expect(sitemap).not.toContain('404');
    const robots = await (await request.get('robots.txt')).text();
    expect(robots).toMatch(new RegExp(`Sitemap: https?://[^\\s]+${base}sitemap\\.xml`));
  });
});
