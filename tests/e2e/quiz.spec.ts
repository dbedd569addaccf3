import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

const lessonPath = 'lessons/flask-session/';
const progressKey = 'lessons.progress.v1';

/** The right and one wrong choice of each question of the Flask lesson, by accessible name. */
const questions = [
  { right: 'B 3', wrong: 'A 2' },
  { right: 'A Step 1', wrong: 'C Step 3' },
  {
    right: 'A Reads return defaults, but the write raises an error (HTTP 500)',
    wrong: 'C The session silently stays empty and the count never persists',
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
  test('three right answers are each called correct and score 3 of 3', async ({ page }) => {
    await openQuiz(page);
    for (const [index, { right }] of questions.entries()) {
      await answer(page, index + 1, right);
      const feedback = question(page, index + 1).getByRole('status');
      await expect(feedback).toContainText('Correct.');
      await expect(feedback).not.toContainText('The right answer is');
    }
    await expect(question(page, 1).getByRole('status')).toContainText(
      'You chose B: 3. The third visit reads 2, adds 1 and stores 3.',
    );
    await expect(score(page)).toHaveText('Score: 3 of 3 right');
  });

  test('a wrong answer says so and explains both the chosen and the right choice', async ({
    page,
  }) => {
    await openQuiz(page);
    for (const [index, { wrong }] of questions.entries()) {
      await answer(page, index + 1, wrong);
      await expect(question(page, index + 1).getByRole('status')).toContainText('Not quite.');
    }
    const first = question(page, 1).getByRole('status');
    await expect(first).toContainText('You chose A: 2. 2 is what the third visit finds');
    await expect(first).toContainText(
      'The right answer is B: 3. The third visit reads 2, adds 1 and stores 3.',
    );
    await expect(question(page, 3).getByRole('status')).toContainText(
      'only reading is silent. The write in the counter raises RuntimeError',
    );
    await expect(score(page)).toHaveText('Score: 0 of 3 right');
  });

  test('feedback goes into a status region that was there before, and focus stays put', async ({
    page,
  }) => {
    await openQuiz(page);
    const first = question(page, 1);
    const status = first.getByRole('status');
    await expect(status).toHaveCount(1);
    await expect(status).toBeEmpty();
    await first.getByRole('radio', { name: 'B 3', exact: true }).check();
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

  test('a hint opens, and its link scrolls to the cited cell, focuses and highlights it', async ({
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
    await expect(cell).toBeFocused();
    await expect(cell).toHaveClass(/is-revealed/);
    await expect(cell).toHaveText("{'count': 3}");
    await expect(cell).not.toHaveClass(/is-revealed/, { timeout: 6000 });
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
    await expect(question(page, 1).getByRole('radio', { name: 'B 3', exact: true })).toBeChecked();
    await expect(question(page, 1).getByRole('status')).toContainText('Correct.');
    await expect(question(page, 2).getByRole('status')).toContainText('Not quite.');
    await expect(score(page)).toHaveText('Score: 1 of 3 right (2 of 3 checked)');

    await page.goto('./');
    const card = page.locator('.lesson-card').filter({ hasText: 'Flask session object' });
    await expect(card.locator('.quiz-progress')).toBeVisible();
    await expect(card.locator('.quiz-progress')).toContainText('Quiz 1/3');
    await expect(card.locator('.quiz-progress .sr-only')).toHaveText('Quiz: 1 of 3 right');
  });

  test('retry clears the answers, the score and the catalogue progress', async ({ page }) => {
    await openQuiz(page);
    await answer(page, 1, questions[0]!.right);
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(
      question(page, 1).getByRole('radio', { name: 'B 3', exact: true }),
    ).not.toBeChecked();
    await expect(question(page, 1).getByRole('status')).toBeEmpty();
    await expect(score(page)).toHaveText('Check an answer to start your score.');
    await expect(page.locator('.quiz-status')).toHaveText(
      'Your answers are cleared. The quiz starts again.',
    );
    await page.goto('./');
    await expect(page.locator('.quiz-progress')).toBeHidden();
  });

  test('"Show answers" opens every answer and closes them again', async ({ page }) => {
    await openQuiz(page);
    const show = page.getByRole('button', { name: 'Show answers' });
    await show.click();
    await expect(show).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.question details[open]')).toHaveCount(3);
    await expect(question(page, 2)).toContainText(
      "The very first request creates the count, so {'count': 1} is in the session after step 1.",
    );
    await show.click();
    await expect(page.locator('.question details[open]')).toHaveCount(0);
  });

  test('the quiz can be completed with the keyboard alone', async ({ page }) => {
    await openQuiz(page);
    await question(page, 1).getByRole('radio').first().focus();

    // Question 1: the right answer is the second choice.
    await page.keyboard.press('ArrowDown');
    await expect(question(page, 1).getByRole('radio', { name: 'B 3', exact: true })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(question(page, 1).getByRole('button', { name: 'Check' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(question(page, 1).getByRole('status')).toContainText('Correct.');

    // Past the hint and "Show the answer" to question 2, whose answer is the first choice.
    await page.keyboard.press('Tab');
    await expect(question(page, 1).getByRole('button', { name: 'Hint' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(question(page, 2).getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(question(page, 2).getByRole('status')).toContainText('Correct.');

    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(question(page, 3).getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Space');
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
      await question(page, 3).getByRole('button', { name: 'Hint' }).click();
      await page.getByRole('button', { name: 'Show answers' }).click();
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
