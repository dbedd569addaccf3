import { expect, test } from '@playwright/test';
test('catalogue lists the lesson', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText('Flask session object')).toBeVisible();
});
