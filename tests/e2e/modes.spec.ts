import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

const lessonPath = 'lessons/flask-session/';

/** Every learning style in the recommended order: its page, title and section headings. */
const modes = [
  {
    label: 'Learn',
    path: 'learn/',
    headings: [
      'What it is',
      'The API, call by call',
      'Execution sample',
      'Concept snapshot',
      'Full transcript',
    ],
  },
  {
    label: 'Why',
    path: 'why/',
    headings: [
      'A variable in the app is shared by everyone',
      'A value the visitor holds can be rewritten',
      'A signed cookie can be read, not forged',
    ],
  },
  {
    label: 'Visualize',
    path: '',
    headings: [
      'On this page',
      'Concept flow',
      'Execution sample',
      'Execution table',
      'Variable tracker',
      'Session playground',
      'Key moments',
      'Visual quiz',
      'Concept snapshot',
      'Full transcript',
    ],
  },
  {
    label: 'Step-through',
    path: 'step-through/',
    headings: ['Step through the requests', 'Concept flow', 'Execution table', 'Variable tracker'],
  },
  { label: 'Playground', path: 'playground/', headings: ['Session playground'] },
  {
    label: 'Deep Dive',
    path: 'deep-dive/',
    headings: [
      'Three parts: payload, timestamp, signature',
      'Signed, not encrypted',
      'When the payload is compressed',
      'Values JSON has no type for',
      'Changing the key without logging everyone out',
    ],
  },
  { label: 'Challenge', path: 'challenge/', headings: ['Five problems'] },
  {
    label: 'Performance',
    path: 'performance/',
    headings: [
      'Keep the session small',
      'Write only when something changed',
      'Reading the session makes a page personal',
      'Say so when you change a list inside the session',
    ],
  },
  {
    label: 'Review',
    path: 'review/',
    headings: ['Key moments', 'Explain it in your own words', 'Concept snapshot'],
  },
];

const titleOf = (mode: (typeof modes)[number]) =>
  mode.label === 'Visualize'
    ? 'Flask session object · Lessons'
    : `Flask session object: ${mode.label} · Lessons`;

