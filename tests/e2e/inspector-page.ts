/**
 * Driving the cookie inspector in e2e tests: open it (hydrated), fill and submit each step.
 * Cookies and outcomes come from real Flask via tests/conformance/vectors.json.
 */
import type { Page } from '@playwright/test';
import { vectors } from '../conformance/vectors.ts';
import { expect } from './fixtures.ts';

export const INSPECTOR = 'tools/cookie-inspector/';
/** The clock the vectors were made at (2023-11-14 22:13:20 UTC). */
export const FLASK_CLOCK = Number(vectors.meta['clock']);
export const FLASK_KEY = String(vectors.meta['secret_key']);

export function flaskCookie(name: string) {
  const found = vectors.cookies.find((vector) => vector.name === name);
  if (found === undefined) throw new Error(`no cookie vector ${name}`);
  return found;
}

export function flaskLoad(name: string) {
  const found = vectors.loads.find((vector) => vector.name === name);
  if (found === undefined) throw new Error(`no load vector ${name}`);
  return found;
}

/** A Set-Cookie header Flask sent in one of the request vectors. */
export function flaskSetCookie(request: string): string {
  const header = vectors.requests
    .find((vector) => vector.name === request)
    ?.steps.flatMap((step) => step.response.headers)
    .find(([name]) => name === 'Set-Cookie');
  if (header === undefined) throw new Error(`no Set-Cookie in request vector ${request}`);
  return header[1];
}

/** Makes the page's clock read `seconds` (Unix time), as if the server checked then. */
export async function fixClock(page: Page, seconds: number): Promise<void> {
  await page.clock.setFixedTime(new Date(seconds * 1000));
}

/** Opens the inspector (with an optional `#cookie=…` fragment) and waits for it to hydrate. */
export async function openInspector(page: Page, fragment = ''): Promise<void> {
  await page.goto(INSPECTOR + fragment);
  await expect(page.getByRole('button', { name: 'Decode', exact: true })).toBeEnabled();
}

export const section = (page: Page, id: 'decode' | 'verify' | 'sign' | 'guess') =>
  page.locator(`section#${id}`);

/**
 * Decodes `input` and waits until the result is announced: decoding loads the engine first, and
 * the other steps only see the cookie once that is done.
 */
export async function decode(page: Page, input: string): Promise<void> {
  await page.getByLabel('Cookie value or header').fill(input);
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(section(page, 'decode').getByRole('status')).not.toBeEmpty();
}

export async function verify(
  page: Page,
  { key, fallbacks = '', maxAge }: { key: string; fallbacks?: string; maxAge?: string },
): Promise<void> {
  const form = section(page, 'verify');
  await form.getByLabel('Secret key (SECRET_KEY)').fill(key);
  await form.getByLabel(/^Fallback keys/).fill(fallbacks);
  if (maxAge !== undefined) await form.getByLabel(/^Maximum age/).fill(maxAge);
  await form.getByRole('button', { name: 'Verify signature' }).click();
}

export async function sign(
  page: Page,
  { json, key, time }: { json: string; key: string; time?: string },
): Promise<void> {
  const form = section(page, 'sign');
  await form.getByLabel('Session data (Flask’s tagged JSON)').fill(json);
  await form.getByLabel('Secret key to sign with').fill(key);
  if (time !== undefined) await form.getByLabel('Signing time').fill(time);
  await form.getByRole('button', { name: 'Sign session' }).click();
}

/** The number of keys in the built-in list, as the page states it. */
export async function builtInListSize(page: Page): Promise<string> {
  const label = await section(page, 'guess')
    .getByText(/^Built-in list of/)
    .textContent();
  return /Built-in list of ([\d,]+)/.exec(label ?? '')?.[1] ?? '';
}
