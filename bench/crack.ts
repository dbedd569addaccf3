/**
 * `npm run bench:crack`: how fast the cookie inspector guesses a Flask secret key, all sides
 * measured in one run on one machine, against a cookie real Flask signed with a random key (so
 * every key is tried):
 *
 * - in Chromium, through the built page (`astro preview`, playwright-core): the SIMD kernel in
 *   one worker (`navigator.hardwareConcurrency` reported as 1) and in the pool (every core), the
 *   JavaScript fallback in one worker (the `.wasm` download refused), each over a generated
 *   rockyou-sized word list (14,344,391 lines, ~134 MB, in a temporary folder, deleted after);
 *   the browser's memory is sampled during the pool run to show it does not grow with the file;
 * - the inspector's loop before the kernels (`@noble/hashes`, one key at a time) in a worker;
 * - Python: the itsdangerous loop flask-unsign runs and a raw `hmac` loop (bench/crack_py.py);
 * - the hardware floor: `openssl speed -bytes 16384 sha1` ÷ 64 bytes per SHA-1 compression ÷
 *   compressions per guess.
 *
 * One worker and the pool run `BENCH_CRACK_RUNS` times each (default 3), alternating, and the
 * fastest run of each is reported (every run's rate is in the JSON): a burst of other work on the
 * machine slows one run, not the comparison. Memory is checked on every pool run and the run that
 * grew most is reported.
 *
 * Writes bench/results/crack.json and .md. Other work on the machine slows every side, so the
 * load average is recorded at start and end.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/browser.mjs';

const LINES = 14_344_391;
const PYTHON_KEYS = 400_000;
const BROWSER_RUNS = Math.max(1, Number(process.env['BENCH_CRACK_RUNS'] ?? 3));
const PORT = Number(process.env['PREVIEW_PORT'] ?? 4335);
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const load = () => os.loadavg().map((x) => round(x));

const temp = mkdtempSync(join(os.tmpdir(), 'bench-crack-'));
const bigList = join(temp, 'rockyou-sized.txt');
const smallList = join(temp, 'first-keys.txt');
const listBytes = writeWordList(bigList, LINES);
writeFileSync(smallList, readFileSync(bigList).subarray(0, byteOffsetOfLine(bigList, PYTHON_KEYS)));
const loadAtStart = load();

const python = await runPython(smallList);
const cookie = python.setup.cookie;
const signedPartBytes = Buffer.byteLength(cookie.slice(0, cookie.lastIndexOf('.')));
// 4 compressions derive the key (ipad, salt, opad, digest), then ipad, the signed part's blocks
// (with padding) and opad, digest: keys of up to 64 bytes, which is every key here.
const compressionsPerGuess = 7 + Math.ceil((signedPartBytes + 9) / 64);

const chromiumPath = findChromium();
if (chromiumPath === undefined) throw new Error('no Chromium found (see scripts/browser.mjs)');
const server = spawn('npx', ['astro', 'preview', '--port', String(PORT)], {
  env: { ...process.env, ASTRO_PREVIEW_BACKGROUND: '0' },
  stdio: 'ignore',
  detached: true,
});
const origin = `http://localhost:${PORT}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
let results;
try {
  await waitForServer(origin);
  type Run = Awaited<ReturnType<typeof guessInPage>>;
  const oneWorkerRuns: Run[] = [];
  const poolRuns: Run[] = [];
  for (let run = 0; run < BROWSER_RUNS; run++) {
    oneWorkerRuns.push(await guessInPage(browser, { cores: 1 }));
    poolRuns.push(await guessInPage(browser, { sampleMemory: true }));
  }
  const fastest = <T extends { rate: number }>(runs: T[]) =>
    runs.reduce((best, run) => (run.rate > best.rate ? run : best));
  const growth = (run: Run) => run.memory!.lastThirdPeakMb - run.memory!.firstThirdPeakMb;
  const oneWorker = { ...fastest(oneWorkerRuns), runs: oneWorkerRuns.map((r) => r.rate) };
  const pool = {
    ...fastest(poolRuns),
    runs: poolRuns.map((r) => r.rate),
    memory: poolRuns.reduce((most, run) => (growth(run) > growth(most) ? run : most)).memory,
  };
  const fallback = await guessInPage(browser, { cores: 1, blockWasm: true });
  const noble = await nobleInPage(browser);
  results = { oneWorker, pool, fallback, noble };
} finally {
  await browser.close();
  if (server.pid !== undefined) process.kill(-server.pid);
  rmSync(temp, { recursive: true, force: true });
}
const { oneWorker, pool, fallback, noble } = results;
const ssl = openssl();
const loadAtEnd = load();

const itsdangerousRate = python.itsdangerous.tried / python.itsdangerous.wall_seconds;
const hmacRate = python.hmac.tried / python.hmac.wall_seconds;
const floor = ssl.compressionsPerSecond / compressionsPerGuess;
const memory = pool.memory!;
const checks = {
  one_worker_at_least_40x_itsdangerous: oneWorker.rate / itsdangerousRate >= 40,
  pool_at_least_1_7x_one_worker: pool.rate / oneWorker.rate >= 1.7,
  rockyou_sized_list_completed: pool.tried === LINES && fallback.tried === LINES,
  // Flat: memory in the last third of the run is within a tenth of the file's size of what it
  // was in the first third (a run that kept what it read would grow by the whole file).
  memory_flat: memory.lastThirdPeakMb - memory.firstThirdPeakMb < listBytes / 2 ** 20 / 10,
};
const sides = [
  ['SIMD kernel, one worker', oneWorker.rate, oneWorker.tried],
  [`SIMD kernel, pool of ${pool.workers} workers`, pool.rate, pool.tried],
  ['JavaScript fallback kernel, one worker', fallback.rate, fallback.tried],
  ['@noble/hashes loop (before the kernels), one worker', noble.rate, noble.tried],
  ['Python itsdangerous loop (flask-unsign)', itsdangerousRate, python.itsdangerous.tried],
  ['Python raw hmac loop', hmacRate, python.hmac.tried],
  [`floor: OpenSSL SHA-1, one core, ${compressionsPerGuess} compressions per guess`, floor, 0],
] as const;

const result = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memory_gib: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    load_average_at_start: loadAtStart,
    load_average_at_end: loadAtEnd,
  },
  versions: {
    node: process.version,
    chromium: oneWorker.version,
    python: python.setup.python,
    flask: python.setup.flask,
    itsdangerous: python.setup.itsdangerous,
    openssl: ssl.version,
  },
  workload: {
    cookie,
    signed_part_bytes: signedPartBytes,
    compressions_per_guess: compressionsPerGuess,
    word_list_lines: LINES,
    word_list_bytes: listBytes,
    python_and_noble_keys: PYTHON_KEYS,
  },
  method: `Browser rates are the ones the page reports (keys tried ÷ the run’s wall time, from Start to the last chunk), nothing found so every key is tried; one worker and the pool: the fastest of ${BROWSER_RUNS} alternating runs each (all in browser_runs), the fallback one run; Python rates are wall-clock over one pass; the floor is openssl speed -bytes 16384 sha1 (bytes per second ÷ 64 = compressions per second) ÷ compressions per guess`,
  browser_runs: { one_worker: oneWorker.runs, pool: pool.runs },
  keys_per_second: Object.fromEntries(sides.map(([name, rate]) => [name, Math.round(rate)])),
  ratios: {
    one_worker_over_itsdangerous: round(oneWorker.rate / itsdangerousRate, 1),
    pool_over_itsdangerous: round(pool.rate / itsdangerousRate, 1),
    pool_over_one_worker: round(pool.rate / oneWorker.rate),
    fallback_over_itsdangerous: round(fallback.rate / itsdangerousRate, 1),
    noble_over_itsdangerous: round(noble.rate / itsdangerousRate, 2),
    one_worker_share_of_floor: round(oneWorker.rate / floor),
  },
  floor: {
    openssl_sha1_compressions_per_second: Math.round(ssl.compressionsPerSecond),
    keys_per_second_one_core: Math.round(floor),
  },
  memory,
  checks,
};

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/crack.json', `${JSON.stringify(result, null, 2)}\n`);
const times = (rate: number) =>
  `${round(rate / itsdangerousRate, rate > itsdangerousRate * 10 ? 0 : 1)}×`;
const markdown = [
  '# Guessing a weak secret: keys per second',
  '',
  `${result.date} · ${result.machine.cpu} · ${result.machine.cores} cores · load average ${loadAtStart.join(' / ')} at start, ${loadAtEnd.join(' / ')} at end`,
  `Chromium ${oneWorker.version} · Node ${process.version} · Python ${python.setup.python} (Flask ${python.setup.flask}, itsdangerous ${python.setup.itsdangerous}) · ${ssl.version}`,
  '',
  `Cookie: signed by Flask with a random key, signed part ${signedPartBytes} bytes, so ${compressionsPerGuess} SHA-1 compressions per guess. Browser runs: a generated word list of ${n(LINES)} lines (${n(listBytes)} bytes, rockyou-sized) through the built page; the noble loop and Python: its first ${n(PYTHON_KEYS)} keys. Nothing is found, every key is tried.`,
  '',
  '| side | keys tried | keys/s | × itsdangerous loop |',
  '|---|---:|---:|---:|',
  ...sides.map(
    ([name, rate, tried]) =>
      `| ${name} | ${tried === 0 ? '–' : n(tried)} | ${n(rate)} | ${times(rate)} |`,
  ),
  '',
  `One worker and the pool: the fastest of ${BROWSER_RUNS} alternating runs each (one worker ${oneWorker.runs.map(n).join(' and ')}, pool ${pool.runs.map(n).join(' and ')} keys/s). Pool ÷ one worker: **${result.ratios.pool_over_one_worker}×**. One worker reaches ${Math.round(result.ratios.one_worker_share_of_floor * 100)}% of OpenSSL's single-core SHA-1 rate (${n(ssl.compressionsPerSecond)} compressions/s on 16 KiB buffers).`,
  '',
  `Memory during the pool run that grew most (resident anonymous and shared memory of all Chromium processes, ${memory.samples} samples): ${memory.baselineMb} MiB before Start, at most ${memory.firstThirdPeakMb} MiB in the first third of the run and ${memory.lastThirdPeakMb} MiB in the last third while reading the ${round(listBytes / 2 ** 20, 1)} MiB list, ${memory.endMb} MiB at the end.`,
  '',
  `Checks: ${Object.entries(checks)
    .map(([name, ok]) => `${name.replace(/_/g, ' ')}: ${ok ? 'yes' : '**no**'}`)
    .join(' · ')}.`,
  '',
].join('\n');
writeFileSync('bench/results/crack.md', markdown);
process.stdout.write(markdown);

/** Writes `lines` random lowercase/digit keys of 5 to 12 characters; returns the file's bytes. */
function writeWordList(path: string, lines: number): number {
  let seed = 15;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const file = openSync(path, 'w');
  const buffer = Buffer.alloc(16 * 1024 * 1024);
  let used = 0;
  let total = 0;
  for (let line = 0; line < lines; line++) {
    if (used > buffer.length - 32) {
      total += writeSync(file, buffer, 0, used);
      used = 0;
    }
    const length = 5 + Math.floor(random() * 8);
    for (let i = 0; i < length; i++)
      buffer[used++] = alphabet.charCodeAt(Math.floor(random() * 36));
    buffer[used++] = 0x0a;
  }
  total += writeSync(file, buffer, 0, used);
  closeSync(file);
  return total;
}

