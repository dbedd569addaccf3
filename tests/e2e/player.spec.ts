import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

const playerPath = 'lessons/flask-session/step-through/';

const stages = ['request', 'receive', 'load', 'view', 'process', 'save', 'respond'] as const;
type Stage = (typeof stages)[number];

/**
 * The line of app.py each stage marks: the route on line 5, the secret key on line 3 when a
 * cookie is verified or signed, the view's statement on line 7 and its return on line 8.
 */
function markedLine(visit: number, stage: Stage): number | null {
  switch (stage) {
    case 'receive':
      return 5;
    case 'load':
      return visit === 1 ? null : 3;
    case 'view':
      return 7;
    case 'process':
      return 8;
    case 'save':
      return 3;
    default:
      return null;
  }
}

/** Opens the step-through page (optionally at a `#step-…` fragment) and waits for hydration. */
async function openPlayer(page: Page, hash = '') {
  await page.goto(playerPath + hash);
  // Before hydration every control is disabled; after it, only those at an end are (aria-).
  await expect(page.locator('.player-controls button:not([disabled])').first()).toBeVisible();
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const status = (page: Page) => page.locator('.player-panel').getByRole('status');

/** Asserts that visit `visit` (from 1) at `stage` is current everywhere the player shows it. */
async function expectAt(page: Page, visit: number, stage: Stage) {
  const index = stages.indexOf(stage);
  await expect(status(page)).toContainText(`Visit ${visit} of 5, stage ${index + 1} of 7`);
  await expect(page.locator('.flow-stage[aria-current="step"]')).toHaveCount(1);
  await expect(page.locator(`#flow-${stage}`)).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('tr[aria-current="step"]')).toHaveCount(1);
  await expect(page.locator(`#row-visit-${visit}`)).toHaveAttribute('aria-current', 'step');
  const line = markedLine(visit, stage);
  const marked = page.locator('.trace-code [aria-current="true"]');
  if (line === null) {
    await expect(marked).toHaveCount(0);
  } else {
    await expect(marked).toHaveCount(1);
    await expect(marked).toHaveAttribute('data-line', String(line));
  }
}

