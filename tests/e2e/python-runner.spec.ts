import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

const playgroundPath = 'lessons/flask-session/playground/';

/** Booting Pyodide on a shared, loaded machine takes seconds; allow for it. */
const BOOT = { timeout: 90_000 };

test.describe.configure({ timeout: 180_000 });

/** Opens the playground and its editor; returns the playground. */
async function openEditor(page: Page): Promise<Locator> {
  await page.goto(playgroundPath);
  const playground = page.locator('.playground');
  await expect(playground.getByRole('button', { name: 'Send request' })).toBeEnabled();
  await playground.getByRole('button', { name: 'Edit and run on real Flask' }).click();
  await expect(editor(page)).toBeVisible();
  return playground;
}

const editor = (page: Page) =>
  page.getByRole('textbox', { name: 'Your app’s Python code (app.py)' });

/** Puts the keyboard caret on `line` (1-based) of the editor, after its indentation. */
async function goToLine(page: Page, line: number): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let down = 1; down < line; down++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
}

/** Replaces the text of `line` (after its indentation) with `text`. */
async function replaceLine(page: Page, line: number, text: string): Promise<void> {
  await goToLine(page, line);
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(text);
}

async function runOnFlask(playground: Locator): Promise<void> {
  await playground.getByRole('button', { name: /Run (my code again )?on real Flask/ }).click();
  await expect(playground.locator('.pr-status')).toContainText(
    'Real Flask is running your code',
    BOOT,
  );
}

const send = (playground: Locator) =>
  playground.getByRole('button', { name: 'Send request' }).click();
const rows = (playground: Locator) => playground.locator('table.pg-rows tbody tr');

test('the lesson’s counter on real Flask: same rows and bytes as the simulator', async ({
  page,
}) => {
  const playground = await openEditor(page);
  await expect(playground.locator('.pr-versions')).toContainText('Python 3.11.3 (Pyodide 0.25.1)');
  await expect(playground.locator('.pr-versions')).toContainText('Flask 2.2.2');
  await runOnFlask(playground);
  await send(playground);
  await expect(rows(playground)).toHaveCount(1);
  await expect(rows(playground).first()).toContainText('Real Flask');
  await expect(rows(playground).first()).toContainText('Count: 1');
  await expect(playground.locator('.pr-agree')).toHaveText(
    'Real Flask agrees with the simulator: same status, headers, cookie and body.',
  );
  await send(playground);
  await expect(rows(playground)).toHaveCount(2);
  await expect(rows(playground).nth(1)).toContainText('Count: 2');
  await expect(rows(playground).nth(1)).toContainText(
    'The simulator verified the cookie Flask set',
  );
  await expect(playground.locator('.pg-exchange')).toContainText(
    'Set-Cookie: session=eyJjb3VudCI6Mn0.',
  );
  await expect(playground.locator('table.pr-trace')).toContainText("{'count': 1}");
  // The step-through of the learner's own code: the route that matched, what each line did.
  const steps = playground.locator('.pg-trace');
  await steps.getByText('Every step of this request, line by line').click();
  await expect(steps.locator('.pg-trace-receive')).toContainText("line 5: @app.route('/')");
  await expect(steps.locator('.pg-trace-receive')).toContainText('so Flask calls index()');
  await expect(steps.locator('.pg-trace-view').first()).toContainText(
    "line 7: session['count'] = session.get('count', 0) + 1",
  );
  await expect(steps.locator('.pg-trace-view').first()).toContainText(
    'Reads the session once and writes it once.',
  );
  await expect(steps.locator('.pg-trace-view').nth(1)).toContainText('Reads the session once.');
  expect(await axeViolations(page)).toEqual([]);

  // Back to the simulator: the code is shown again and the next request goes to the engine.
  await playground.getByRole('button', { name: 'Back to the simulator' }).click();
  await expect(playground.getByLabel('The app’s Python code', { exact: true })).toBeVisible();
  await send(playground);
  await expect(rows(playground)).toHaveCount(3);
  await expect(rows(playground).nth(2)).not.toContainText('Real Flask');
  await expect(rows(playground).nth(2)).toContainText('Count: 3');
  await expect(playground.locator('.pg-exchange')).not.toContainText('Real Flask 2.2.2');
});

