/**
 * `npm run bench:engine`: sign (dump) and verify (load) throughput of the TypeScript session
 * engine on Node against Flask's own serializer (itsdangerous) on /usr/bin/python3, same
 * machine, same sessions, one run. Writes bench/results/engine.json and engine.md.
 *
 * Rates are operations per CPU second of the measuring process (user + system time), so
 * other load on a shared machine barely distorts them; Python and Node batches alternate and
 * each rate is the best of several batches. The load average is recorded alongside.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import {
  dumpSessionCookie,
  loadSessionCookie,
  newDict,
  type PyDict,
  type PyValue,
} from '../src/lib/flask/index.ts';

const SECRET_KEY = 'dev-secret-key';
const TIMESTAMP = 1700000000;
const SECONDS = 0.5;
const ROUNDS = 5;

/** Sessions as JSON (for Python) — all of them plain JSON data, the same in both languages. */
const WORKLOADS: Record<string, Record<string, unknown>> = {
  counter: { count: 1 },
  typical: {
    _permanent: true,
    cart: ['apple', 'banana', 'pear'],
    csrf_token: '5f4dcc3b5aa765d61d8327deb882cf992b95f1a4',
    user: 'alice',
  },
  compressed: { cart: Array.from({ length: 30 }, (_, i) => `item-${i}`) },
};

type Operation = 'sign' | 'verify';
const OPERATIONS: readonly Operation[] = ['sign', 'verify'];

function asSession(value: Record<string, unknown>): PyDict {
  return Object.assign(newDict(), value as Record<string, PyValue>);
}

/** CPU microseconds this process has used (all threads, so garbage collection counts too). */
function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Operations per CPU second over a batch of about SECONDS of CPU time. */
async function nodeRate(operation: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const start = cpuMicros();
  for (;;) {
    for (let i = 0; i < 100; i++) await operation();
    count += 100;
    const elapsed = (cpuMicros() - start) / 1e6;
    if (elapsed >= SECONDS) return count / elapsed;
  }
}

/** The Python side: one process, one JSON request and reply per line (see engine_py.py). */
function startPython() {
  const child = spawn('/usr/bin/python3', ['bench/engine_py.py'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async ask<T>(message: unknown): Promise<T> {
      child.stdin.write(`${JSON.stringify(message)}\n`);
      const line = await lines.next();
      if (line.done === true) throw new Error('the Python benchmark stopped');
      return JSON.parse(line.value) as T;
    },
    stop: () => child.stdin.end(),
  };
}

interface PythonSetup {
  python: string;
  flask: string;
  itsdangerous: string;
  cookies: Record<string, string>;
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

const loadAverage = os.loadavg().map((x) => round(x));
const python = startPython();
const setup = await python.ask<PythonSetup>({ secret_key: SECRET_KEY, workloads: WORKLOADS });
const measured = await Promise.all(
  Object.entries(WORKLOADS).map(async ([name, value]) => {
    const dumped = await dumpSessionCookie(asSession(value), {
      secretKey: SECRET_KEY,
      timestamp: TIMESTAMP,
    });
    if (!dumped.ok) throw new Error(`${name}: ${dumped.message}`);
    return { name, session: asSession(value), cookie: dumped.cookie };
  }),
);
const best = new Map<string, number>();
const keep = (key: string, rate: number) => best.set(key, Math.max(best.get(key) ?? 0, rate));
for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
  for (const { name, session, cookie } of measured) {
    for (const operation of OPERATIONS) {
      const reply = await python.ask<{ per_second: number }>({
        workload: name,
        operation,
        seconds: SECONDS,
      });
      keep(`python ${name} ${operation}`, reply.per_second);
      const run =
        operation === 'sign'
          ? () => dumpSessionCookie(session, { secretKey: SECRET_KEY, timestamp: TIMESTAMP })
          : () => loadSessionCookie(cookie, { secretKey: SECRET_KEY, now: TIMESTAMP });
      keep(`node ${name} ${operation}`, await nodeRate(run));
    }
  }
}
python.stop();

const rate = (side: string, name: string, operation: Operation) =>
  best.get(`${side} ${name} ${operation}`) ?? 0;
const workloads = measured.map(({ name, cookie }) => ({
  workload: name,
  session: WORKLOADS[name],
  identical_cookies: cookie === setup.cookies[name],
  compressed: cookie.startsWith('.'),
  node_sign_per_second: Math.round(rate('node', name, 'sign')),
  python_sign_per_second: Math.round(rate('python', name, 'sign')),
  sign_ratio: round(rate('node', name, 'sign') / rate('python', name, 'sign')),
  node_verify_per_second: Math.round(rate('node', name, 'verify')),
  python_verify_per_second: Math.round(rate('python', name, 'verify')),
  verify_ratio: round(rate('node', name, 'verify') / rate('python', name, 'verify')),
}));
const result = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    load_average_at_start: loadAverage,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  },
  versions: {
    node: process.version,
    python: setup.python,
    flask: setup.flask,
    itsdangerous: setup.itsdangerous,
  },
  load_average_at_end: os.loadavg().map((x) => round(x)),
  method: `operations per CPU second (process user+system time), best of ${ROUNDS} alternating batches of ≥${SECONDS} CPU-s per operation and language; ratio = Node ÷ Python`,
  workloads,
};

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/engine.json', `${JSON.stringify(result, null, 2)}\n`);
const rows = workloads.map(
  (w) =>
    `| ${w.workload}${w.compressed ? ' (zlib)' : ''} | ${w.node_sign_per_second} | ${w.python_sign_per_second} | **${w.sign_ratio}×** | ${w.node_verify_per_second} | ${w.python_verify_per_second} | **${w.verify_ratio}×** |`,
);
const markdown = [
  '# Session engine throughput: TypeScript on Node vs Flask/itsdangerous on Python',
  '',
  `${result.date} · ${result.machine.cpu} · ${result.machine.cores} cores · load average ${loadAverage.join(' / ')} at start, ${result.load_average_at_end.join(' / ')} at end`,
  `Node ${result.versions.node} · Python ${result.versions.python} (Flask ${result.versions.flask}, itsdangerous ${result.versions.itsdangerous})`,
  '',
  'Sign = dump a session to a signed cookie; verify = load and check it (signature, age, payload).',
  `${result.method}. Cookies identical in both languages: ${workloads.every((w) => w.identical_cookies)}.`,
  '',
  '| workload | Node sign/CPU-s | Python sign/CPU-s | sign ratio | Node verify/CPU-s | Python verify/CPU-s | verify ratio |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
writeFileSync('bench/results/engine.md', markdown);
process.stdout.write(markdown);
