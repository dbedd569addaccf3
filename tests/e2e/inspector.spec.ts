import { axeViolations, expect, test } from './fixtures.ts';
import {
  FLASK_CLOCK,
  FLASK_KEY,
  INSPECTOR,
  decode,
  fixClock,
  flaskCookie,
  flaskLoad,
  flaskSetCookie,
  openInspector,
  section,
  sign,
  verify,
} from './inspector-page.ts';

const count1 = flaskCookie('count_1');
const tuples = flaskCookie('tuples');

test.describe('cookie inspector: decode', () => {
  test('reads a plain Flask cookie without any key', async ({ page }) => {
    await fixClock(page, FLASK_CLOCK + 3 * 60);
    await openInspector(page);
    await decode(page, count1.cookie);
    const decoded = section(page, 'decode');
    await expect(decoded.locator('.cookie-part-payload').first()).toHaveText('eyJjb3VudCI6MX0');
    await expect(decoded).toContainText('base64, not compressed');
    await expect(decoded).toContainText('2023-11-14 22:13:20 UTC (3 minutes ago)');
    await expect(decoded).toContainText('5ecb372e445e91f3f3db3c496ea44badf2d486e2');
    await expect(decoded.locator('pre').first()).toHaveText('{"count": 1}');
    await expect(decoded.locator('pre').nth(1)).toHaveText("{'count': 1}");
    await expect(decoded.getByRole('status')).toHaveText('Decoded: 1 key, signed 3 minutes ago.');
  });

  test('reads a compressed cookie and shows the Python types Flask tagged', async ({ page }) => {
    await openInspector(page);
    await decode(page, tuples.cookie);
    const decoded = section(page, 'decode');
    await expect(decoded).toContainText('zlib-compressed');
    const repr = tuples.reload.ok ? tuples.reload.repr : null;
    await expect(decoded.locator('pre').nth(1)).toHaveText(repr!);
    await expect(decoded).toContainText(
      'Flask tagged these Python types, which JSON lacks: tuple.',
    );
    await expect(decoded.getByRole('row', { name: /mixed/ })).toContainText(
      "tuple(1, 'a', (2, 3), [4])",
    );
  });

  test('finds the session cookie in a Cookie header and says the first one won', async ({
    page,
  }) => {
    await openInspector(page);
    await decode(page, `Cookie: theme=dark; session=${count1.cookie}; session=garbage`);
    const decoded = section(page, 'decode');
    await expect(decoded).toContainText(
      'The Cookie header holds 2 cookies named session; Flask (Werkzeug) uses the first one, and so did the inspector.',
    );
    await expect(decoded.locator('pre').nth(1)).toHaveText("{'count': 1}");
  });

  test('shows HTML inside a cookie as text', async ({ page }) => {
    await openInspector(page);
    await decode(page, flaskCookie('markup').cookie);
    const decoded = section(page, 'decode');
    await expect(decoded.locator('pre').nth(1)).toHaveText(
      "{'e': Markup(''), 'm': Markup('<b>x</b>')}",
    );
    await expect(decoded.locator('pre b')).toHaveCount(0);
  });
});

