import { expect, test } from './fixtures.ts';

const pages = ['./', 'lessons/flask-session/', 'tools/cookie-inspector/'];

test.describe('Content Security Policy', () => {
  for (const path of pages) {
    test(`${path} declares a strict policy with no third-party origin`, async ({ page }) => {
      await page.goto(path);
      const policy = await page
        .locator('meta[http-equiv="content-security-policy"]')
        .getAttribute('content');
      expect(policy).toContain("default-src 'none'");
      // Pages with the playground can run real Flask (WebAssembly and a blob: worker); the
      // inspector compiles its guessing kernel (WebAssembly). Nothing more, and no page may eval.
      const python = path === 'lessons/flask-session/';
      const wasm = python || path === 'tools/cookie-inspector/' ? " 'wasm-unsafe-eval'" : '';
      expect(policy).toMatch(new RegExp(`script-src 'self'${wasm}( 'sha256-[^']+')+;`));
      expect(policy).toContain(python ? "worker-src 'self' blob:;" : "worker-src 'self';");
      expect(policy).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|https?:|\*/);
    });
  }

  test.describe(() => {
    test.use({
      allowedErrors: /violates the following Content Security Policy|status of 404/,
    });
    test('injected markup cannot run script', async ({ page }) => {
      await page.goto('lessons/flask-session/');
      const violation = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (event) =>
              resolve(event.effectiveDirective),
            );
            const box = document.createElement('div');
            box.innerHTML = '<img src="x" onerror="window.pwned = true">';
            document.body.append(box);
          }),
      );
      expect(violation).toMatch(/^script-src/);
      expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
    });
  });
});
