import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

const lessonPath = 'lessons/flask-session/';
const playgroundPath = 'lessons/flask-session/playground/';

/** Opens a page with the playground and waits until it is hydrated. */
async function openPlayground(page: Page, path = playgroundPath): Promise<Locator> {
  await page.goto(path);
  const playground = page.locator('.playground');
  await playground.scrollIntoViewIfNeeded();
  await expect(playground.getByRole('button', { name: 'Send request' })).toBeEnabled();
  return playground;
}

/** The playground table's rows as [label, before, action, after, output, tracked, note]. */
async function playgroundRows(playground: Locator) {
  return playground.locator('table.pg-rows tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '');
      const label = row.querySelector('.pg-visit')?.textContent?.trim() ?? '';
      return [label, ...cells];
    }),
  );
}

const send = (playground: Locator) =>
  playground.getByRole('button', { name: 'Send request' }).click();
const rowCount = (playground: Locator) => playground.locator('table.pg-rows tbody tr');

test.describe('session playground', () => {
  test('five visits reproduce the lesson’s execution table exactly', async ({ page }) => {
    const playground = await openPlayground(page, lessonPath);
    const lessonTable = await page
      .locator('table.execution-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim())),
      );
    for (let visit = 1; visit <= 5; visit++) {
      await send(playground);
      await expect(rowCount(playground)).toHaveCount(visit);
    }
    const rows = await playgroundRows(playground);
    expect(rows.map((row) => row.slice(1, 5))).toEqual(lessonTable.map((row) => row.slice(1)));
    expect(rows.map((row) => row[5])).toEqual(['1', '2', '3', '4', '5']);
    // Named by what happened, not by position: the first has no cookie yet.
    expect(rows.map((row) => row[0])).toEqual([
      'New visitor',
      'Second visit',
      'Third visit',
      'Fourth visit',
      'Fifth visit',
    ]);
  });

  test('replaying the lesson fills the table and the request panel', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Replay the lesson’s 5 visits' }).click();
    await expect(rowCount(playground)).toHaveCount(5);
    const exchange = playground.locator('.pg-exchange');
    await expect(exchange).toContainText('GET / HTTP/1.1');
    await expect(exchange).toContainText('Cookie: session=eyJjb3VudCI6NH0.');
    await expect(exchange).toContainText('Signature valid, checked with the current SECRET_KEY');
    await expect(exchange).toContainText('200 OK');
    await expect(exchange).toContainText('Vary: Cookie');
    await expect(exchange).toContainText('Set-Cookie: session=eyJjb3VudCI6NX0.');
    await expect(exchange).toContainText('Count: 5');
    await playground.getByRole('button', { name: 'Clear the table' }).click();
    await expect(rowCount(playground)).toHaveCount(0);
  });

  test('the cookie anatomy decodes the cookie without a key', async ({ page }) => {
    const playground = await openPlayground(page);
    await send(playground);
    const anatomy = playground.locator('.pg-anatomy');
    await expect(anatomy).toContainText(
      'Signed, not encrypted: anyone can read this; only the key holder can change it.',
    );
    await expect(anatomy.locator('.cookie-part-payload').first()).toHaveText('eyJjb3VudCI6MX0');
    await expect(anatomy).toContainText('{"count":1}');
    await expect(anatomy).toContainText("{'count': 1}");
    await expect(anatomy).toContainText(
      /Signed at\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(just now\)/,
    );
    await expect(anatomy.locator('.cookie-hex')).toHaveText(/^[0-9a-f]{40}$/);
  });

  test('the cookie anatomy opens the current cookie in the inspector', async ({ page }) => {
    const playground = await openPlayground(page);
    await send(playground);
    await playground
      .getByRole('link', { name: 'Open this cookie in the cookie inspector' })
      .click();
    await expect(page).toHaveURL(/tools\/cookie-inspector\/#cookie=eyJjb3VudCI6MX0\./);
    await expect(page.locator('section#decode pre').nth(1)).toHaveText("{'count': 1}");
  });

  test('tampering with the cookie gets it rejected and the count starts over', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Tamper with the cookie' }).click();
    await expect(rowCount(playground)).toHaveCount(2);
    const [, tampered] = await playgroundRows(playground);
    expect(tampered![4]).toBe('Count: 1');
    expect(tampered![6]).toContain('Cookie rejected (BadTimeSignature)');
    await expect(playground.locator('.pg-exchange')).toContainText(
      'Cookie: session=eyJjb3VudCI6OTl9.',
    );
  });

  test('changing the secret key makes old cookies stop verifying', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Change the secret key' }).click();
    await expect(rowCount(playground)).toHaveCount(2);
    const rows = await playgroundRows(playground);
    expect(rows.map((row) => row[4])).toEqual(['Count: 1', 'Count: 1']);
    expect(rows[1]![6]).toContain('Cookie rejected (BadTimeSignature)');
    await expect(playground.locator('.pg-code')).toContainText(
      "app.secret_key = 'new-secret-key-2'",
    );
  });

  test('rotating keys keeps old cookies valid and signs new ones with the new key', async ({
    page,
  }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Rotate the key' }).click();
    await expect(rowCount(playground)).toHaveCount(2);
    const rows = await playgroundRows(playground);
    expect(rows.map((row) => row[4])).toEqual(['Count: 1', 'Count: 2']);
    expect(rows[1]![6]).toContain("checked with the fallback key 'secret'");
    await expect(playground.locator('.pg-code')).toContainText(
      "app.config['SECRET_KEY_FALLBACKS'] = ['secret']",
    );
    await send(playground);
    await expect(playground.locator('.pg-exchange')).toContainText(
      'checked with the current SECRET_KEY',
    );
  });

  test('without a secret key the counter answers 500 and the page explains why', async ({
    page,
  }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Remove the secret key' }).click();
    await expect(rowCount(playground)).toHaveCount(1);
    const [row] = await playgroundRows(playground);
    expect(row![4]).toBe('500 INTERNAL SERVER ERROR');
    expect(row![2]).toMatch(/RuntimeError$/);
    expect(row![6]).toContain('no secret key');
    const exchange = playground.locator('.pg-exchange');
    await expect(exchange).toContainText(
      'RuntimeError: The session is unavailable because no secret key was set.',
    );
    await expect(exchange).toContainText('500 INTERNAL SERVER ERROR');
    await expect(exchange).not.toContainText('Set-Cookie');
    await expect(playground.locator('.pg-code')).toContainText('# app.secret_key is not set');
    await expect(
      playground.getByText('No cookies: the next request is a new visitor.'),
    ).toBeVisible();
  });

  test('a permanent session gets Expires, refreshes, and the browser drops it 31 days on', async ({
    page,
  }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('checkbox', { name: /session\.permanent = True/ }).check();
    await expect(playground.locator('.pg-code')).toContainText('    session.permanent = True');
    await send(playground);
    const jar = playground.locator('.pg-jar');
    await expect(jar).toContainText('Expires=');
    await expect(jar).toContainText('(in 31 days)');
    await playground.getByRole('button', { name: '+1 day', exact: true }).click();
    await send(playground);
    await expect(rowCount(playground)).toHaveCount(2);
    expect((await playgroundRows(playground))[1]![6]).toContain('re-signed it with a new Expires');
    await expect(jar).toContainText('(in 31 days)');
    await playground.getByRole('button', { name: '+31 days', exact: true }).click();
    await expect(playground.getByRole('note')).toContainText(
      'deleted a cookie whose Expires time passed',
    );
    await expect(
      playground.getByText('No cookies: the next request is a new visitor.'),
    ).toBeVisible();
    await send(playground);
    expect((await playgroundRows(playground))[2]![4]).toBe('Count: 1');
  });

  test('an old non-permanent cookie is refused by Flask as expired', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Let the session expire' }).click();
    await expect(rowCount(playground)).toHaveCount(2);
    const rows = await playgroundRows(playground);
    expect(rows[1]![6]).toContain('Cookie rejected (SignatureExpired)');
    expect(rows[1]![4]).toBe('Count: 1');
  });

  test('restarting the browser drops the session cookie; clearing cookies makes a new visitor', async ({
    page,
  }) => {
    const playground = await openPlayground(page);
    await send(playground);
    await playground.getByRole('button', { name: 'Restart the browser' }).click();
    await expect(
      playground.getByText('No cookies: the next request is a new visitor.'),
    ).toBeVisible();
    await send(playground);
    await playground.getByRole('button', { name: 'Clear cookies (new visitor)' }).click();
    await expect(
      playground.getByText('No cookies: the next request is a new visitor.'),
    ).toBeVisible();
  });

  test('the cart loses appended items unless session.modified is set', async ({ page }) => {
    const playground = await openPlayground(page);
    const app = playground.getByRole('combobox', { name: 'App' });
    const address = playground.getByRole('combobox', { name: 'Address' });
    await app.selectOption({ label: 'Shopping cart (list changed in place)' });
    for (const item of ['apple', 'pear', 'banana']) {
      await address.selectOption(`/add/${item}`);
      await send(playground);
    }
    await expect(rowCount(playground)).toHaveCount(3);
    let rows = await playgroundRows(playground);
    expect(rows.map((row) => row[4])).toEqual([
      "Cart: ['apple']",
      "Cart: ['apple', 'pear']",
      "Cart: ['apple', 'banana']",
    ]);
    expect(rows[1]![6]).toContain('session.modified stayed False');
    await expect(playground.locator('.pg-code')).toContainText(
      "session.setdefault('cart', []).append(item)",
    );

    await app.selectOption({ label: 'Shopping cart with session.modified = True' });
    await playground.getByRole('button', { name: 'Clear cookies (new visitor)' }).click();
    await playground.getByRole('button', { name: 'Clear the table' }).click();
    for (const item of ['apple', 'pear', 'banana']) {
      await address.selectOption(`/add/${item}`);
      await send(playground);
    }
    await expect(rowCount(playground)).toHaveCount(3);
    rows = await playgroundRows(playground);
    expect(rows.at(-1)![4]).toBe("Cart: ['apple', 'pear', 'banana']");
  });

  test('choices made while a request is still running apply in order', async ({ page }) => {
    // Hold the simulator's download so the first request is still running during the next clicks.
    await page.route(/\/_astro\/engine\.[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const playground = await openPlayground(page);
    await playground
      .getByRole('combobox', { name: 'App' })
      .selectOption({ label: 'Log in and log out' });
    await send(playground);
    await playground.getByRole('combobox', { name: 'Address' }).selectOption('/login/bob');
    await send(playground);
    await playground.getByRole('combobox', { name: 'Address' }).selectOption('/logout');
    await send(playground);
    await expect(rowCount(playground)).toHaveCount(3);
    const rows = await playgroundRows(playground);
    expect(rows.map((row) => row[4])).toEqual([
      'Logged in as alice',
      'Logged in as bob',
      'Logged out',
    ]);
  });

  test('logging out sends the deletion header and empties the jar', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground
      .getByRole('combobox', { name: 'App' })
      .selectOption({ label: 'Log in and log out' });
    await send(playground);
    await expect(playground.locator('.pg-jar')).toContainText('session=eyJ1c2VyIjoiYWxpY2UifQ.');
    await playground.getByRole('combobox', { name: 'Address' }).selectOption('/logout');
    await send(playground);
    await expect(playground.locator('.pg-exchange')).toContainText(
      'Set-Cookie: session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/',
    );
    await expect(
      playground.getByText('No cookies: the next request is a new visitor.'),
    ).toBeVisible();
  });

  test('each response is announced politely', async ({ page }) => {
    const playground = await openPlayground(page);
    await send(playground);
    await expect(playground.locator('[role="status"][aria-live="polite"]')).toHaveText(
      'New visitor, GET /: Count: 1. No cookie yet, so the session started empty. Flask signed the changed session into a new cookie.',
    );
  });

  test('works with the keyboard alone', async ({ page }) => {
    const playground = await openPlayground(page);
    const sendButton = playground.getByRole('button', { name: 'Send request' });
    await playground.getByRole('combobox', { name: 'Address' }).focus();
    await page.keyboard.press('Tab');
    await expect(sendButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rowCount(playground)).toHaveCount(1);
    await expect(sendButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rowCount(playground)).toHaveCount(2);
    const tamper = playground.getByRole('button', { name: 'Tamper with the cookie' });
    await tamper.focus();
    await page.keyboard.press('Space');
    await expect(rowCount(playground)).toHaveCount(3);
    const noKey = playground.getByRole('checkbox', { name: /No secret key/ });
    await noKey.focus();
    await page.keyboard.press('Space');
    await expect(noKey).toBeChecked();
    await sendButton.focus();
    await page.keyboard.press('Enter');
    await expect(rowCount(playground)).toHaveCount(4);
    expect((await playgroundRows(playground))[3]![4]).toBe('500 INTERNAL SERVER ERROR');
    const steps = playground.getByText('Every step of this request, line by line');
    await steps.focus();
    await page.keyboard.press('Enter');
    await expect(playground.locator('.pg-trace ol')).toBeVisible();
    const reset = playground.getByRole('button', { name: 'Reset playground' });
    await reset.focus();
    await page.keyboard.press('Enter');
    await expect(rowCount(playground)).toHaveCount(0);
    await expect(reset).toBeFocused();
  });

  test('hostile text typed into the cookie is shown as text, never run', async ({ page }) => {
    const playground = await openPlayground(page);
    await send(playground);
    await playground.getByText('Edit the cookie’s data by hand').click();
    const hostile = '{"count":"<img src=x onerror=window.pwned=1>"}';
    await playground.getByLabel('The JSON inside the cookie').fill(hostile);
    await playground
      .getByRole('button', { name: 'Put it in the cookie jar without re-signing' })
      .click();
    await expect(playground.locator('.pg-anatomy')).toContainText(
      '<img src=x onerror=window.pwned=1>',
    );
    await send(playground);
    await expect(rowCount(playground)).toHaveCount(2);
    expect(await page.locator('.playground img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  test('makes no network request once loaded, and never loads zlib for the counter', async ({
    page,
  }) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    const playground = await openPlayground(page);
    await send(playground);
    await expect(rowCount(playground)).toHaveCount(1);
    const afterFirstUse = urls.length;
    // Clicked in quick succession: the playground queues them in order.
    await playground.getByRole('button', { name: 'Replay the lesson’s 5 visits' }).click();
    await playground.getByRole('button', { name: 'Tamper with the cookie' }).click();
    await playground.getByRole('button', { name: 'Rotate the key' }).click();
    await expect(rowCount(playground)).toHaveCount(7);
    await playground.getByRole('checkbox', { name: /session\.permanent = True/ }).check();
    await send(playground);
    await expect(rowCount(playground)).toHaveCount(8);
    expect(urls.slice(afterFirstUse)).toEqual([]);
    expect(urls.filter((url) => /pako/i.test(url))).toEqual([]);
    expect(urls.some((url) => url.includes('secret'))).toBe(false);
  });

  test.describe(() => {
    test.use({
      allowedErrors: /Failed to load resource|Failed to fetch dynamically imported module/,
    });
    test('a failed download of the simulator shows a clear message', async ({ page }) => {
      await page.route(/\/_astro\/engine\.[^/]*\.js$/, (route) => route.abort());
      const playground = await openPlayground(page);
      await send(playground);
      await expect(playground.getByRole('note')).toHaveText(
        'The simulator’s code could not be downloaded (are you offline?). Reload the page to try again.',
      );
      await expect(playground.getByRole('button', { name: 'Send request' })).toBeEnabled();
    });
  });

  test('new rows are not animated when the learner prefers reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const playground = await openPlayground(page);
    await send(playground);
    const animation = await rowCount(playground)
      .first()
      .locator('td')
      .first()
      .evaluate((cell) => getComputedStyle(cell).animationName);
    expect(animation).toBe('none');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations with the playground in use (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      const playground = await openPlayground(page);
      await playground.getByRole('button', { name: 'Rotate the key' }).click();
      await playground.getByRole('button', { name: 'Remove the secret key' }).click();
      await expect(rowCount(playground)).toHaveCount(3);
      await playground.getByText('Edit the cookie’s data by hand').click();
      await playground.getByText('Every step of this request, line by line').click();
      await expect(playground.getByRole('region', { name: 'Page' })).toContainText(
        'Internal Server Error',
      );
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  for (const width of [390, 320]) {
    test(`fits a ${width} px screen with requests in the table`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const playground = await openPlayground(page);
      await playground.getByRole('button', { name: 'Replay the lesson’s 5 visits' }).click();
      await playground.getByRole('button', { name: 'Rotate the key' }).click();
      await expect(rowCount(playground)).toHaveCount(6);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  for (const width of [1280, 390]) {
    test(`Send request shows the page in view at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 800 ? 800 : 844 });
      const playground = await openPlayground(page);
      const button = playground.getByRole('button', { name: 'Send request' });
      // The button at the very bottom of the screen, as after scrolling down to it.
      await button.evaluate((element) => element.scrollIntoView({ block: 'end' }));
      await button.click();
      const browserWindow = playground.getByRole('region', { name: 'Page' });
      await expect(browserWindow.getByText('Count: 1')).toBeInViewport();
      await expect(browserWindow).toContainText('200 OK');
    });
  }

  test('the browser shows Flask’s 500 page when the view raises RuntimeError', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Remove the secret key' }).click();
    const browserWindow = playground.getByRole('region', { name: 'Page' });
    await expect(browserWindow).toContainText('500 INTERNAL SERVER ERROR');
    await expect(browserWindow).toContainText('Internal Server Error');
    await expect(browserWindow).toContainText('The server encountered an internal error');
  });

  test('every experiment after every other one gives its own outcome', async ({ page }) => {
    test.slow();
    const outcomes = [
      {
        button: 'Tamper with the cookie',
        label: 'Visit with tampered cookie',
        note: 'BadTimeSignature',
      },
      {
        button: 'Change the secret key',
        label: 'Visit after the key changed',
        note: 'BadTimeSignature',
      },
      {
        button: 'Rotate the key',
        label: 'Visit after the key rotated',
        note: "fallback key 'secret'",
      },
      {
        button: 'Remove the secret key',
        label: 'Visit without a secret key',
        note: 'no secret key',
      },
      { button: 'Let the session expire', label: 'Expired session', note: 'SignatureExpired' },
    ];
    // A de Bruijn sequence over the five experiments: each ordered pair (and each one twice
    // running) appears once as neighbours, in 26 clicks.
    const order: number[] = [];
    const a = new Array<number>(4).fill(0);
    const build = (t: number, p: number) => {
      if (t > 2) {
        if (2 % p === 0) order.push(...a.slice(1, p + 1));
        return;
      }
      a[t] = a[t - p]!;
      build(t + 1, p);
      for (let j = a[t - p]! + 1; j < outcomes.length; j++) {
        a[t] = j;
        build(t + 1, t);
      }
    };
    build(1, 1);
    order.push(order[0]!);
    const playground = await openPlayground(page);
    const pairs = new Set<string>();
    for (const [index, which] of order.entries()) {
      const expected = outcomes[which]!;
      if (index > 0) pairs.add(`${order[index - 1]}→${which}`);
      await playground.getByRole('button', { name: expected.button }).click();
      const last = playground.locator('table.pg-rows tbody tr').last();
      await expect(last.locator('.pg-visit')).toHaveText(expected.label);
      await expect(last.locator('td').last()).toContainText(expected.note);
      await expect(playground.getByRole('note')).toContainText(/\.$/);
    }
    expect(pairs.size).toBe(25);
  });

  test('an experiment says what it set up before its own step', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Remove the secret key' }).click();
    await expect(rowCount(playground)).toHaveCount(1);
    await playground.getByRole('button', { name: 'Let the session expire' }).click();
    await expect(playground.getByRole('note')).toHaveText(
      "Restored the key 'secret', sent one visit, then moved the clock one second past PERMANENT_SESSION_LIFETIME and visited again. Result: Cookie rejected (SignatureExpired); Flask started a new, empty session. Flask signed the changed session into a new cookie.",
    );
    const rows = await playgroundRows(playground);
    expect(rows.map((row) => row[0])).toEqual([
      'Visit without a secret key',
      'New visitor',
      'Expired session',
    ]);
  });

  test('Reset playground restores the lesson’s set-up, also after a reload', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Rotate the key' }).click();
    await playground
      .getByRole('combobox', { name: 'App' })
      .selectOption({ label: 'Log in and log out' });
    await expect(rowCount(playground)).toHaveCount(2);
    await playground.getByRole('button', { name: 'Reset playground' }).click();
    await expect(rowCount(playground)).toHaveCount(0);
    await expect(
      playground.getByText('No cookies: the next request is a new visitor.'),
    ).toBeVisible();
    await expect(playground.locator('.pg-code')).toContainText("app.secret_key = 'secret'");
    await expect(playground.locator('.pg-code')).not.toContainText('SECRET_KEY_FALLBACKS');
    await expect(playground.getByRole('combobox', { name: 'App' })).toHaveValue('counter');
    await page.reload();
    await expect(playground.getByRole('button', { name: 'Send request' })).toBeEnabled();
    await expect(playground.getByText('No requests yet.')).toBeVisible();
  });

  test('Back after the inspector link brings back the table, jar, clock and settings', async ({
    page,
  }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('checkbox', { name: /session\.permanent = True/ }).check();
    await send(playground);
    await send(playground);
    const before = await playground.locator('.pg-clock').textContent();
    await playground.getByRole('button', { name: '+1 day', exact: true }).click();
    // The click may wait behind the queued requests: read the clock once it has moved.
    await expect(playground.locator('.pg-clock')).not.toHaveText(before!);
    const clock = await playground.locator('.pg-clock').textContent();
    const jar = await playground.locator('.pg-jar').textContent();
    await playground
      .getByRole('link', { name: 'Open this cookie in the cookie inspector' })
      .click();
    await expect(page).toHaveURL(/tools\/cookie-inspector\//);
    await page.goBack();
    await expect(rowCount(playground)).toHaveCount(2);
    expect((await playgroundRows(playground)).map((row) => row[4])).toEqual([
      'Count: 1',
      'Count: 2',
    ]);
    await expect(playground.locator('.pg-clock')).toHaveText(clock!);
    await expect(playground.locator('.pg-jar')).toHaveText(jar!);
    await expect(
      playground.getByRole('checkbox', { name: /session\.permanent = True/ }),
    ).toBeChecked();
    await expect(playground.getByRole('region', { name: 'Page' })).toContainText('Count: 2');
    // Kept in the tab's storage, not only in a page the browser cached: a reload keeps it too.
    await page.reload();
    await expect(rowCount(playground)).toHaveCount(2);
    await expect(playground.locator('.pg-jar')).toHaveText(jar!);
  });

  test('a corrupt saved playground is discarded and the lesson’s set-up shown', async ({
    page,
  }) => {
    await page.goto(playgroundPath);
    await page.evaluate(() =>
      sessionStorage.setItem('playground:flask-session', '{"version":1,"state":{"rows":7}}'),
    );
    const playground = await openPlayground(page);
    await expect(playground.getByText('No requests yet.')).toBeVisible();
    await send(playground);
    await expect(rowCount(playground)).toHaveCount(1);
  });

  test.describe('before and without JavaScript', () => {
    test('with JavaScript the notice never shows and the island keeps its size', async ({
      page,
    }) => {
      // Hold the island's code back to look at the page before hydration.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/_astro\/SessionPlayground\.[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(playgroundPath);
      const playground = page.locator('.playground');
      await playground.scrollIntoViewIfNeeded();
      await expect(page.getByText('needs JavaScript')).toBeHidden();
      const send = playground.getByRole('button', { name: 'Send request' });
      await expect(send).toBeDisabled();
      expect(await send.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
      const before = await playground.boundingBox();
      release();
      await expect(send).toBeEnabled();
      const after = await playground.boundingBox();
      expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(1);
    });

    test.describe(() => {
      test.use({ javaScriptEnabled: false });
      test('without JavaScript the notice shows and the controls are disabled', async ({
        page,
      }) => {
        await page.goto(playgroundPath);
        const playground = page.locator('.playground');
        await expect(page.getByText('needs JavaScript')).toBeVisible();
        await expect(playground.getByRole('button', { name: 'Send request' })).toBeDisabled();
      });
    });
  });

  test('typing a key updates the code at once; the clock keeps a half-made cookie edit', async ({
    page,
  }) => {
    const playground = await openPlayground(page);
    await playground.getByText('Edit the cookie’s data by hand').click();
    await expect(
      playground.getByText('no session cookie to edit yet: send a request first'),
    ).toBeVisible();
    await expect(playground.getByLabel('The JSON inside the cookie')).toBeDisabled();
    const key = playground.getByRole('textbox', { name: 'SECRET_KEY' });
    await key.fill('');
    await key.pressSequentially('abc');
    await expect(playground.locator('.pg-code')).toContainText("app.secret_key = 'abc'");
    await expect(key).toBeFocused();

    await send(playground);
    const draft = playground.getByLabel('The JSON inside the cookie');
    await expect(draft).toHaveValue('{"count":1}');
    await draft.fill('{"count": 4');
    await playground.getByRole('button', { name: '+1 hour', exact: true }).click();
    await expect(draft).toHaveValue('{"count": 4');
    await playground
      .getByRole('button', { name: 'Put it in the cookie jar without re-signing' })
      .click();
    await expect(playground.getByRole('note')).toHaveText(
      /^That is not valid JSON \(.+\), so the cookie was left as it was\.$/,
    );
  });

  test('clock buttons are named by their visible label, grouped under Clock', async ({ page }) => {
    const playground = await openPlayground(page);
    const clock = playground.getByRole('group', { name: 'Clock' });
    for (const label of ['+1 hour', '+1 day', '+31 days']) {
      await expect(clock.getByRole('button', { name: label, exact: true })).toBeVisible();
    }
  });

  test('the last request’s whole trace is one click away', async ({ page }) => {
    const playground = await openPlayground(page);
    await playground.getByRole('button', { name: 'Remove the secret key' }).click();
    await playground.getByText('Every step of this request, line by line').click();
    const trace = playground.locator('.pg-trace ol');
    await expect(trace.locator(':scope > li')).toHaveCount(7);
    await expect(trace).toContainText("line 7: session['count'] = session.get('count', 0) + 1");
    await expect(trace).toContainText('Raises RuntimeError');
    await expect(trace).toContainText('Nothing saved: there is no secret key');
    await playground.getByRole('button', { name: 'Rotate the key' }).click();
    await expect(trace).toContainText(
      "The signature checks out with the fallback key 'secret' (SECRET_KEY_FALLBACKS[0]).",
    );
  });
});