test('a KeyError: HTTP 500 and the traceback at the learner’s line; Reset restores the code', async ({
  page,
}) => {
  const playground = await openEditor(page);
  // Line 7 of the lesson's counter: session['count'] = session.get('count', 0) + 1
  await replaceLine(page, 7, "session['count'] = session['count'] + 1");
  await runOnFlask(playground);
  await send(playground);
  await expect(rows(playground)).toHaveCount(1);
  await expect(rows(playground).first()).toContainText('500 INTERNAL SERVER ERROR');
  const traceback = playground.locator('.pr-traceback');
  await expect(traceback).toContainText('File "app.py", line 7, in index');
  await expect(traceback).toContainText("session['count'] = session['count'] + 1");
  await expect(traceback).toContainText("KeyError: 'count'");
  expect(await axeViolations(page)).toEqual([]);

  // The edit survives a reload, until Reset.
  await openEditor(page);
  await expect(editor(page)).toContainText("session['count'] + 1");
  await playground.getByRole('button', { name: 'Reset to the lesson’s code' }).click();
  await expect(editor(page)).toContainText("session.get('count', 0) + 1");
  await openEditor(page);
  await expect(editor(page)).toContainText("session.get('count', 0) + 1");
});

test('session.permanent = True makes Flask send Expires, a month after the simulated clock', async ({
  page,
}) => {
  const playground = await openEditor(page);
  // A new line after `def index():` (line 6); the editor indents it.
  await goToLine(page, 6);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('session.permanent = True');
  await runOnFlask(playground);
  await send(playground);
  await expect(rows(playground)).toHaveCount(1);
  const clock = await playground.locator('.pg-clock time').getAttribute('datetime');
  const expires = new Date(Date.parse(clock ?? '') + 31 * 24 * 3600 * 1000).toUTCString();
  await expect(playground.locator('.pg-exchange')).toContainText(`Set-Cookie: session=`);
  await expect(playground.locator('.pg-exchange')).toContainText(`; Expires=${expires}; HttpOnly`);
  await expect(playground.locator('.pr-agree')).toHaveCount(0);
});

test('a loop inside C code: the worker is stopped with a sentence, and the next run works', async ({
  page,
}) => {
  const playground = await openEditor(page);
  // Line 8 of the counter returns; sum() over a range loops in C, where no line event can stop it.
  await replaceLine(page, 8, 'return str(sum(range(10**12)))');
  await runOnFlask(playground);
  await send(playground);
  await expect(playground.locator('.pg-notice')).toContainText(
    'Your app did not answer within 5 seconds, probably stuck in a loop inside Python’s own C code',
    BOOT,
  );
  await expect(playground.locator('.pg-notice')).toContainText(
    'Python was stopped; it restarts with your program on the next request.',
  );
  await expect(rows(playground)).toHaveCount(0);

  // A new worker boots and serves the corrected program.
  await playground.getByRole('button', { name: 'Reset to the lesson’s code' }).click();
  await runOnFlask(playground);
  await send(playground);
  await expect(rows(playground)).toHaveCount(1);
  await expect(rows(playground).first()).toContainText('Count: 1');
});

test('a request sent while Python starts waits for real Flask; Reset clears the old report', async ({
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pyodide.asm.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const playground = await openEditor(page);
  await replaceLine(page, 7, "session['count'] = session['count'] + 1");
  await playground.getByRole('button', { name: 'Run on real Flask', exact: true }).click();
  await expect(playground.locator('.pr-status')).toContainText(
    'A request you send meanwhile waits for it.',
  );
  await send(playground);
  // Not answered by the simulator with the lesson's code while Python downloads.
  await page.waitForTimeout(500);
  await expect(rows(playground)).toHaveCount(0);
  release();
  await expect(rows(playground).first()).toContainText('500 INTERNAL SERVER ERROR', BOOT);
  await expect(rows(playground)).toHaveCount(1);
  await expect(playground.locator('.pr-traceback')).toContainText("KeyError: 'count'");
  // Line 7 raised and the exception left the view: no line returned.
  const lines = playground.locator('table.pr-trace tbody');
  await expect(lines).toContainText('raises KeyError');
  await expect(lines).toContainText('leaves the view with the exception');
  await expect(lines).not.toContainText('returns');
  await expect(
    playground.getByText('the Configuration panel applies to the simulator only'),
  ).toBeVisible();

  await playground.getByRole('button', { name: 'Reset to the lesson’s code' }).click();
  await expect(playground.locator('.pr-status')).toHaveText(
    'Back to the lesson’s code: real Flask runs it from your next request.',
  );
  await expect(playground.locator('.pr-traceback')).toHaveCount(0);
  await send(playground);
  await expect(rows(playground).nth(1)).toContainText('Count: 1', BOOT);
  await expect(playground.locator('.pr-agree')).toContainText(
    'Real Flask agrees with the simulator',
  );
});

test('the progress bar shows the download moving, then goes away', async ({ page }) => {
  // The wasm (the largest file) waits until the bar has been seen part-way.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let wasmRequests = 0;
  await page.route('**/pyodide.asm.wasm', async (route) => {
    wasmRequests += 1;
    await held;
    await route.continue();
  });
  const playground = await openEditor(page);
  // Every value the bar takes, as a fraction of its maximum, as the page renders it.
  await page.evaluate(() => {
    const seen: number[] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('.pr-progress progress[value]');
      const fraction = bar === null ? undefined : bar.value / bar.max;
      if (fraction !== undefined && seen.at(-1) !== fraction) seen.push(fraction);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await playground.getByRole('button', { name: 'Run on real Flask', exact: true }).click();
  const bar = page.getByRole('progressbar', {
    name: /^Downloading Python: [\d.]+ of [\d.]+ MB$/,
  });
  await expect(bar).toBeVisible(BOOT);
  const partWay = await bar.evaluate((element: HTMLProgressElement) => element.value / element.max);
  expect(partWay).toBeGreaterThan(0);
  expect(partWay).toBeLessThan(1);
  expect(wasmRequests).toBe(1);
  release();
  await expect(playground.locator('.pr-status')).toContainText(
    'Real Flask is running your code',
    BOOT,
  );
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: number[] }).progressSeen,
  );
  expect(seen.length).toBeGreaterThan(5);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen.at(-1)).toBe(1);
  await expect(playground.locator('.pr-progress')).toHaveCount(0);
});

