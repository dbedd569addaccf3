import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

const lessonPath = 'lessons/flask-session/';

/** Every learning style: its page, its title and the section headings it shows. */
const modes = [
  {
    label: 'Visualize',
    path: '',
    title: 'Flask session object · Lessons',
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
    title: 'Flask session object: Step-through · Lessons',
    headings: ['Step through the requests', 'Concept flow', 'Execution table', 'Variable tracker'],
  },
  {
    label: 'Read',
    path: 'read/',
    title: 'Flask session object: Read · Lessons',
    headings: ['Concept snapshot', 'Full transcript'],
  },
  {
    label: 'Quiz',
    path: 'quiz/',
    title: 'Flask session object: Quiz · Lessons',
    headings: ['Visual quiz'],
  },
  {
    label: 'Review',
    path: 'review/',
    title: 'Flask session object: Review · Lessons',
    headings: ['Key moments', 'Concept snapshot'],
  },
  {
    label: 'Playground',
    path: 'playground/',
    title: 'Flask session object: Playground · Lessons',
    headings: ['Session playground'],
  },
];

/** Puts the page in the state where most of it is showing: islands hydrated, disclosures open. */
async function openEverything(page: Page) {
  const next = page.getByRole('button', { name: 'Next', exact: true });
  if ((await next.count()) > 0) await expect(next).toBeEnabled();
  const quiz = page.locator('.question input').first();
  if ((await quiz.count()) > 0) {
    await quiz.scrollIntoViewIfNeeded();
    await expect(quiz).toBeEnabled();
    await page.getByRole('button', { name: 'Show answers' }).click();
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
      await expect(page).toHaveTitle(mode.title);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flask session object');
      expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
        mode.headings,
      );
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`/${lessonPath}${mode.path}$`),
      );
    });

    test('the learning-style switcher marks this mode as the current page', async ({ page }) => {
      await page.goto(lessonPath + mode.path);
      const switcher = page.getByRole('navigation', { name: 'Learning style' });
      await expect(switcher.getByRole('link')).toHaveText(modes.map((m) => m.label));
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
  test('the switcher goes from the full lesson to each mode and back', async ({ page }) => {
    await page.goto(lessonPath);
    const switcher = page.getByRole('navigation', { name: 'Learning style' });
    for (const mode of modes.slice(1)) {
      await switcher.getByRole('link', { name: mode.label }).click();
      await expect(page).toHaveURL(new RegExp(`/${lessonPath}${mode.path}$`));
    }
    await switcher.getByRole('link', { name: 'Visualize' }).click();
    await expect(page).toHaveURL(new RegExp(`/${lessonPath}$`));
  });

  test('quiz answers given in the Quiz mode show in the full lesson and on the catalogue', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}quiz/`);
    const first = page.getByRole('group', { name: /^Question 1:/ });
    await first.getByRole('radio', { name: 'C 3', exact: true }).check();
    await first.getByRole('button', { name: 'Check' }).click();
    await expect(first.getByRole('status')).toContainText('Correct.');

    await page.goto(`${lessonPath}#visual-quiz`);
    await expect(
      page.getByRole('group', { name: /^Question 1:/ }).getByRole('status'),
    ).toContainText('Correct.');
    await page.goto('./');
    await expect(page.locator('.quiz-progress')).toContainText('Quiz: 1 of 3 right');
  });

  test('in the Quiz mode a hint links to its evidence on the full lesson page', async ({
    page,
  }) => {
    await page.goto(`${lessonPath}quiz/`);
    const first = page.getByRole('group', { name: /^Question 1:/ });
    await first.getByRole('button', { name: 'Hint' }).click();
    await first
      .getByRole('link', { name: /Session after column, on the full lesson page$/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/${lessonPath}#row-visit-3-after$`));
    await expect(page.locator('#row-visit-3-after')).toBeInViewport();
  });
});

test.describe('Review mode', () => {
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

test.describe('modes without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('review cards still turn over and the quiz answers can be revealed', async ({ page }) => {
    await page.goto(`${lessonPath}review/`);
    await page.locator('#moment-first-visit summary').click();
    await expect(page.locator('#moment-first-visit')).toContainText('returns the default, 0');
    await page.goto(`${lessonPath}quiz/`);
    const third = page.getByRole('group', { name: /^Question 3:/ });
    await third.getByText('Show the answer').click();
    await expect(third).toContainText('D: Reading works, but the first write fails');
  });

  test('the read mode is complete', async ({ page }) => {
    await page.goto(`${lessonPath}read/`);
    await expect(page.locator('.snapshot li')).toHaveCount(7);
    await expect(page.locator('.transcript')).toContainText('Signed does not mean secret.');
  });
});
