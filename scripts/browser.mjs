// Finds a Chromium for Playwright: CHROME_PATH, then Playwright's own download, then Debian's
// /usr/bin/chromium. Run directly (`node scripts/browser.mjs`), it installs one when none is found,
// or exits non-zero with a sentence saying how to get one.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Absolute path of a usable Chromium binary, or undefined when there is none. */
export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    safe(() => chromium.executablePath()),
    '/usr/bin/chromium',
  ];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

/** Launch flags that keep Chromium quiet on a machine with a closed network and root user. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function safe(read) {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function tryRun(command) {
  try {
    execSync(command, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  console.log(
    'No Chromium found (CHROME_PATH, Playwright browser, /usr/bin/chromium); installing one.',
  );
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    tryRun('apt-get update && apt-get install -y chromium');
  }
  if (!findChromium()) tryRun('npx playwright install chromium');
  return findChromium();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = ensureChromium();
  if (!path) {
    console.error(
      'No Chromium is available for the browser tests. Install one with `sudo apt-get install -y chromium` ' +
        '(Debian/Ubuntu) or `npx playwright install chromium`, or point CHROME_PATH at a Chrome/Chromium binary.',
    );
    process.exit(1);
  }
  console.log(`Browser tests use ${path}`);
}
