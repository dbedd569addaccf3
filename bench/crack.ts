/**
 * `npm run bench:crack`: how fast the inspector guesses a secret key, one run each, same
 * machine, same word list (the built-in list plus synthetic keys), a cookie real Flask signed
 * with a random key so that every key is tried:
 *
 * - in the browser: the built page in Chromium (playwright-core against `astro preview`), its
 *   Web Worker timing itself, as a learner would run it;
 * - in Node: the same runner and key test, without a worker;
 * - in Python: itsdangerous' Signer doing the same work per key (bench/crack_py.py);
 * - against the floor: SHA-1 compressions per guess times what `openssl speed sha1` manages.
 *
 * Needs a build (`npm run bench:crack` builds first). Writes bench/results/crack.json and .md.
 * Rates are wall-clock keys per second, since the browser only reports wall time; the load
 * average is recorded because other work on the machine slows every side.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sha1 } from '@noble/hashes/legacy.js';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/browser.mjs';
import { prepareGuess } from '../src/lib/inspector/guess-job.ts';
import { mergeWordLists, runGuesses } from '../src/lib/inspector/guess-runner.ts';

const EXTRA_KEYS = 400_000;
const PORT = 4335;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

// The word list: the built-in one, then synthetic keys (the user list the page is given).
const builtIn = readFileSync('src/assets/weak-secrets.txt', 'utf8');
const seeds = builtIn.split('\n').filter((key) => key !== '');
const extra = Array.from({ length: EXTRA_KEYS }, (_, i) => `${seeds[i % seeds.length]}-${i}`).join(
  '\n',
);
const { keys } = mergeWordLists([builtIn, extra]);
const temp = mkdtempSync(join(os.tmpdir(), 'bench-crack-'));
const extraFile = join(temp, 'extra-keys.txt');
const listFile = join(temp, 'all-keys.txt');
writeFileSync(extraFile, extra);
writeFileSync(listFile, keys.join('\n'));

const loadAtStart = os.loadavg().map((x) => round(x));

// Python first: it also signs the cookie every side guesses at.
const python = await runPython(listFile);
const cookie = python.setup.cookie;

// Node: the runner as the worker runs it, pausing between batches the Node way.
const job = prepareGuess(cookie, [builtIn, extra]);
if (!job.ok) throw new Error(job.message);
const cpuBefore = process.cpuUsage();
const node = await runGuesses(job.keys, {
  test: job.test,
  clock: () => performance.now(),
  pause: () => new Promise((resolve) => setImmediate(resolve)),
  cancelled: () => false,
  onProgress: () => {},
});
const nodeCpu = process.cpuUsage(cpuBefore);
const nodeCpuSeconds = (nodeCpu.user + nodeCpu.system) / 1e6;

const nobleCompressions = nobleSha1CompressionsPerSecond();
const browser = await runBrowser(cookie, extraFile);
const opensslResult = openssl();
rmSync(temp, { recursive: true, force: true });

// SHA-1 compressions (64-byte blocks) per guess: a message of n bytes takes floor((n + 8) / 64)
// + 1 blocks. HMAC(key, m) with a key of at most 64 bytes hashes (key ⊕ ipad) ‖ m, then
// (key ⊕ opad) ‖ inner digest (64 + 20 bytes): both pad blocks depend on the key, so nothing
// carries over from one candidate to the next. A guess is two HMACs: deriving the signing key
// (message "cookie-session", 14 bytes) and signing the cookie's value with it.
const blocks = (bytes: number) => Math.floor((bytes + 8) / 64) + 1;
const hmacBlocks = (keyBytes: number, messageBytes: number) =>
  (keyBytes > 64 ? blocks(keyBytes) : 0) + blocks(64 + messageBytes) + blocks(64 + 20);
const signedValueBytes = Buffer.byteLength(cookie.slice(0, cookie.lastIndexOf('.')));
const totalBlocks = keys.reduce(
  (sum, key) => sum + hmacBlocks(Buffer.byteLength(key), 14) + hmacBlocks(20, signedValueBytes),
  0,
);
const compressionsPerGuess = totalBlocks / keys.length;

const rate = (tried: number, seconds: number) => Math.round(tried / seconds);
const nodeRate = rate(node.tried, node.elapsedMs / 1000);
const pythonRate = rate(python.result.tried, python.result.wall_seconds);
const floor = Math.round(opensslResult.compressionsPerSecond64 / compressionsPerGuess);
const bulkFloor = Math.round(opensslResult.compressionsPerSecondBulk / compressionsPerGuess);

const result = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    load_average_at_start: loadAtStart,
    load_average_at_end: os.loadavg().map((x) => round(x)),
  },
  versions: {
    node: process.version,
    chromium: browser.version,
    python: python.setup.python,
    flask: python.setup.flask,
    itsdangerous: python.setup.itsdangerous,
    openssl: opensslResult.version,
  },
  workload: {
    keys: keys.length,
    built_in_keys: seeds.length,
    synthetic_keys: EXTRA_KEYS,
    cookie,
    signed_value_bytes: signedValueBytes,
    found_by: {
      browser: browser.found,
      node: node.kind === 'found',
      python: python.result.found !== null,
    },
  },
  method:
    'One run per side, wall-clock keys per second over the whole list (nothing is found); the browser rate is the one the page reports (its worker times itself with performance.now); Python runs itsdangerous Signer.derive_key + HMACAlgorithm.verify_signature per key',
  browser_worker: { tried: browser.tried, keys_per_second: browser.keysPerSecond },
  node: {
    tried: node.tried,
    keys_per_second: nodeRate,
    keys_per_cpu_second: rate(node.tried, nodeCpuSeconds),
  },
  python: {
    tried: python.result.tried,
    keys_per_second: pythonRate,
    keys_per_cpu_second: rate(python.result.tried, python.result.cpu_seconds),
  },
  ratios: {
    browser_over_python: round(browser.keysPerSecond / pythonRate),
    node_over_python: round(nodeRate / pythonRate),
    browser_over_node: round(browser.keysPerSecond / nodeRate),
  },
  floor: {
    sha1_compressions_per_guess: round(compressionsPerGuess, 3),
    why: 'two HMAC-SHA1 per guess (derive key, then sign); each hashes a key-dependent ipad block plus the message, then a key-dependent opad block plus the 20-byte inner digest: 2 + 2 compressions for messages up to 55 bytes, so 8 per guess here',
    openssl_sha1_64_byte_hashes_per_second: opensslResult.hashesPerSecond64,
    openssl_compressions_per_second_64_byte_messages: opensslResult.compressionsPerSecond64,
    openssl_compressions_per_second_16_KiB_messages: opensslResult.compressionsPerSecondBulk,
    noble_sha1_compressions_per_second_64_byte_messages_node: nobleCompressions,
    floor_keys_per_second: floor,
    floor_keys_per_second_bulk_rate: bulkFloor,
    browser_share_of_floor: round(browser.keysPerSecond / floor, 4),
    node_share_of_floor: round(nodeRate / floor, 4),
    python_share_of_floor: round(pythonRate / floor, 4),
  },
};

if (result.node.tried !== keys.length || result.python.tried !== keys.length) {
  throw new Error('the sides did not try the same keys');
}
if (browser.tried !== keys.length) throw new Error(`the browser tried ${browser.tried} keys`);

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/crack.json', `${JSON.stringify(result, null, 2)}\n`);
const n = (x: number) => x.toLocaleString('en-US');
const markdown = [
  '# Guessing a weak secret: keys per second in the browser, Node and Python',
  '',
  `${result.date} · ${result.machine.cpu} · ${result.machine.cores} cores · load average ${loadAtStart.join(' / ')} at start, ${result.machine.load_average_at_end.join(' / ')} at end`,
  `Chromium ${browser.version} · Node ${process.version} · Python ${python.setup.python} (Flask ${python.setup.flask}, itsdangerous ${python.setup.itsdangerous}) · ${opensslResult.version}`,
  '',
  `Word list: the ${n(seeds.length)} built-in keys plus ${n(EXTRA_KEYS)} synthetic ones, ${n(keys.length)} in all, against a cookie Flask signed with a random key (nothing found, every key tried).`,
  '',
  `${result.method}. Keys per CPU second count all of a process's threads, so Node's (its garbage collector runs on other threads) comes out below its wall-clock rate.`,
  '',
  '| side | keys/s (wall) | keys/CPU-s | vs Python | share of floor |',
  '|---|---|---|---|---|',
  `| browser Web Worker (built page, Chromium) | ${n(browser.keysPerSecond)} | – | **${result.ratios.browser_over_python}×** | ${round(result.floor.browser_share_of_floor * 100, 1)}% |`,
  `| Node (same runner, no worker) | ${n(nodeRate)} | ${n(result.node.keys_per_cpu_second)} | **${result.ratios.node_over_python}×** | ${round(result.floor.node_share_of_floor * 100, 1)}% |`,
  `| Python itsdangerous loop | ${n(pythonRate)} | ${n(result.python.keys_per_cpu_second)} | 1× | ${round(result.floor.python_share_of_floor * 100, 1)}% |`,
  `| floor: openssl SHA-1, ${result.floor.sha1_compressions_per_guess} compressions per guess | ${n(floor)} | – | – | 100% |`,
  '',
  `Floor: \`openssl speed sha1\` hashes ${n(opensslResult.hashesPerSecond64)} 64-byte messages per second, each two compressions (the data block and the padding block), so ${n(opensslResult.compressionsPerSecond64)} compressions per second; divided by ${result.floor.sha1_compressions_per_guess} per guess that is ${n(floor)} guesses per second on one core. Its 16 KiB rate (${n(opensslResult.compressionsPerSecondBulk)} compressions per second, no per-hash overhead) would allow ${n(bulkFloor)}.`,
  '',
  `The JavaScript SHA-1 the inspector uses (\`@noble/hashes\`) manages ${n(nobleCompressions)} compressions per second on Node for the same 64-byte messages, which caps any guesser built on it at ${n(Math.round(nobleCompressions / compressionsPerGuess))} keys per second before HMAC set-up costs.`,
  '',
  `Compressions per guess: ${result.floor.why}. (Counting only the message blocks gives 4; the pad blocks cannot be reused because they depend on the guessed key and on the key derived from it.)`,
  '',
].join('\n');
writeFileSync('bench/results/crack.md', markdown);
process.stdout.write(markdown);

/** Runs bench/crack_py.py over the list; its first line is the cookie, its second the timing. */
async function runPython(list: string) {
  const child = spawn('/usr/bin/python3', ['bench/crack_py.py', list], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done === true) throw new Error('the Python benchmark stopped');
    return JSON.parse(line.value);
  };
  const setup = (await next()) as {
    python: string;
    flask: string;
    itsdangerous: string;
    cookie: string;
  };
  const result = (await next()) as {
    tried: number;
    found: string | null;
    wall_seconds: number;
    cpu_seconds: number;
  };
  return { setup, result };
}

