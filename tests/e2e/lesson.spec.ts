import { axeViolations, expect, test } from './fixtures.ts';

const lessonPath = 'lessons/flask-session/';

test.describe('Flask session lesson page', () => {
  test('the concept flow is a numbered list of the seven stages', async ({ page }) => {
    await page.goto(lessonPath);
    const stages = page.getByRole('list', { name: 'Stages of a request' }).getByRole('listitem');
    await expect(stages).toHaveCount(7);
    await expect(stages.first()).toContainText('Client sends request');
    await expect(stages.nth(2)).toContainText('Load session data from cookie');
    await expect(stages.last()).toContainText('Send response back to client');
  });

  test('the execution sample is the highlighted visit counter', async ({ page }) => {
    await page.goto(lessonPath);
    const code = page.locator('#execution-sample ~ * pre, section:has(#execution-sample) pre');
    await expect(code).toContainText("session['count'] = session.get('count', 0) + 1");
    await expect(code).toContainText("app.secret_key = 'secret'");
    await expect(code.locator('.tok-keyword').first()).toHaveText('from');
  });

  test('the copy button puts the code on the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(lessonPath);
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText(
      'Code copied to the clipboard.',
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('return f"Count: {session[\'count\']}"');
  });

  test('the execution table shows the five visits', async ({ page }) => {
    await page.goto(lessonPath);
    const table = page.locator('table.execution-table');
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(5);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim())),
    );
    expect(cells).toEqual(
      [
        ['1', 'First visit', '{}', "session.get('count', 0) + 1 = 1", "{'count': 1}", 'Count: 1'],
        [
          '2',
          'Second visit',
          "{'count': 1}",
          "session.get('count', 0) + 1 = 2",
          "{'count': 2}",
          'Count: 2',
        ],
        [
          '3',
          'Third visit',
          "{'count': 2}",
          "session.get('count', 0) + 1 = 3",
          "{'count': 3}",
          'Count: 3',
        ],
        [
          '4',
          'Fourth visit',
          "{'count': 3}",
          "session.get('count', 0) + 1 = 4",
          "{'count': 4}",
          'Count: 4',
        ],
        [
          '5',
          'Fifth visit',
          "{'count': 4}",
          "session.get('count', 0) + 1 = 5",
          "{'count': 5}",
          'Count: 5',
        ],
      ].map(([step, ...rest]) => [expect.stringContaining(step!), ...rest]),
    );
  });

  test('the variable tracker starts at "not set", never "undefined"', async ({ page }) => {
    await page.goto(lessonPath);
    const tracker = page.getByRole('region', { name: 'Variable tracker' });
    await expect(tracker.locator('tbody tr')).toHaveText(
      /session\['count'\]\s*not set\s*1\s*2\s*3\s*4\s*5/,
    );
    await expect(page.locator('main')).not.toContainText(/\bundefined\b(?!")/);
  });

  test('key moments correct a common misconception: a missing secret key gives HTTP 500, not silence', async ({
    page,
  }) => {
    await page.goto(lessonPath);
    const moments = page.locator('#key-moments').locator('xpath=../..').locator('.moment');
    await expect(moments).toHaveCount(3);
    const secretKey = page.locator('#moment-no-secret-key');
    await expect(secretKey).toContainText('RuntimeError');
    await expect(secretKey).toContainText('HTTP 500');
    await expect(
      secretKey.getByRole('complementary', { name: 'Common misconception' }),
    ).toContainText('silently stays empty');
  });

  test('a key moment link jumps to the table row it cites', async ({ page }) => {
    await page.goto(lessonPath);
    await page.locator('#moment-first-visit').getByRole('link').click();
    await expect(page).toHaveURL(/#row-visit-1$/);
    await expect(page.locator('#row-visit-1')).toBeInViewport();
  });

  test('the quiz shows three questions with four choices, a hint and the answer', async ({
    page,
  }) => {
    await page.goto(lessonPath);
    const questions = page.getByRole('group', { name: /^Question \d:/ });
    await expect(questions).toHaveCount(3);
    for (const question of await questions.all()) {
      await expect(question.getByRole('radio')).toHaveCount(4);
    }
    const third = questions.nth(2);
    // The quiz hydrates once scrolled into view; until then the answer is a <details>.
    await third.scrollIntoViewIfNeeded();
    await expect(third.getByRole('radio').first()).toBeEnabled();
    await third.getByRole('button', { name: 'Show the answer' }).click();
    await expect(third).toContainText(
      'The right answer is D: Reading works, but the first write fails with HTTP 500.',
    );
    await third.getByRole('button', { name: 'Hint' }).click();
    await third.getByRole('link', { name: /key moment/ }).click();
    await expect(page).toHaveURL(/#moment-no-secret-key$/);
  });

  test('table of contents links land on their sections', async ({ page }) => {
    await page.goto(lessonPath);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    for (const name of ['Full transcript', 'Execution table', 'Concept snapshot']) {
      await toc.getByRole('link', { name }).click();
      const id = new URL(page.url()).hash.slice(1);
      await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
      // Marked once the (possibly smooth) scroll has settled: the section is where it should be.
      await expect(toc.getByRole('link', { name })).toHaveAttribute('aria-current', 'true');
    }
  });

  test('the lesson opens with an introduction before its first section', async ({ page }) => {
    await page.goto(lessonPath);
    const intro = page.locator('.lesson-intro');
    await expect(intro).toContainText('follows a small counter through five requests');
    const introBox = await intro.boundingBox();
    const firstSection = await page.locator('#concept-flow').boundingBox();
    expect(introBox!.y).toBeLessThan(firstSection!.y);
    await expect(page.locator('section:has(#full-transcript)')).toContainText(
      'The whole lesson as continuous text',
    );
  });

  test.describe('at 1440 px', () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test('the contents stay beside the lesson and mark the section being read', async ({
      page,
    }) => {
      await page.goto(lessonPath);
      const toc = page.getByRole('navigation', { name: 'On this page' });
      const sections = page.locator('.lesson-sections');
      const tocBox = await toc.boundingBox();
      const sectionsBox = await sections.boundingBox();
      expect(tocBox!.x).toBeGreaterThanOrEqual(sectionsBox!.x + sectionsBox!.width);
      // The sections use the width: the execution table fits without scrolling sideways.
      const table = page.locator('.execution-table');
      const fits = await table.evaluate((el) => el.scrollWidth <= el.parentElement!.clientWidth);
      expect(fits).toBe(true);

      await page.locator('#variable-tracker').evaluate((el) => {
        document.documentElement.style.scrollBehavior = 'auto';
        el.scrollIntoView();
      });
      await expect(toc).toBeInViewport();
      const current = toc.locator('[aria-current="true"]');
      await expect(current).toHaveCount(1);
      await expect(current).toHaveText('Variable tracker');

      await page.locator('#key-moments').evaluate((el) => el.scrollIntoView());
      await expect(toc).toBeInViewport();
      await expect(current).toHaveText('Key moments');
    });
  });

  test.describe('at 320 px', () => {
    test.use({ viewport: { width: 320, height: 700 } });

    test('execution steps are cards titled "Step N" on one line, each closed by its border', async ({
      page,
    }) => {
      await page.goto(lessonPath);
      const rows = page.locator('.execution-table tbody tr');
      for (const row of await rows.all()) {
        const title = row.locator('th');
        await expect(title).toHaveText(/^Step \d$/);
        const lineHeight = await title.evaluate((el) =>
          parseFloat(getComputedStyle(el).lineHeight),
        );
        // One line: "Step 1" does not break into "Ste / p 1".
        const height = await title.evaluate((el) => {
          const style = getComputedStyle(el);
          return el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        });
        expect(height).toBeLessThan(lineHeight * 1.5);
        expect(await row.evaluate((el) => getComputedStyle(el).borderBottomWidth)).toBe('1px');
      }
      const last = rows.last().locator('td');
      for (const cell of (await last.all()).slice(0, -1)) {
        expect(await cell.evaluate((el) => getComputedStyle(el).borderBottomWidth)).toBe('1px');
      }
    });

    test('the variable tracker stacks its values vertically, none wrapped', async ({ page }) => {
      await page.goto(lessonPath);
      const region = page.locator('.table-scroll:has(.tracker)');
      const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const cells = region.locator('td');
      await expect(cells).toHaveCount(6);
      const tops = await cells.evaluateAll((all) =>
        all.map((el) => el.getBoundingClientRect().top),
      );
      for (let i = 1; i < tops.length; i++) expect(tops[i]!).toBeGreaterThan(tops[i - 1]!);
      const start = cells.first();
      await expect(start).toContainText('not set');
      const startHeight = await start.locator('em').evaluate((el) => el.getClientRects().length);
      expect(startHeight).toBe(1);
    });

    test('the header keeps the theme switch beside the site name', async ({ page }) => {
      await page.goto(lessonPath);
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(100);
    });
  });

  test('each section heading has a working anchor link', async ({ page }) => {
    await page.goto(lessonPath);
    const anchors = page.locator('.anchor-link');
    await expect(anchors).toHaveCount(9);
    await page.getByRole('link', { name: 'Link to the section “Key moments”' }).click();
    await expect(page).toHaveURL(/#key-moments$/);
  });

  test('opening a deep link scrolls to the cited cell', async ({ page }) => {
    await page.goto(`${lessonPath}#row-visit-3-after`);
    await expect(page.locator('#row-visit-3-after')).toBeInViewport();
    await expect(page.locator('#row-visit-3-after')).toHaveText("{'count': 3}");
  });

  test('the transcript tells the story and the snapshot sums it up', async ({ page }) => {
    await page.goto(lessonPath);
    await expect(page.locator('.transcript')).toContainText('Signed does not mean secret.');
    await expect(page.locator('.snapshot li')).toHaveCount(7);
    await expect(page.locator('.snapshot')).toContainText('signed, not encrypted');
  });

  test('meta tags come from the lesson data', async ({ page }) => {
    await page.goto(lessonPath);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      /signed cookie/,
    );
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /\/lessons\/flask-session\/$/,
    );
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      'Flask session object',
    );
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(lessonPath);
      await page
        .locator('details')
        .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('fits a 320 px wide screen without sideways scrolling of the page', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(lessonPath);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole lesson is readable and the quiz answers can be revealed', async ({ page }) => {
    await page.goto(lessonPath);
    await expect(page.locator('table.execution-table tbody tr')).toHaveCount(5);
    await expect(page.locator('.transcript')).toContainText(
      'Set `app.secret_key`'.replace(/`/g, ''),
    );
    await expect(page.getByRole('button', { name: 'Copy code' })).toBeHidden();
    const first = page.getByRole('group', { name: /^Question 1:/ });
    await expect(first.getByRole('radio').first()).toBeDisabled();
    await first.getByText('Show the answer').click();
    await expect(first).toContainText('C: 3.');
    await first.getByText('Hint').click();
    await expect(first.getByRole('link', { name: /Session after column/ })).toBeVisible();
  });
});
