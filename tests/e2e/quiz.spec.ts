import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

const lessonPath = 'lessons/flask-session/';
const progressKey = 'lessons.progress.v1';

/** The right and two wrong choices of each question of the Flask lesson, by accessible name. */
const questions = [
  { right: 'C 3', wrong: 'B 2', wrong2: 'D 4' },
  { right: 'B After step 1', wrong: 'C After step 2', wrong2: 'D After step 3' },
  {
    right: 'D Reading works, but the first write fails with HTTP 500',
    wrong: 'A The session silently stays empty and the count never grows',
    wrong2: 'B The count goes up, but the cookie is sent without a signature',
  },
];

const question = (page: Page, number: number) =>
  page.getByRole('group', { name: new RegExp(`^Question ${number}:`) });

async function answer(page: Page, number: number, choice: string) {
  const group = question(page, number);
  await group.getByRole('radio', { name: choice, exact: true }).check();
  await group.getByRole('button', { name: 'Check' }).click();
}

const score = (page: Page) => page.locator('.quiz-score');

/**
 * Opens the lesson at its quiz and waits for the island: it hydrates once scrolled into view, and
 * until then its radios are disabled.
 */
async function openQuiz(page: Page) {
  await page.goto(`${lessonPath}#visual-quiz`);
  await expect(question(page, 1).getByRole('radio').first()).toBeEnabled();
}