function byteOffsetOfLine(path: string, line: number): number {
  const bytes = readFileSync(path);
  let at = 0;
  for (let i = 0; i < line; i++) at = bytes.indexOf(0x0a, at) + 1;
  return at;
}

/** Runs bench/crack_py.py over the list: the cookie, then the itsdangerous and hmac loops. */
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
  type Loop = { tried: number; found: string | null; wall_seconds: number; cpu_seconds: number };
  const setup = (await next()) as {
    python: string;
    flask: string;
    itsdangerous: string;
    cookie: string;
  };
  const itsdangerous = (await next()) as Loop;
  const hmac = (await next()) as Loop;
  return { setup, itsdangerous, hmac };
}

async function openInspector(page: Page) {
  await page.goto(`${origin}/tools/cookie-inspector/`);
  await page.getByLabel('Cookie value or header').fill(cookie);
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await page.locator('section#decode').getByRole('status').filter({ hasText: /./ }).waitFor();
}

/** One run of the page's guesser over the big list; `cores` overrides hardwareConcurrency. */
async function guessInPage(
  browser: Browser,
  options: { cores?: number; blockWasm?: boolean; sampleMemory?: boolean },
) {
  const context = await browser.newContext();
  if (options.cores !== undefined) {
    await context.addInitScript(
      `Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${options.cores} });`,
    );
  }
  if (options.blockWasm === true) await context.route('**/*.wasm', (route) => route.abort());
  const page = await context.newPage();
  await openInspector(page);
  const guess = page.locator('section#guess');
  await guess.getByLabel(/^Built-in list/).uncheck();
  await guess.getByLabel(/^Or a word list file/).setInputFiles(bigList);
  await guess.getByText(/read a chunk at a time while guessing/).waitFor();
  let sampler: ReturnType<typeof sampleMemory> | null = null;
  if (options.sampleMemory === true) sampler = sampleMemory();
  await guess.getByRole('button', { name: 'Start guessing' }).click();
  const outcome = guess.locator('.ci-result').filter({ hasText: /^Not found|^Found/ });
  await outcome.waitFor({ timeout: 30 * 60 * 1000 });
  const memory = sampler === null ? null : await sampler.stop();
  const text = (await outcome.textContent()) ?? '';
  const match =
    /Tried ([\d,]+) keys in ([\d.]+) s, ([\d,]+) keys per second, with (.+) in (\d+) background/.exec(
      text,
    );
  if (match === null) throw new Error(`unexpected result: ${text}`);
  const number = (digits: string) => Number(digits.replace(/,/g, ''));
  await context.close();
  return {
    version: browser.version(),
    tried: number(match[1]!),
    seconds: Number(match[2]),
    rate: number(match[3]!),
    kernel: match[4]!,
    workers: Number(match[5]),
    memory,
  };
}