/** Puts the page in the state where most of it is showing: islands hydrated, disclosures open. */
async function openEverything(page: Page) {
  const next = page.getByRole('button', { name: 'Next', exact: true });
  if ((await next.count()) > 0) await expect(next).toBeEnabled();
  const quiz = page.locator('.question input').first();
  if ((await quiz.count()) > 0) {
    await quiz.scrollIntoViewIfNeeded();
    await expect(quiz).toBeEnabled();
    const showAll = page.getByRole('button', { name: 'Show answers' });
    if ((await showAll.count()) > 0) await showAll.click();
    else {
      // The Challenge shows an answer once its problem is finished: use both attempts.
      const first = page.locator('.question').first();
      for (const choice of [0, 1]) {
        await first.getByRole('radio').nth(choice).click();
        await first.getByRole('button', { name: 'Check' }).click();
      }
      const show = first.getByRole('button', { name: 'Show the answer' });
      if ((await show.count()) > 0) await show.click();
      await expect(first.getByRole('button', { name: 'Hide the answer' })).toBeVisible();
    }
  }
  await page
    .locator('details')
    .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  // Opened cards turn over in a 0.35 s animation that starts transparent; checks such as axe's
  // colour contrast must see them once it has finished.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

for (const mode of modes) {
  test.describe(`${mode.label} mode`, () => {
    test('renders its sections under its own title and canonical URL', async ({ page }) => {
      await page.goto(lessonPath + mode.path);
      await expect(page).toHaveTitle(titleOf(mode));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flask session object');
      expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
        ...mode.headings,
        `Finished with ${mode.label}?`,
      ]);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`/${lessonPath}${mode.path}$`),
      );
    });

    test('the learning-style switcher marks this mode as the current page', async ({ page }) => {
      await page.goto(lessonPath + mode.path);
      const switcher = page.getByRole('navigation', { name: 'Learning style' });
      const links = switcher.getByRole('link');
      await expect(links).toHaveCount(modes.length);
      for (const [index, m] of modes.entries()) {
        await expect(links.nth(index)).toHaveAccessibleName(m.label);
      }
      await expect(switcher.locator('[aria-current="page"]')).toHaveCount(1);
      await expect(switcher.getByRole('link', { name: mode.label })).toHaveAttribute(
        'aria-current',
        'page',
      );
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`has no axe violations in the ${colorScheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(lessonPath + mode.path);
        await openEverything(page);
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    for (const width of [390, 320]) {
      test(`fits a ${width} px wide screen without sideways scrolling of the page`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(lessonPath + mode.path);
        await openEverything(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  });
}

test.describe('moving between modes', () => {
  test('"Next" links chain through every mode in the recommended order', async ({ page }) => {
    await page.goto(lessonPath + modes[0]!.path);
    for (const mode of modes.slice(1)) {
      await page.getByRole('link', { name: `Next: ${mode.label}` }).click();
      await expect(page).toHaveURL(new RegExp(`/${lessonPath}${mode.path}$`));
    }
    await expect(page.getByRole('link', { name: /^Next:/ })).toHaveCount(0);
    await expect(page.getByText('This is the last learning style of the lesson.')).toBeVisible();
  });

  test('at 320 px every switcher entry is on screen and the keyboard visits them in order', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${lessonPath}step-through/`);
    const links = page.getByRole('navigation', { name: 'Learning style' }).getByRole('link');
    await expect(links).toHaveCount(modes.length);
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    await links.first().focus();
    for (const mode of modes.slice(1)) {
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus')).toContainText(mode.label);
    }
  });

  test('marking a mode done shows in the switcher, survives a reload and reaches the catalogue', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}learn/`);
    const toggle = page.getByRole('button', { name: 'Mark Learn as done' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(
      page.getByRole('status').filter({ hasText: 'Learn is marked done.' }),
    ).toBeVisible();
    const switcher = page.getByRole('navigation', { name: 'Learning style' });
    await expect(switcher.getByRole('link', { name: 'Learn (done)' })).toBeVisible();

    await page.goto(`${lessonPath}review/`);
    await expect(switcher.getByRole('link', { name: 'Learn (done)' })).toBeVisible();
    await expect(switcher.getByRole('link', { name: 'Review', exact: true })).toBeVisible();

    await page.goto('./');
    const marks = page.getByRole('list', { name: 'Learning styles done' });
    await expect(marks.getByRole('listitem').filter({ hasText: 'Learn' })).toHaveText(
      'Learn(done)',
    );
    await expect(marks.getByRole('listitem').filter({ hasText: 'Review' })).toHaveText(
      'Review(not done)',
    );

    await page.goto(`${lessonPath}learn/`);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(switcher.getByRole('link', { name: 'Learn', exact: true })).toBeVisible();
  });

  test('a new learner’s catalogue card shows no mode marks', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('list', { name: 'Learning styles done' })).toBeHidden();
  });
});

test.describe('old addresses', () => {
  test('the Read mode’s address leads to Learn', async ({ page }) => {
    await page.goto(`${lessonPath}read/`);
    await expect(page).toHaveURL(new RegExp(`/${lessonPath}learn/$`));
    await expect(page).toHaveTitle('Flask session object: Learn · Lessons');
  });

  test('the Quiz mode’s address leads to Challenge, and without refresh offers a link', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}quiz/`);
    await expect(page).toHaveURL(new RegExp(`/${lessonPath}challenge/$`));
    const html = await (await page.request.get(`${lessonPath}quiz/`)).text();
    expect(html).toMatch(
      /<meta http-equiv="refresh" content="0; url=\/[^"]*lessons\/flask-session\/challenge\/"/,
    );
    expect(html).toMatch(/<a href="\/[^"]*lessons\/flask-session\/challenge\/">/);
  });
});