test.describe('step-through player', () => {
  test('starts at the first visit’s request, with no cookie sent', async ({ page }) => {
    await openPlayer(page);
    await expectAt(page, 1, 'request');
    await expect(status(page)).toContainText('sends no Cookie header');
    await expect(page.locator('.wire')).toHaveAttribute('data-flight', 'request');
    await expect(page.locator('.wire figcaption')).toContainText('no cookie');
    await expect(button(page, 'Back')).toBeDisabled();
    await expect(button(page, 'Previous visit')).toBeDisabled();
  });

  test('Next walks all 5 visits × 7 stages with the code line and stage marked, Back returns', async ({
    page,
  }) => {
    await openPlayer(page);
    for (let visit = 1; visit <= 5; visit++) {
      for (const stage of stages) {
        await expectAt(page, visit, stage);
        await expect(page).toHaveURL(new RegExp(`#step-${visit}-${stage}$|step-through/$`));
        if (visit < 5 || stage !== 'respond') await button(page, 'Next').click();
      }
    }
    await expect(button(page, 'Next')).toBeDisabled();
    for (const stage of [...stages].reverse().slice(1)) {
      await button(page, 'Back').click();
      await expectAt(page, 5, stage);
      if (stage === 'save') {
        await expect(page.locator('.player-session')).toContainText("{'count': 5}");
      }
    }
  });

  test('each stage shows what the trace decided for that visit', async ({ page }) => {
    await openPlayer(page, '#step-2-load');
    await expect(status(page)).toContainText('the current secret key (line 3)');
    await expect(status(page)).toContainText("restores {'count': 1}");
    await expect(page.locator('.player-session')).toContainText("{'count': 1}");
    await expect(page.locator('.wire')).toHaveAttribute('data-flight', 'server');
    await button(page, 'Next').click();
    await expect(status(page)).toContainText(
      "Line 7 runs session['count'] = session.get('count', 0) + 1",
    );
    await expect(page.locator('.player-session')).toContainText(
      "Session before{'count': 1}Session after{'count': 2}",
    );
    await button(page, 'Next visit').click();
    await button(page, 'Previous visit').click();
    await expectAt(page, 2, 'request');
    await openPlayer(page, '#step-2-respond');
    await expect(page.locator('.wire')).toHaveAttribute('data-flight', 'response');
    await expect(page.locator('.wire figcaption')).toContainText('Set-Cookie: session=');
  });

  test('next visit and previous visit jump between visits', async ({ page }) => {
    await openPlayer(page, '#step-2-view');
    await button(page, 'Next visit').click();
    await expectAt(page, 3, 'request');
    await expect(page).toHaveURL(/#step-3-request$/);
    await button(page, 'Previous visit').click();
    await expectAt(page, 2, 'request');
    await openPlayer(page, '#step-5-save');
    await expect(button(page, 'Next visit')).toBeDisabled();
  });

  test('#step-N opens visit N, #step-N-<stage> one of its stages; other fragments are ignored', async ({
    page,
  }) => {
    await openPlayer(page, '#step-3');
    await expectAt(page, 3, 'request');
    await openPlayer(page, '#step-3-view');
    await expectAt(page, 3, 'view');
    await page.evaluate(() => (location.hash = '#step-4-save'));
    await expectAt(page, 4, 'save');
    for (const hash of ['#step-9', '#step-2-nowhere', '#step-0']) {
      await page.evaluate((to) => (location.hash = to), hash);
    }
    await expectAt(page, 4, 'save');
  });

  test('on a phone the marked line is on screen with the narration, and no button label wraps', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await openPlayer(page, '#step-4-view');
    await page
      .locator('.player-panel h2')
      .evaluate((heading) => heading.scrollIntoView({ behavior: 'instant', block: 'start' }));
    const narration = await status(page).boundingBox();
    const line = await page.locator('.trace-code .line[aria-current="true"]').boundingBox();
    expect(narration!.y).toBeGreaterThanOrEqual(0);
    expect(line!.y).toBeGreaterThan(narration!.y + narration!.height);
    expect(line!.y + line!.height).toBeLessThanOrEqual(800);
    for (const name of ['Previous visit', 'Back', 'Next', 'Next visit']) {
      const box = await button(page, name).boundingBox();
      expect(box!.height, name).toBeLessThan(48);
    }
  });

  test('keys step while the player has focus, and only then', async ({ page }) => {
    await openPlayer(page);
    await button(page, 'Next').focus();
    await page.keyboard.press('ArrowRight');
    await expectAt(page, 1, 'receive');
    await page.keyboard.press('PageDown');
    await expectAt(page, 2, 'request');
    await page.keyboard.press('ArrowLeft');
    await expectAt(page, 1, 'respond');
    await page.keyboard.press('End');
    await expectAt(page, 5, 'respond');
    await page.keyboard.press('PageUp');
    await expectAt(page, 5, 'request');
    await page.keyboard.press('Home');
    await expectAt(page, 1, 'request');

    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await expectAt(page, 1, 'request');
  });

  test('autoplay shows its progress, holds while the learner reads and says so', async ({
    page,
  }) => {
    await page.clock.install();
    await openPlayer(page);
    await button(page, 'Play').click();
    await expect(page.locator('.autoplay-progress')).toBeVisible();
    await page.clock.runFor(5_500);
    await expectAt(page, 1, 'receive');

    await page.locator('.player-narration').hover();
    await expect(button(page, 'Paused while you read')).toBeVisible();
    await expect(page.locator('.autoplay-progress')).toHaveCount(0);
    await page.clock.runFor(20_000);
    await expectAt(page, 1, 'receive');

    await button(page, 'Paused while you read').hover();
    await expect(button(page, 'Pause')).toBeVisible();
    await page.clock.runFor(5_500);
    await expectAt(page, 1, 'load');
    await button(page, 'Pause').click();
    await page.clock.runFor(20_000);
    await expectAt(page, 1, 'load');
  });

  test('with reduced motion the cookie does not move and autoplay waits longer', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.install();
    await openPlayer(page);
    const moving = await page
      .locator('.wire-cookie')
      .evaluate((chip) => chip.getAnimations().length);
    expect(moving).toBe(0);
    await button(page, 'Play').click();
    await page.clock.runFor(5_500);
    await expectAt(page, 1, 'request');
    await page.clock.runFor(3_000);
    await expectAt(page, 1, 'receive');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no axe violations in ${colorScheme} at every kind of stage`, async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      for (const hash of ['#step-1-request', '#step-2-load', '#step-3-view', '#step-5-respond']) {
        await openPlayer(page, hash);
        expect(await axeViolations(page), hash).toEqual([]);
      }
    });
  }
});

test.describe('step-through without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('hides the controls and lists every visit stage by stage', async ({ page }) => {
    await page.goto(playerPath);
    const list = page.getByRole('region', { name: 'What happens at each step' });
    await expect(list.locator(':scope > ol > li')).toHaveCount(5);
    await expect(list.locator(':scope > ol > li').nth(2).locator('li')).toHaveCount(7);
    await expect(list).toContainText('Third visit: The cookie now carries count 2');
    await expect(list).toContainText("restores {'count': 2}");
    await expect(page.locator('table.execution-table tbody tr')).toHaveCount(5);
    for (const name of ['Next', 'Back', 'Play', 'Next visit']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeHidden();
    }
    await expect(page.locator('.player-keys')).toBeHidden();
  });
});