/** The old loop: `@noble/hashes` per key in a worker of its own, bundled here. */
async function nobleInPage(browser: Browser) {
  const bundle = await build({
    entryPoints: ['bench/lib/noble-guess-worker.ts'],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
  });
  const context = await browser.newContext();
  await context.route('**/bench-noble-worker.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text }),
  );
  const page = await context.newPage();
  await page.goto(`${origin}/tools/cookie-inspector/`);
  const keys = readFileSync(smallList, 'utf8');
  const { tried, ms } = await page.evaluate(
    ({ cookie, keys }) =>
      new Promise<{ tried: number; ms: number }>((resolve, reject) => {
        const worker = new Worker('/bench-noble-worker.js', { type: 'module' });
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage({ cookie, keys });
      }),
    { cookie, keys },
  );
  await context.close();
  return { tried, rate: tried / (ms / 1000) };
}

/** Samples the resident anonymous and shared memory (MiB) of this process's Chromium descendants every 250 ms. */
function sampleMemory() {
  const rss = () => {
    const parents = new Map<number, number>();
    const names = new Map<number, string>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
        parents.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
      } catch {
        // gone meanwhile
      }
    }
    const descends = (pid: number): boolean => {
      for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p))
        if (p === process.pid) return true;
      return false;
    };
    let kb = 0;
    for (const [pid, name] of names) {
      if (!/chrom/i.test(name) || !descends(pid)) continue;
      try {
        // Anonymous and shared memory: file pages the browser maps while reading the list are
        // the kernel's page cache, not memory the tab holds.
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        for (const field of ['RssAnon', 'RssShmem']) {
          kb += Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
        }
      } catch {
        // gone meanwhile
      }
    }
    return kb / 1024;
  };
  const baseline = rss();
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rss()), 250);
  return {
    async stop() {
      clearInterval(timer);
      const end = rss();
      const third = Math.max(1, Math.floor(samples.length / 3));
      const peak = (values: number[]) => Math.round(Math.max(0, ...values));
      return {
        baselineMb: Math.round(baseline),
        firstThirdPeakMb: peak(samples.slice(0, third)),
        lastThirdPeakMb: peak(samples.slice(-third)),
        endMb: Math.round(end),
        samples: samples.length,
      };
    },
  };
}

async function waitForServer(url: string) {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`${url}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not start on ${url}`);
}

/** OpenSSL's SHA-1 rate on 16 KiB buffers, in 64-byte compressions per second (3 s run). */
function openssl() {
  const run = spawnSync('openssl', ['speed', '-seconds', '3', '-bytes', '16384', 'sha1'], {
    encoding: 'utf8',
  });
  const out = `${run.stdout}${run.stderr}`;
  const match =
    /Doing sha1 (?:for|ops for) \d+s on 16384 size blocks: (\d+) sha1(?:'s| ops) in ([\d.]+)s/.exec(
      out,
    );
  if (match === null) throw new Error(`unexpected openssl output:\n${out}`);
  const bytesPerSecond = (Number(match[1]) * 16384) / Number(match[2]);
  return {
    version: execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim(),
    compressionsPerSecond: bytesPerSecond / 64,
  };
}