test.describe('Challenge mode', () => {
  const problem = (page: Page, n: number) =>
    page.getByRole('group', { name: new RegExp(`^Question ${n}:`) });

  async function answer(page: Page, n: number, choice: string) {
    await problem(page, n).getByRole('radio', { name: choice, exact: true }).check();
    await problem(page, n).getByRole('button', { name: 'Check' }).click();
  }

  test('two attempts with a hint after a miss; the score and the badge survive a reload', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}challenge/`);
    const attempts = (n: number) =>
      page
        .locator('.challenge-problem')
        .nth(n - 1)
        .locator('.attempts');
    await expect(attempts(1)).toHaveText('2 of 2 attempts left');

    await answer(page, 1, 'A Count: 3');
    await expect(problem(page, 1).getByRole('status')).toContainText('Not quite');
    await expect(problem(page, 1).getByRole('status')).toContainText(
      'Which key checks the cookie the browser sends on the third visit?',
    );
    await expect(attempts(1)).toHaveText('1 of 2 attempts left');
    await answer(page, 1, 'B Count: 1');
    await expect(problem(page, 1).getByRole('status')).toContainText('Correct');
    await expect(attempts(1)).toHaveText('Solved on attempt 2 of 2');

    await answer(page, 2, 'A Count: 1');
    await answer(page, 2, 'B Count: 2');
    await expect(attempts(2)).toHaveText('Both attempts used');
    await expect(problem(page, 2)).toContainText('Count: 3');

    await answer(page, 3, "B Cart: ['apple', 'banana']");
    await answer(page, 4, 'A Read the data inside it');
    const score = page.locator('.challenge-score');
    await expect(score).toHaveText('Score: 3 of 5 right (4 of 5 finished).');
    await expect(
      page.getByText('Get 4 of 5 right to earn the “Session keeper” badge.'),
    ).toBeVisible();
    await answer(page, 5, 'B A view that only reads the session with session.get');
    await expect(score).toHaveText('Score: 4 of 5 right (5 of 5 finished).');
    await expect(page.locator('.badge-earned')).toHaveText('★Badge earned: Session keeper');

    await page.reload();
    await expect(score).toHaveText('Score: 4 of 5 right (5 of 5 finished).');
    await expect(page.locator('.badge-earned')).toContainText('Session keeper');
    await expect(attempts(1)).toHaveText('Solved on attempt 2 of 2');
    await expect(attempts(2)).toHaveText('Both attempts used');

    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(score).toHaveText('Score: none yet. Each of the 5 problems allows 2 attempts.');
    await page.reload();
    await expect(score).toHaveText('Score: none yet. Each of the 5 problems allows 2 attempts.');
  });

  test('a problem’s answer can only be shown once the problem is finished', async ({ page }) => {
    await page.goto(`${lessonPath}challenge/`);
    const show = problem(page, 1).getByRole('button', { name: 'Show the answer' });
    await expect(problem(page, 1).getByRole('button', { name: 'Check' })).toBeEnabled();
    await expect(show).toHaveCount(0);
    await answer(page, 1, 'A Count: 3');
    await expect(show).toHaveCount(0);
    await answer(page, 1, 'C Count: 2');
    await expect(page.locator('.challenge-problem').first().locator('.attempts')).toHaveText(
      'Both attempts used',
    );
    await expect(problem(page, 1).getByRole('button', { name: 'Hide the answer' })).toBeVisible();
  });

  test('untimed by default; the optional timer can be extended and turned off', async ({
    page,
  }) => {
    await page.clock.install();
    await page.goto(`${lessonPath}challenge/`);
    await expect(page.locator('.timer-clock')).toHaveCount(0);
    const start = page.getByRole('button', { name: 'Start a 5-minute timer' });
    await start.scrollIntoViewIfNeeded();
    await expect(start).toBeEnabled();
    await start.click();
    await expect(page.locator('.timer-clock')).toHaveText('5:00 left');
    await page.clock.runFor(60_000);
    await expect(page.locator('.timer-clock')).toHaveText('4:00 left');
    await page.getByRole('button', { name: 'Add 5 minutes' }).click();
    await expect(page.locator('.timer-clock')).toHaveText('9:00 left');
    await expect(page.locator('.timer-status')).toHaveText('Five minutes added.');
    await page.clock.runFor(9 * 60_000);
    await expect(page.locator('.timer-clock')).toHaveText('Time is up');
    await expect(page.locator('.timer-status')).toHaveText(
      'Time is up. Keep going if you like: nothing is locked.',
    );
    await answer(page, 4, 'A Read the data inside it');
    await expect(problem(page, 4).getByRole('status')).toContainText('Correct');
    await page.getByRole('button', { name: 'Turn the timer off' }).click();
    await expect(page.locator('.timer-clock')).toHaveCount(0);
    await expect(page.locator('.timer-status')).toHaveText('Timer off. The challenge is untimed.');
  });
});

test.describe('Review mode', () => {
  test('cards marked "Not yet" come first on the next visit, and ratings are kept', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}review/`);
    const cards = page.locator('[data-review-cards] > li');
    const questions = () => cards.locator('.card-question').allTextContents();
    const lessonOrder = await questions();
    expect(lessonOrder).toHaveLength(3);
    await expect(page.locator('[data-review-order]')).toBeEmpty();

    await cards.nth(0).locator('summary').click();
    await cards.nth(0).getByRole('button', { name: 'I knew it' }).click();
    await expect(cards.nth(0).getByRole('status')).toHaveText(
      'Saved: you knew it. It moves to the end next time.',
    );
    await cards.nth(2).locator('summary').click();
    await cards.nth(2).getByRole('button', { name: 'Not yet' }).click();
    await expect(cards.nth(2).getByRole('button', { name: 'Not yet' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Nothing moves while rating.
    expect(await questions()).toEqual(lessonOrder);

    await page.reload();
    expect(await questions()).toEqual([lessonOrder[2], lessonOrder[1], lessonOrder[0]]);
    await expect(page.locator('[data-review-order]')).toHaveText(
      'The card you marked “Not yet” last time comes first.',
    );
    await expect(cards.locator('[data-card-number]')).toHaveText(['1', '2', '3']);
    await cards.nth(0).locator('summary').click();
    await expect(cards.nth(0).getByRole('button', { name: 'Not yet' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('an "explain in your own words" prompt takes text and offers a model answer', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}review/`);
    const box = page.getByRole('textbox', { name: /What does `?secret_key`? protect/ });
    await box.fill('It signs the cookie.');
    const prompt = page.locator('#recall-why-key');
    await expect(prompt.getByText('anyone holding the cookie can read it')).toBeHidden();
    await prompt.getByText('Compare with a model answer').click();
    await expect(prompt.getByText('anyone holding the cookie can read it')).toBeVisible();
    await expect(box).toHaveValue('It signs the cookie.');
  });

  test('a card turns over with the keyboard to show its answer and evidence', async ({ page }) => {
    await page.goto(`${lessonPath}review/`);
    const card = page.locator('#moment-no-secret-key');
    const answer = card.getByText('HTTP 500 Internal Server Error');
    await expect(answer).toBeHidden();
    await card.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(answer).toBeVisible();
    await expect(card.getByRole('complementary', { name: 'Common misconception' })).toBeVisible();
    await expect(card.getByRole('link')).toHaveAttribute(
      'href',
      new RegExp(`/${lessonPath}#flow-view$`),
    );
    await page.keyboard.press('Enter');
    await expect(answer).toBeHidden();
  });
});

test.describe('figures computed by the engine, as real Flask gives them', () => {
  test.use({ javaScriptEnabled: false });

  test('Why: two browsers share the module-level count but each has its own session count', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}why/`);
    const rows = page.getByRole('table', { name: 'What each visitor sees' }).locator('tbody tr');
    await expect(rows).toHaveText([
      '1ACount: 1Count: 1',
      '2ACount: 2Count: 2',
      '3BCount: 3Count: 1',
      '4ACount: 4Count: 3',
      '5BCount: 5Count: 2',
    ]);
    await expect(page.locator('section[aria-labelledby="signed-cookie"]')).toContainText(
      'loading fails with BadTimeSignature',
    );
  });

  test('Deep Dive: the cookie, its parts and the key rotation', async ({ page }) => {
    await page.goto(`${lessonPath}deep-dive/`);
    await expect(page.locator('.anatomy .cookie-parts')).toHaveText(
      'eyJjb3VudCI6MX0.ZVPxAA.Z0cRdTLBUUWrJgazXLu63bG0_fk',
    );
    await expect(page.locator('.anatomy')).toContainText(
      '76 bf 4b 28 6c 86 0f 1c 74 7b 43 f5 16 ab 8a 80 af c8 34 84',
    );
    await expect(page.locator('section[aria-labelledby="compression"] tbody tr')).toHaveCount(3);
    await expect(page.locator('section[aria-labelledby="tagged-json"]')).toContainText(
      '{"pair":{" t":[1,2]},"raw":{" b":"aGk="}}',
    );
  });

  test('Performance: the size table reaches Werkzeug’s warning, the cart loses its update', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}performance/`);
    const sizes = page.getByRole('table', { name: 'Cookie size by list length' });
    await expect(sizes.locator('tbody tr').last()).toContainText('4,446');
    await expect(sizes.locator('tbody tr').last()).toContainText('warns');
    await expect(page.locator('section[aria-labelledby="nested-change"]')).toContainText(
      "The browser’s cookie ends up holding ['apple'].",
    );
  });
});

test.describe('modes without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('review cards still turn over; the done toggle, which needs JavaScript, is hidden', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}review/`);
    await page.locator('#moment-first-visit summary').click();
    await expect(page.locator('#moment-first-visit')).toContainText('returns the default, 0');
    await expect(page.getByRole('button', { name: /^Mark .* as done$/ })).toBeHidden();
    await expect(page.getByRole('link', { name: /^Next:/ })).toHaveCount(0);
  });

  test('Learn is complete: API examples with their outputs, the snapshot and the transcript', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}learn/`);
    const get = page.locator('section[aria-labelledby="api-get"]');
    await expect(get).toContainText("return repr(session.get('count', 0))");
    await expect(get.locator('dd').nth(1)).toHaveText('0');
    const clear = page.locator('section[aria-labelledby="api-clear"]');
    await expect(clear).toContainText('session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0');
    await expect(page.locator('.snapshot li')).toHaveCount(7);
    await expect(page.locator('.transcript')).toContainText('Signed does not mean secret.');
  });
});