test.describe('cookie inspector: verify', () => {
  test('a cookie signed with the key is valid, at the real clock', async ({ page }) => {
    await fixClock(page, FLASK_CLOCK + 60);
    await openInspector(page);
    await decode(page, count1.cookie);
    await verify(page, { key: FLASK_KEY });
    const result = section(page, 'verify').locator('.ci-result');
    await expect(result).toContainText(
      'Valid. Signed with the current SECRET_KEY, 1 minute ago (2023-11-14 22:13:20 UTC).',
    );
    await expect(result.locator('pre')).toHaveText("{'count': 1}");
    await expect(section(page, 'verify').getByRole('status')).toHaveText(
      'Valid: signed with the current SECRET_KEY.',
    );
  });

  test('a wrong key gives BadTimeSignature with Python’s message', async ({ page }) => {
    const wrong = flaskLoad('wrong_key');
    const flask = wrong.result.ok ? null : wrong.result;
    await fixClock(page, wrong.now);
    await openInspector(page);
    await decode(page, wrong.cookie);
    await verify(page, { key: String(wrong.secret_keys[0]) });
    const result = section(page, 'verify').locator('.ci-result');
    await expect(result).toContainText('BadTimeSignature. The signature does not match');
    await expect(result.locator('pre')).toHaveText(
      `itsdangerous.exc.${flask!.class}: ${flask!.message}`,
    );
  });

  test('an expired cookie gives SignatureExpired with its age', async ({ page }) => {
    const expired = flaskLoad('age_one_past_max');
    const flask = expired.result.ok ? null : expired.result;
    await fixClock(page, expired.now);
    await openInspector(page);
    await decode(page, expired.cookie);
    await verify(page, { key: FLASK_KEY, maxAge: String(expired.max_age) });
    const result = section(page, 'verify').locator('.ci-result');
    await expect(result).toContainText(
      'SignatureExpired. The cookie was signed 2678401 seconds ago',
    );
    await expect(result).toContainText('The signature matches the current SECRET_KEY');
    await expect(result.locator('pre')).toHaveText(
      `itsdangerous.exc.SignatureExpired: ${flask!.message}`,
    );
  });

  test('a cookie signed with an old key matches a fallback, named by its line', async ({
    page,
  }) => {
    const rotated = flaskLoad('fallback_oldest_of_three');
    await fixClock(page, rotated.now);
    await openInspector(page);
    await decode(page, rotated.cookie);
    await verify(page, { key: 'new-key', fallbacks: 'older-key\nold-key' });
    await expect(section(page, 'verify').locator('.ci-result')).toContainText(
      "Valid. Signed with fallback key 1, 'older-key'",
    );
  });

  test('a valid signature over unreadable data is BadPayload, which Flask answers with 500', async ({
    page,
  }) => {
    const garbage = flaskLoad('payload_zlib_garbage');
    const flask = garbage.result.ok ? null : garbage.result;
    await fixClock(page, garbage.now);
    await openInspector(page);
    await decode(page, garbage.cookie);
    await expect(section(page, 'decode')).toContainText(
      'Verify and Guess below can still check this cookie’s signature.',
    );
    await verify(page, { key: FLASK_KEY });
    const result = section(page, 'verify').locator('.ci-result');
    await expect(result).toContainText('BadPayload.');
    await expect(result).toContainText('the request fails with HTTP 500');
    await expect(result.locator('pre')).toHaveText(
      `itsdangerous.exc.BadPayload: ${flask!.message}`,
    );
  });

  test('editing the key afterwards never re-verifies: the verdict is marked out of date', async ({
    page,
  }) => {
    await fixClock(page, FLASK_CLOCK);
    await openInspector(page);
    await decode(page, count1.cookie);
    await verify(page, { key: FLASK_KEY });
    const form = section(page, 'verify');
    await expect(form.locator('.ci-result')).toContainText('Valid.');
    await form.getByLabel('Secret key (SECRET_KEY)').fill('another-key');
    await expect(form.locator('.ci-result')).toHaveClass(/ci-stale/);
    await expect(form.locator('.ci-result')).toContainText(
      'You changed the cookie or a field since this check. Press Verify signature again.',
    );
    await form.getByRole('button', { name: 'Verify signature' }).click();
    await expect(form.locator('.ci-result')).toContainText('BadTimeSignature.');
    await expect(form.locator('.ci-result')).not.toHaveClass(/ci-stale/);
  });
});

