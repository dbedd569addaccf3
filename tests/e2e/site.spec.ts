import { axeViolations, expect, test } from './fixtures.ts';

test.describe('catalogue', () => {
  test('lists the lesson with framework, minutes and summary, and links to it', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page).toHaveTitle('Lessons');
    const card = page.locator('.lesson-card').filter({ hasText: 'Flask session object' });
    await expect(card).toContainText('Flask');
    await expect(card).toContainText('10 min');
    await expect(card).toContainText('signed cookie');
    const link = card.getByRole('link', { name: 'Start Flask session object' });
    await expect(link).toHaveCount(1);
    // Anywhere on the card opens the lesson, here its top-left corner.
    await card.click({ position: { x: 8, y: 8 } });
    await expect(page).toHaveURL(/lessons\/flask-session\/$/);
  });

  test('loads no JavaScript files: its few scripts are inline', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto('./');
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await expect(page.locator('script[src]')).toHaveCount(0);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('./');
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('site shell', () => {
  test('the skip link moves focus past the header to the content', async ({ page }) => {
    await page.goto('lessons/flask-session/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main')).toBeFocused();
  });

  test('the theme has three states, System, Light and Dark, and exactly one is pressed', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('./');
    const theme = page.getByRole('group', { name: 'Theme' });
    const choice = (name: string) => theme.getByRole('button', { name, exact: true });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const pressed = async () =>
      (await theme.locator('[aria-pressed="true"]').allInnerTexts()).map((text) => text.trim());

    expect(await pressed()).toEqual(['System']);
    expect(await background()).toBe('rgb(255, 255, 255)');

    await choice('Dark').click();
    expect(await pressed()).toEqual(['Dark']);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe('rgb(18, 20, 24)');

    await page.reload();
    expect(await pressed()).toEqual(['Dark']);
    expect(await background()).toBe('rgb(18, 20, 24)');

    await page.emulateMedia({ colorScheme: 'dark' });
    await choice('Light').click();
    expect(await pressed()).toEqual(['Light']);
    expect(await background()).toBe('rgb(255, 255, 255)');

    await choice('System').click();
    expect(await pressed()).toEqual(['System']);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    expect(await background()).toBe('rgb(18, 20, 24)');
    await page.reload();
    expect(await pressed()).toEqual(['System']);
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
  });

  test('a saved theme applies before the first paint, with no flash of the other', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.addInitScript(() => {
      localStorage.setItem('theme', 'dark');
      // Nothing is painted before <body> exists: record the theme <html> carries at that moment.
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        observer.disconnect();
        document.documentElement.dataset['themeAtBody'] =
          document.documentElement.dataset['theme'] ?? 'none';
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('lessons/flask-session/');
    await expect(page.locator('html')).toHaveAttribute('data-theme-at-body', 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(18, 20, 24)',
    );
    await expect(
      page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  test('on a phone the theme switch shares the first row of the header', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto('./');
    const name = await page.locator('.site-name').boundingBox();
    const theme = await page.getByRole('group', { name: 'Theme' }).boundingBox();
    const header = await page.locator('.site-header').boundingBox();
    expect(Math.abs(name!.y + name!.height / 2 - (theme!.y + theme!.height / 2))).toBeLessThan(4);
    expect(header!.height).toBeLessThanOrEqual(100);
    for (const label of ['System', 'Light', 'Dark']) {
      await expect(page.getByRole('button', { name: label, exact: true })).toBeVisible();
    }
  });

  test('the nav marks the page it is on', async ({ page }) => {
    await page.goto('./');
    const nav = page.getByRole('navigation', { name: 'Site' });
    await expect(nav.getByRole('link', { name: 'All lessons' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(nav.getByRole('link', { name: 'Cookie inspector' })).not.toHaveAttribute(
      'aria-current',
      /./,
    );
    await nav.getByRole('link', { name: 'Cookie inspector' }).click();
    await expect(nav.getByRole('link', { name: 'Cookie inspector' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await page.goto('lessons/flask-session/');
    await expect(nav.locator('[aria-current]')).toHaveCount(0);
  });

  test('the lesson address without its trailing slash serves the lesson', async ({ page }) => {
    const response = await page.goto('lessons/flask-session');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flask session object');
  });

  test('a broken theme entry in storage is ignored', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('theme', '{"oops"'));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('./');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    await expect(page.getByRole('button', { name: 'System', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test.describe(() => {
    test.use({ allowedErrors: /status of 404/ });
    test('an unknown address shows the not-found page with a way back', async ({ page }) => {
      const response = await page.goto('no-such-page/');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await expect(page.locator('.suggestion')).toBeHidden();
      await page.getByRole('link', { name: 'See all lessons' }).click();
      await expect(page).toHaveTitle('Lessons');
    });

    test('a mistyped address of a real page gets a link to it', async ({ page }) => {
      const response = await page.goto('Lessons/Flask-Session/Quiz/');
      expect(response?.status()).toBe(404);
      await expect(page.locator('.suggestion')).toHaveText(
        'Did you mean Flask session object: Quiz?',
      );
      await page.getByRole('link', { name: 'Flask session object: Quiz' }).click();
      await expect(page).toHaveURL(/\/lessons\/flask-session\/quiz\/$/);
    });
  });

  test('the favicon is served', async ({ page, request }) => {
    await page.goto('./');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const response = await request.get(icon!);
    expect(response.status()).toBe(200);
  });
});
