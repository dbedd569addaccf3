import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Every e2e test gets a page that fails the test afterwards if anything was logged as a console
 * error (this includes CSP violations), if a script threw, or if the page requested anything from
 * another origin. Tests that provoke an error on purpose describe what they expect with `allowedErrors` (one regular expression).
 */
export const test = base.extend<{ allowedErrors: RegExp; pageGuard: void }>({
  allowedErrors: [/(?!)/, { option: true }],
  pageGuard: [
    async ({ page, baseURL, allowedErrors }, use) => {
      const origin = new URL(baseURL ?? 'http://localhost').origin;
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!allowedErrors.test(text)) problems.push(`console error: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
          problems.push(`request to another origin: ${url}`);
        }
      });
      await use();
      expect(problems, 'console errors, uncaught exceptions or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** WCAG 2.2 AA rule tags for axe. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe over the page and returns a readable summary of each violation (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}