test.describe('cookie inspector: sign', () => {
  test('signs exactly the cookie and header Flask made, and the cookie verifies', async ({
    page,
  }) => {
    await fixClock(page, FLASK_CLOCK + 60);
    await openInspector(page);
    await sign(page, { json: '{"count": 1}', key: FLASK_KEY, time: String(FLASK_CLOCK) });
    const signed = section(page, 'sign').locator('.ci-result');
    await expect(signed.locator('pre').first()).toHaveText(count1.cookie);
    await expect(signed.locator('pre').nth(1)).toHaveText(
      `Set-Cookie: ${flaskSetCookie('counter_dev_key')}`,
    );
    await signed.getByRole('button', { name: 'Check it in Decode and Verify' }).click();
    await expect(page.getByLabel('Cookie value or header')).toBeFocused();
    await expect(page.getByLabel('Cookie value or header')).toHaveValue(count1.cookie);
    await expect(section(page, 'decode').locator('pre').nth(1)).toHaveText("{'count': 1}");
    await verify(page, { key: FLASK_KEY });
    await expect(section(page, 'verify').locator('.ci-result')).toContainText(
      'Valid. Signed with the current SECRET_KEY',
    );
  });

  test('tagged Python types and compression give Flask’s exact cookie', async ({ page }) => {
    await openInspector(page);
    await sign(page, { json: tuples.tagged_json, key: FLASK_KEY, time: '2023-11-14 22:13:20' });
    await expect(section(page, 'sign').locator('.ci-result pre').first()).toHaveText(tuples.cookie);
  });

  test('a permanent session gets the Expires header Flask sends', async ({ page }) => {
    await openInspector(page);
    await sign(page, {
      json: '{"_permanent": true, "user": "alice"}',
      key: FLASK_KEY,
      time: String(FLASK_CLOCK),
    });
    await expect(section(page, 'sign').locator('.ci-result pre').nth(1)).toHaveText(
      `Set-Cookie: ${flaskSetCookie('permanent')}`,
    );
  });

  test('decoded data is carried into the signer on request', async ({ page }) => {
    await openInspector(page);
    await decode(page, tuples.cookie);
    await section(page, 'decode').getByRole('button', { name: 'Edit this data in Sign' }).click();
    const data = page.getByLabel('Session data (Flask’s tagged JSON)');
    await expect(data).toBeFocused();
    await expect(data).toHaveValue(
      [
        '{',
        '  "empty": {" t": []},',
        '  "mixed": {" t": [1, "a", {" t": [2, 3]}, [4]]},',
        '  "one": {" t": [1]}',
        '}',
      ].join('\n'),
    );
    await expect(section(page, 'sign').getByRole('status')).toHaveText(
      'The decoded data is in Sign, ready to edit.',
    );
  });

  test('the signing time starts at the real clock', async ({ page }) => {
    await fixClock(page, FLASK_CLOCK);
    await openInspector(page);
    await expect(page.getByLabel('Signing time')).toHaveValue(String(FLASK_CLOCK));
  });

  test('copy buttons put the cookie and the header on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openInspector(page);
    await sign(page, { json: '{"count": 1}', key: FLASK_KEY, time: String(FLASK_CLOCK) });
    const signed = section(page, 'sign').locator('.ci-result');
    await signed.getByRole('button', { name: 'Copy cookie' }).click();
    await expect(signed.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(count1.cookie);
    await signed.getByRole('button', { name: 'Copy header' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Set-Cookie: ${flaskSetCookie('counter_dev_key')}`,
    );
  });
});

test.describe('cookie inspector: shareable links', () => {
  test('a #cookie= link reopens the cookie in Decode', async ({ page }) => {
    await openInspector(page, `#cookie=${encodeURIComponent(tuples.cookie)}`);
    await expect(page.getByLabel('Cookie value or header')).toHaveValue(tuples.cookie);
    await expect(section(page, 'decode')).toContainText('zlib-compressed');
  });

  test('changing the fragment later decodes the new cookie', async ({ page }) => {
    await openInspector(page);
    await page.evaluate((cookie) => {
      location.hash = `cookie=${encodeURIComponent(cookie)}`;
    }, count1.cookie);
    await expect(section(page, 'decode').locator('pre').nth(1)).toHaveText("{'count': 1}");
  });

  test('copy link gives a #cookie= link with the cookie and never the key', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openInspector(page);
    await page.getByLabel('Cookie value or header').fill(`Cookie: session=${count1.cookie}`);
    await page.getByRole('button', { name: 'Decode', exact: true }).click();
    await verify(page, { key: 'a-distinctive-secret-42' });
    await page.getByRole('button', { name: 'Copy a link to this cookie' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseURL}${INSPECTOR}#cookie=${count1.cookie}`);
    await page.goto(link);
    await expect(page.getByLabel('Cookie value or header')).toHaveValue(count1.cookie);
  });

  test('the site nav leads to the inspector', async ({ page }) => {
    await page.goto('./');
    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Cookie inspector' })
      .click();
    await expect(page).toHaveTitle('Flask session cookie inspector · Lessons');
    await expect(page.getByText('Processed locally.')).toBeVisible();
  });
});

test.describe('cookie inspector: privacy, accessibility, layout', () => {
  test('uses the page’s own assets only, and no request carries a secret', async ({
    page,
    baseURL,
  }) => {
    const secret = 'a-distinctive-secret-42';
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.url()} ${request.postData() ?? ''}`));
    await openInspector(page);
    await decode(page, tuples.cookie);
    await verify(page, { key: secret });
    await sign(page, { json: '{"user": "admin"}', key: secret, time: String(FLASK_CLOCK) });
    await section(page, 'guess').getByRole('button', { name: 'Start guessing' }).click();
    await expect(section(page, 'guess').locator('.ci-result')).toContainText(
      'Found the secret key',
    );
    for (const request of requests) {
      expect(request.startsWith(baseURL!)).toBe(true);
      expect(request).not.toContain(secret);
    }
    expect(requests.some((request) => /weak-secrets.*\.txt/.test(request))).toBe(true);
  });

  test('the page loads no engine, zlib or word list until they are needed', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await openInspector(page);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => /engine|pako|weak-secrets|worker/.test(url))).toEqual([]);
    await decode(page, count1.cookie);
    await expect(section(page, 'decode').locator('pre').first()).toHaveText('{"count": 1}');
    expect(requests.filter((url) => /pako/.test(url))).toEqual([]);
  });

  test('fields with errors are marked invalid and described, and focus goes to the first', async ({
    page,
  }) => {
    await openInspector(page);
    await decode(page, count1.cookie);
    await verify(page, { key: '', maxAge: 'a month' });
    const key = page.getByLabel('Secret key (SECRET_KEY)');
    await expect(key).toBeFocused();
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(key).toHaveAccessibleDescription(/Enter the secret key/);
    await expect(page.getByLabel(/^Maximum age/)).toHaveAccessibleDescription(
      /Enter the maximum age as whole seconds/,
    );
  });

  test('works with the keyboard alone', async ({ page }) => {
    await fixClock(page, FLASK_CLOCK);
    await openInspector(page);
    await page.getByLabel('Cookie value or header').focus();
    await page.keyboard.insertText(count1.cookie);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Decode', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(section(page, 'decode').locator('pre').first()).toHaveText('{"count": 1}');
    await page.getByLabel('Secret key (SECRET_KEY)').focus();
    await page.keyboard.insertText(FLASK_KEY);
    await page.keyboard.press('Enter');
    await expect(section(page, 'verify').locator('.ci-result')).toContainText('Valid.');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations with every step used (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await openInspector(page);
      expect(await axeViolations(page)).toEqual([]);
      await decode(page, tuples.cookie);
      await verify(page, { key: 'wrong', maxAge: 'x' });
      await sign(page, { json: '{"a": 1,}', key: FLASK_KEY });
      await section(page, 'sign').getByText('How to write Python types').click();
      await section(page, 'guess').getByRole('button', { name: 'Start guessing' }).click();
      await expect(section(page, 'guess').locator('.ci-result')).toContainText('Found');
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  for (const width of [390, 320]) {
    test(`fits a ${width} px screen with every step used`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await openInspector(page);
      await decode(page, `Cookie: theme=dark; session=${tuples.cookie}`);
      await verify(page, { key: FLASK_KEY, fallbacks: 'old-key' });
      await sign(page, { json: tuples.tagged_json, key: FLASK_KEY });
      await section(page, 'sign').getByText('How to write Python types').click();
      await section(page, 'guess').getByRole('button', { name: 'Start guessing' }).click();
      await expect(section(page, 'guess').locator('.ci-result')).toContainText('Found');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
