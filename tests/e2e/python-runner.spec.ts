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
  expect(await axeViolations(page)).toEqual([]);
});

test('a KeyError: HTTP 500 and the traceback at the learner’s line; Reset restores the code', async ({
  page,
}) => {
  const playground = await openEditor(page);
  // Line 7 of the lesson's counter: session['count'] = session.get('count', 0) + 1
  await goToLine(page, 7);
  await page.keyboard.press('Shift+End');
  await page.keyboard.type("session['count'] = session['count'] + 1");
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
