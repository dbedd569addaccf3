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
    await card.getByRole('link', { name: 'Flask session object' }).click();
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

  test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('./');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(18, 20, 24)');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await background()).toBe('rgb(18, 20, 24)');
  });

  test('without a saved choice the site follows the system theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(18, 20, 24)',
    );
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('a broken theme entry in storage is ignored', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('theme', '{"oops"'));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('./');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
  });

  test.describe(() => {
    test.use({ allowedErrors: /status of 404/ });
    test('an unknown address shows the not-found page with a way back', async ({ page }) => {
      const response = await page.goto('no-such-page/');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await page.getByRole('link', { name: 'See all lessons' }).click();
      await expect(page).toHaveTitle('Lessons');
    });
  });

  test('the favicon is served', async ({ page, request }) => {
    await page.goto('./');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const response = await request.get(icon!);
    expect(response.status()).toBe(200);
  });
});