/** Guesses in the built page: decode the cookie, add the synthetic keys as a file, start. */
async function runBrowser(cookie: string, extraKeysFile: string) {
  const server = spawn('npx', ['astro', 'preview', '--port', String(PORT)], {
    env: { ...process.env, ASTRO_PREVIEW_BACKGROUND: '0' },
    stdio: 'ignore',
    detached: true,
  });
  const origin = `http://localhost:${PORT}`;
  const chromiumPath = findChromium();
  if (chromiumPath === undefined) throw new Error('no Chromium found (see scripts/browser.mjs)');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    await waitForServer(origin);
    const page = await browser.newPage();
    await page.goto(`${origin}/tools/cookie-inspector/`);
    await page.getByLabel('Cookie value or header').fill(cookie);
    await page.getByRole('button', { name: 'Decode', exact: true }).click();
    const guess = page.locator('section#guess');
    await guess.getByLabel(/^Or a word list file/).setInputFiles(extraKeysFile);
    await guess.getByText(/characters read/).waitFor();
    await guess.getByRole('button', { name: 'Start guessing' }).click();
    const outcome = guess.locator('.ci-result').filter({ hasText: /^Not found|^Found/ });
    await outcome.waitFor({ timeout: 15 * 60 * 1000 });
    const text = (await outcome.textContent()) ?? '';
    const match = /Tried ([\d,]+) keys in [\d.]+ s, ([\d,]+) keys per second/.exec(text);
    if (match === null) throw new Error(`unexpected result: ${text}`);
    const number = (digits: string) => Number(digits.replace(/,/g, ''));
    return {
      version: browser.version(),
      found: text.startsWith('Found'),
      tried: number(match[1]!),
      keysPerSecond: number(match[2]!),
    };
  } finally {
    await browser.close();
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

async function waitForServer(origin: string) {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not start on ${origin}`);
}

/** SHA-1 compressions per second of `@noble/hashes` on 64-byte messages (two each), over 3 s. */
function nobleSha1CompressionsPerSecond() {
  const message = new Uint8Array(64);
  let hashes = 0;
  const start = performance.now();
  while (performance.now() - start < 3000) {
    for (let i = 0; i < 1000; i++) {
      message[0] = i;
      sha1(message);
    }
    hashes += 1000;
  }
  return Math.round((hashes * 2) / ((performance.now() - start) / 1000));
}

/** `openssl speed sha1` for 64-byte and 16 KiB messages, 3 seconds each. */
function openssl() {
  const speed = (bytes: number) => {
    // The "Doing sha1 … sha1's in …s" count line goes to stderr.
    const run = spawnSync('openssl', ['speed', '-seconds', '3', '-bytes', String(bytes), 'sha1'], {
      encoding: 'utf8',
    });
    const out = `${run.stdout}${run.stderr}`;
    const match = /Doing sha1 for \d+s on \d+ size blocks: (\d+) sha1's in ([\d.]+)s/.exec(out);
    if (match === null) throw new Error(`unexpected openssl output:\n${out}`);
    return Number(match[1]) / Number(match[2]);
  };
  const hashes64 = speed(64);
  const hashesBulk = speed(16384);
  return {
    version: execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim(),
    hashesPerSecond64: Math.round(hashes64),
    compressionsPerSecond64: Math.round(hashes64 * 2),
    // 16384 bytes of data take 256 blocks, plus one for the padding.
    compressionsPerSecondBulk: Math.round(hashesBulk * 257),
  };
}