test.describe('when the browser refuses WebAssembly', () => {
  test.use({ allowedErrors: /WebAssembly|wasm/ });

  test('Python does not start: after the boot time limit the page says why', async ({ page }) => {
    // The same page with 'wasm-unsafe-eval' taken out of its policy: the worker, started from a
    // blob: URL, inherits the policy, and loadPyodide() never settles.
    await page.route(`**/${playgroundPath}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replaceAll(" 'wasm-unsafe-eval'", '');
      await route.fulfill({ response, body: html });
    });
    const playground = await openEditor(page);
    await playground.getByRole('button', { name: 'Run on real Flask', exact: true }).click();
    await expect(playground.locator('.python-runner .pg-notice')).toHaveText(
      'Python did not start within 60 seconds. The browser may block WebAssembly on this page, ' +
        'or the download stalled; reload the page to try again.',
      { timeout: 120_000 },
    );
    await expect(playground.locator('.pr-status')).toContainText('Python did not start');
    await expect(
      playground.getByRole('button', { name: 'Run on real Flask', exact: true }),
    ).toBeEnabled();
  });
});

test.describe('the learner’s code reaches no other origin', () => {
  // Python's run_js evaluates JavaScript, which the page's policy refuses (no 'unsafe-eval').
  test.use({ allowedErrors: /unsafe-eval|Refused to evaluate|EvalError/ });

  test('fetch, XMLHttpRequest and eval are gone or refused inside the worker', async ({ page }) => {
    const program = [
      'from flask import Flask',
      'import js',
      'from pyodide.code import run_js',
      'app = Flask(__name__)',
      '',
      "@app.route('/')",
      'def index():',
      '    attempts = {',
      "        'fetch': lambda: js.fetch('https://example.org/'),",
      "        'XMLHttpRequest': lambda: js.XMLHttpRequest.new(),",
      "        'WebSocket': lambda: js.WebSocket.new('wss://example.org/'),",
      "        'importScripts': lambda: js.importScripts('https://example.org/x.js'),",
      "        'eval': lambda: run_js(\"fetch('https://example.org/')\"),",
      '    }',
      '    results = []',
      '    for name, attempt in attempts.items():',
      '        try:',
      '            attempt()',
      "            results.append(name + ' reached')",
      '        except Exception as error:',
      "            results.append(name + ' blocked')",
      "    return ', '.join(results)",
      '',
    ].join('\n');
    await page.goto(playgroundPath);
    await page.evaluate(
      (source) => localStorage.setItem('lesson-site:flask-session:python-edit:counter', source),
      program,
    );
    const playground = await openEditor(page);
    await expect(editor(page)).toContainText('attempts');
    await runOnFlask(playground);
    await send(playground);
    await expect(rows(playground)).toHaveCount(1);
    await expect(rows(playground).first()).toContainText(
      'fetch blocked, XMLHttpRequest blocked, WebSocket blocked, importScripts blocked, eval blocked',
    );
  });
});
