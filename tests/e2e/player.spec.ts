import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const playerPath = 'lessons/flask-session/step-through/';

/** Opens the step-through page (optionally at `#step-N`) and waits for the player to hydrate. */
async function openPlayer(page: Page, hash = '') {
  await page.goto(playerPath + hash);
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
}

/**
 * Autoplay's delay between steps, plus time for the player to re-render and start its timer
 * (Preact runs effects after a frame, which the installed clock also controls).
 */
const oneStep = 5_000 + 500;

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const narration = (page: Page) => page.locator('.player-panel').getByRole('status');
const slider = (page: Page) => page.getByRole('slider', { name: 'Step' });

/** Asserts that step `number` (from 1) is current everywhere the player shows it. */
async function expectStep(page: Page, number: number) {
  await expect(narration(page)).toContainText(`Step ${number} of 5:`);
  await expect(slider(page)).toHaveValue(String(number));
  await expect(page.locator('tr[aria-current="step"]')).toHaveCount(1);
  await expect(page.locator(`#row-visit-${number}`)).toHaveAttribute('aria-current', 'step');
  await expect(
    page.locator('.tracker td[aria-current="step"]'),
    'the tracker marks the value after this step',
  ).toHaveText(String(number));
}

test.describe('step-through player', () => {
  test('starts at step 1 with the first row and its flow stage marked', async ({ page }) => {
    await openPlayer(page);
    await expectStep(page, 1);
    await expect(narration(page)).toContainText('The browser has no cookie yet');
    await expect(page.locator('#flow-save')).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('.flow-stage[aria-current="step"]')).toHaveCount(1);
    await expect(button(page, 'Previous')).toBeDisabled();
    await expect(button(page, 'Restart')).toBeDisabled();
  });

  test('Next and Previous step forward and back, and the URL follows', async ({ page }) => {
    await openPlayer(page);
    await button(page, 'Next').click();
    await expectStep(page, 2);
    await expect(narration(page)).toContainText('Flask verifies it and restores count 1');
    await expect(page.locator('#flow-load')).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('#row-visit-1')).not.toHaveAttribute('aria-current', 'step');
    await expect(page).toHaveURL(/#step-2$/);
    await button(page, 'Next').click();
    await button(page, 'Previous').click();
    await expectStep(page, 2);
    await expect(page).toHaveURL(/#step-2$/);
    await button(page, 'Restart').click();
    await expectStep(page, 1);
  });

  test('at the last step Next and Play are disabled, and a focused Next keeps focus', async ({
    page,
  }) => {
    await openPlayer(page, '#step-4');
    const next = button(page, 'Next');
    await next.focus();
    await page.keyboard.press('Enter');
    await expectStep(page, 5);
    await expect(next).toBeDisabled();
    await expect(next).toBeFocused();
    await expect(button(page, 'Play')).toBeDisabled();
    await page.keyboard.press('Enter');
    await expectStep(page, 5);
  });

  test('the slider jumps to a step and says which one', async ({ page }) => {
    await openPlayer(page);
    await slider(page).fill('4');
    await expectStep(page, 4);
    await expect(slider(page)).toHaveAttribute(
      'aria-valuetext',
      "Step 4 of 5, Fourth visit: session['count'] = 4",
    );
    await expect(page).toHaveURL(/#step-4$/);
    await slider(page).focus();
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 3);
    await page.keyboard.press('End');
    await expectStep(page, 5);
  });

  test('a #step-N link opens the player at that step', async ({ page }) => {
    await openPlayer(page, '#step-3');
    await expectStep(page, 3);
    await expect(narration(page)).toContainText('The cookie now carries count 2');
    await expect(page.locator('#flow-view')).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('.player-flow-stage')).toHaveText(
      'Concept flow, stage 4: Access/Modify session object in view',
    );
  });

  test('a changed #step-N moves the player; fragments naming no step are ignored', async ({
    page,
  }) => {
    await openPlayer(page, '#step-99');
    await expectStep(page, 1);
    await page.evaluate(() => (location.hash = '#step-4'));
    await expectStep(page, 4);
    await page.evaluate(() => (location.hash = '#step-x'));
    await page.evaluate(() => (location.hash = '#step-0'));
    await expectStep(page, 4);
  });

  test('arrow, Home and End keys work while the player has focus, and only then', async ({
    page,
  }) => {
    await openPlayer(page);
    await button(page, 'Next').focus();
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 2);
    await page.keyboard.press('End');
    await expectStep(page, 5);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 4);
    await page.keyboard.press('Home');
    await expectStep(page, 1);

    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await expectStep(page, 1);
  });

  test('autoplay steps on its own, waits while the pointer is on the lesson, and pauses', async ({
    page,
  }) => {
    await page.clock.install();
    await openPlayer(page);
    await button(page, 'Play').click();
    await expect(button(page, 'Pause')).toBeFocused();
    await page.clock.runFor(oneStep);
    await expectStep(page, 2);

    await page.locator('#row-visit-1').hover();
    await page.clock.runFor(20_000);
    await expectStep(page, 2);

    await button(page, 'Pause').hover();
    await page.clock.runFor(oneStep);
    await expectStep(page, 3);

    await button(page, 'Pause').click();
    await expect(button(page, 'Play')).toBeFocused();
    await page.clock.runFor(20_000);
    await expectStep(page, 3);
  });

  test('autoplay waits while focus is in the lesson views', async ({ page }) => {
    await page.clock.install();
    await openPlayer(page);
    // Keyboard only: focusing scrolls the page, and content moving under a mouse left over the
    // player would hold autoplay by pointer instead.
    await button(page, 'Play').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /count grows by one/ }).focus();
    await page.clock.runFor(20_000);
    await expectStep(page, 1);
    await button(page, 'Pause').focus();
    await page.clock.runFor(oneStep);
    await expectStep(page, 2);
  });

  test('autoplay stops by itself at the last step', async ({ page }) => {
    await page.clock.install();
    await openPlayer(page, '#step-4');
    await button(page, 'Play').click();
    await page.clock.runFor(oneStep);
    await expectStep(page, 5);
    await expect(button(page, 'Play')).toBeDisabled();
    await expect(button(page, 'Play')).toBeFocused();
  });

  test('with reduced motion, autoplay waits longer between steps', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.install();
    await openPlayer(page);
    await button(page, 'Play').click();
    await page.clock.runFor(oneStep);
    await expectStep(page, 1);
    await page.clock.runFor(3_000);
    await expectStep(page, 2);
  });
});

test.describe('step-through without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('lists the narration of every step next to the table', async ({ page }) => {
    await page.goto(playerPath);
    const list = page.getByRole('region', { name: 'What happens at each step' });
    await expect(list.getByRole('listitem')).toHaveCount(5);
    await expect(list).toContainText('Third visit: The cookie now carries count 2');
    await expect(page.locator('table.execution-table tbody tr')).toHaveCount(5);
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  });
});
