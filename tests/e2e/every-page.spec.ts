import { axeViolations, expect, test } from './fixtures.ts';

/** Every page the site publishes, from its sitemap, as paths relative to the base URL. */
async function publishedPaths(
  request: import('@playwright/test').APIRequestContext,
  baseURL: string,
) {
  const sitemap = await (await request.get('sitemap.xml')).text();
  const base = new URL(baseURL).pathname;
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) =>
    new URL(match[1]!).pathname.slice(base.length),
  );
}

test.describe('every published page', { tag: '@subpath' }, () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`loads without console errors and passes axe (${colorScheme})`, async ({
      page,
      request,
      baseURL,
    }) => {
      test.slow();
      await page.emulateMedia({ colorScheme });
      const paths = await publishedPaths(request, baseURL!);
      expect(paths).toContain('lessons/flask-session/');
      const failures: string[] = [];
      for (const path of paths) {
        await page.goto(path);
        for (const violation of await axeViolations(page))
          failures.push(`${path || '/'}: ${violation}`);
      }
      expect(failures).toEqual([]);
    });
  }

  test.describe(() => {
    test.use({ allowedErrors: /status of 404/ });
    test('the not-found page passes axe', async ({ page }) => {
      await page.goto('this-page-does-not-exist/');
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