test.describe('graded quiz', () => {
  test('keeps its height when it hydrates, so nothing below it moves', async ({ page }) => {
    // Hold the island's code back to measure the quiz as the page first paints it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/Quiz\.[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${lessonPath}#visual-quiz`);
    const quiz = page.locator('.quiz');
    const before = await quiz.boundingBox();
    release();
    await expect(question(page, 1).getByRole('radio').first()).toBeEnabled();
    const after = await quiz.boundingBox();
    expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(1);
  });

  test('three right answers are each called correct and score 3 of 3', async ({ page }) => {
    await openQuiz(page);
    for (const [index, { right }] of questions.entries()) {
      await answer(page, index + 1, right);
      const feedback = question(page, index + 1).getByRole('status');
      await expect(feedback).toContainText('Correct.');
      await expect(feedback).not.toContainText('The right answer is');
    }
    await expect(question(page, 1).getByRole('status')).toContainText(
      'You chose C: 3. The third visit reads 2, adds 1 and stores 3.',
    );
    await expect(score(page)).toHaveText('Score: 3 of 3 right');
  });

  test('a first wrong answer gives the hint, not the answer, and the choice stays open', async ({
    page,
  }) => {
    await openQuiz(page);
    await answer(page, 1, questions[0]!.wrong);
    const first = question(page, 1);
    const status = first.getByRole('status');
    await expect(status).toContainText('Not quite. Pick another answer and check again.');
    await expect(status).toContainText(
      'Hint: Check the Session after column in the row for the third visit.',
    );
    await expect(status).not.toContainText('The right answer is');
    await expect(status).not.toContainText('You chose');
    // The hint is said once, in the feedback, not again behind a Hint button.
    await expect(first.getByText('Check the Session after column')).toHaveCount(1);
    await expect(first.getByRole('button', { name: 'Hint' })).toHaveCount(0);
    await expect(
      first.getByRole('radio', { name: questions[0]!.right, exact: true }),
    ).toBeEnabled();
    await expect(first.getByRole('button', { name: 'Show the answer' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(score(page)).toHaveText('Score: 0 of 3 right (1 of 3 checked)');
  });

  test('a second wrong answer explains the chosen and the right choice', async ({ page }) => {
    await openQuiz(page);
    await answer(page, 1, questions[0]!.wrong);
    await answer(page, 1, questions[0]!.wrong2);
    const status = question(page, 1).getByRole('status');
    await expect(status).toContainText('Not quite.');
    await expect(status).toContainText('You chose D: 4. 4 is stored by the fourth visit');
    await expect(status).toContainText(
      'The right answer is C: 3. The third visit reads 2, adds 1 and stores 3.',
    );
    await expect(status).not.toContainText('Hint:');
    await expect(
      question(page, 1).getByRole('button', { name: 'Hide the answer' }),
    ).toHaveAttribute('aria-expanded', 'true');
    await answer(page, 3, questions[2]!.wrong);
    await answer(page, 3, questions[2]!.wrong2);
    await expect(question(page, 3).getByRole('status')).toContainText(
      'The right answer is D: Reading works, but the first write fails with HTTP 500.',
    );
  });

  test('"Show the answer" gives the answer before any check, and hides it again', async ({
    page,
  }) => {
    await openQuiz(page);
    const second = question(page, 2);
    await second.getByRole('button', { name: 'Show the answer' }).click();
    const status = second.getByRole('status');
    await expect(status).toContainText('The right answer is B: After step 1.');
    await expect(status).toContainText("{'count': 1} is in the session after step 1.");
    await second.getByRole('button', { name: 'Hide the answer' }).click();
    await expect(status).not.toContainText('The right answer is');
    await expect(second.getByRole('button', { name: 'Show the answer' })).toBeFocused();
  });

  test('picking another choice clears the feedback on the old one', async ({ page }) => {
    await openQuiz(page);
    await answer(page, 1, questions[0]!.wrong);
    const first = question(page, 1);
    await expect(first.getByRole('status')).toContainText('Not quite.');
    await first.getByRole('radio', { name: questions[0]!.right, exact: true }).check();
    await expect(first.getByRole('status')).toBeEmpty();
    await first.getByRole('button', { name: 'Check' }).click();
    await expect(first.getByRole('status')).toContainText('Correct.');
  });

  test('feedback goes into a status region that was there before, and focus stays put', async ({
    page,
  }) => {
    await openQuiz(page);
    const first = question(page, 1);
    const status = first.getByRole('status');
    await expect(status).toHaveCount(1);
    await expect(status).toBeEmpty();
    await first.getByRole('radio', { name: questions[0]!.right, exact: true }).check();
    await expect(status).toBeEmpty();
    const check = first.getByRole('button', { name: 'Check' });
    await check.click();
    await expect(status).toContainText('Correct.');
    await expect(check).toBeFocused();
  });

  test('checking without choosing asks for a choice and grades nothing', async ({ page }) => {
    await openQuiz(page);
    const first = question(page, 1);
    await first.getByRole('button', { name: 'Check' }).click();
    await expect(first.getByRole('status')).toHaveText('Choose an answer first, then check it.');
    await expect(score(page)).toHaveText('Check an answer to start your score.');
  });

  test('a hint link shows the cited cell below its column headers, and leads back', async ({
    page,
  }) => {
    await openQuiz(page);
    const first = question(page, 1);
    const hint = first.getByRole('button', { name: 'Hint' });
    await expect(hint).toHaveAttribute('aria-expanded', 'false');
    await hint.click();
    await expect(hint).toHaveAttribute('aria-expanded', 'true');
    await expect(first).toContainText('Check the Session after column in the row for the third');
    await first
      .getByRole('link', {
        name: 'Go to execution table, step 3 (Third visit), Session after column',
      })
      .click();
    const cell = page.locator('#row-visit-3-after');
    await expect(cell).toBeInViewport();
    await expect(page.locator('.execution-table thead')).toBeInViewport();
    await expect(cell).toBeFocused();
    await expect(cell).toHaveClass(/is-revealed/);
    await expect(cell).toHaveText("{'count': 3}");
    await expect(cell).not.toHaveClass(/is-revealed/, { timeout: 8000 });

    const back = page.getByRole('link', { name: 'Back to question 1' });
    await back.click();
    await expect(first).toBeInViewport();
    await expect(first).toBeFocused();
    await expect(back).toBeHidden();
  });

  test('checked answers and the score survive a reload and show on the catalogue', async ({
    page,
  }) => {
    await openQuiz(page);
    await answer(page, 1, questions[0]!.right);
    await answer(page, 2, questions[1]!.wrong);
    await expect(score(page)).toHaveText('Score: 1 of 3 right (2 of 3 checked)');

    await page.reload();
    await expect(question(page, 1).getByRole('radio').first()).toBeEnabled();
    await expect(
      question(page, 1).getByRole('radio', { name: questions[0]!.right, exact: true }),
    ).toBeChecked();
    await expect(question(page, 1).getByRole('status')).toContainText('Correct.');
    await expect(question(page, 2).getByRole('status')).toContainText('Not quite.');
    await expect(score(page)).toHaveText('Score: 1 of 3 right (2 of 3 checked)');

    await page.goto('./');
    const card = page.locator('.lesson-card').filter({ hasText: 'Flask session object' });
    await expect(card.locator('.quiz-progress')).toBeVisible();
    const bar = card.getByRole('progressbar', { name: 'Quiz: 1 of 3 right' });
    await expect(bar).toHaveAttribute('value', '1');
    await expect(bar).toHaveAttribute('max', '3');
    await expect(card.getByRole('link', { name: 'Continue Flask session object' })).toBeVisible();
  });

  test('retry clears the answers, the score and the catalogue progress', async ({ page }) => {
    await openQuiz(page);
    await answer(page, 1, questions[0]!.right);
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(question(page, 1).getByRole('radio').first()).toBeFocused();
    await expect(
      question(page, 1).getByRole('radio', { name: questions[0]!.right, exact: true }),
    ).not.toBeChecked();
    await expect(question(page, 1).getByRole('status')).toBeEmpty();
    await expect(score(page)).toHaveText('Check an answer to start your score.');
    await expect(page.locator('.quiz-status')).toHaveText(
      'Your answers are cleared. The quiz starts again.',
    );
    await page.goto('./');
    await expect(page.locator('.quiz-progress')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Start Flask session object' })).toBeVisible();
  });

  test('"Show answers" opens every answer and becomes "Hide answers"', async ({ page }) => {
    await openQuiz(page);
    const show = page.getByRole('button', { name: 'Show answers' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await show.click();
    const hide = page.getByRole('button', { name: 'Hide answers' });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.quiz-status')).toHaveText(
      'The answer is open under each question.',
    );
    for (const number of [1, 2, 3]) {
      await expect(question(page, number).getByRole('status')).toContainText('The right answer is');
    }
    await expect(question(page, 2)).toContainText(
      "The very first request creates the count, so {'count': 1} is in the session after step 1.",
    );
    await hide.click();
    await expect(page.getByRole('button', { name: 'Show answers' })).toBeFocused();
    await expect(page.locator('.quiz .answer:visible')).toHaveCount(0);
  });

  test('the quiz can be completed with the keyboard alone', async ({ page }) => {
    await openQuiz(page);
    await question(page, 1).getByRole('radio').first().focus();

    // Question 1: the right answer is the third choice.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(
      question(page, 1).getByRole('radio', { name: questions[0]!.right, exact: true }),
    ).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(question(page, 1).getByRole('button', { name: 'Check' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(question(page, 1).getByRole('status')).toContainText('Correct.');

    // Past "Show the answer" and the hint to question 2, whose answer is the second choice.
    await page.keyboard.press('Tab');
    await expect(question(page, 1).getByRole('button', { name: 'Show the answer' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(question(page, 1).getByRole('button', { name: 'Hint' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(question(page, 2).getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(question(page, 2).getByRole('status')).toContainText('Correct.');

    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(question(page, 3).getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(question(page, 3).getByRole('status')).toContainText('Correct.');
    await expect(score(page)).toHaveText('Score: 3 of 3 right');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`with feedback, hints and answers open there are no axe violations (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await openQuiz(page);
      await answer(page, 1, questions[0]!.right);
      await answer(page, 2, questions[1]!.wrong);
      await answer(page, 3, questions[2]!.wrong);
      await answer(page, 3, questions[2]!.wrong2);
      await question(page, 3).getByRole('button', { name: 'Hint' }).click();
      await question(page, 2).getByRole('button', { name: 'Show the answer' }).click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('saved progress that cannot be used', () => {
  test('corrupt progress is ignored by the lesson and the catalogue, then replaced', async ({
    page,
  }) => {
    await page.addInitScript(
      ([key]) => localStorage.setItem(key!, '{"version":1,"lessons":{"flask-session":'),
      [progressKey],
    );
    await page.goto('./');
    await expect(page.locator('.quiz-progress')).toBeHidden();
    await openQuiz(page);
    await expect(score(page)).toHaveText('Check an answer to start your score.');
    await answer(page, 1, questions[0]!.right);
    await expect(question(page, 1).getByRole('status')).toContainText('Correct.');
    const stored = await page.evaluate((key) => localStorage.getItem(key), progressKey);
    expect(JSON.parse(stored!)).toEqual({
      version: 1,
      lessons: { 'flask-session': { answers: { 'after-third-visit': 'b' } } },
    });
  });

  test('progress of the wrong shape shows nothing wrong on the catalogue', async ({ page }) => {
    await page.addInitScript(
      ([key]) =>
        localStorage.setItem(
          key!,
          JSON.stringify({ version: 1, lessons: { 'flask-session': { answers: [1, 2, 3] } } }),
        ),
      [progressKey],
    );
    await page.goto('./');
    await expect(page.locator('.lesson-card')).toContainText('10 min');
    await expect(page.locator('.quiz-progress')).toBeHidden();
  });

  test('blocked storage: the quiz still grades and says answers are not saved', async ({
    page,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
    );
    await openQuiz(page);
    await answer(page, 1, questions[0]!.right);
    await expect(question(page, 1).getByRole('status')).toContainText('Correct.');
    await expect(page.locator('.quiz-note')).toContainText('does not let the page save');
    await page.goto('./');
    await expect(page.locator('.lesson-card')).toBeVisible();
    await expect(page.locator('.quiz-progress')).toBeHidden();
  });
});
