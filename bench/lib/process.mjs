// Child processes, temporary folders and clean-up for the benchmark scripts.
//
// Contract: every child process started through `run()` or `startDetached()` and every folder made
// by `makeTempDir()` is removed when the script ends, whether it ends normally, throws, or is
// interrupted (Ctrl-C, SIGTERM). Children run in their own process group so that grandchildren
// (npm -> node -> esbuild, the Chromium wrapper script -> chromium) are killed with them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Clean-up actions still pending, newest last. Each must be synchronous and must not throw. */
const pending = new Set();
let handlersInstalled = false;

/**
 * Registers a synchronous clean-up action; returns a function that runs it now (once) and
 * unregisters it. Pending actions run on SIGINT/SIGTERM and on process exit.
 */
export function onCleanup(action) {
  installHandlers();
  let done = false;
  const entry = () => {
    if (done) return;
    done = true;
    pending.delete(entry);
    try {
      action();
    } catch {
      // Clean-up is best effort: a folder already gone or a process already dead is fine.
    }
  };
  pending.add(entry);
  return entry;
}

function runAllCleanups() {
  for (const entry of [...pending].reverse()) entry();
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', runAllCleanups);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(
        `\nInterrupted (${signal}): stopping child processes and removing temp folders.`,
      );
      runAllCleanups();
      process.exit(130);
    });
  }
}

/** A fresh folder under the OS temp dir (never inside the repository), removed at exit. */
export function makeTempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `lesson-bench-${prefix}-`));
  const remove = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, remove };
}

/**
 * Sends `signal` to the whole process group led by `child` (started with `detached: true`). Done
 * even when the leader has exited: helpers it left behind (an esbuild service, a Chromium
 * zygote) are still in the group.
 */
function killGroup(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Starts a long-running child (a browser, a server) in its own process group and returns it with
 * `exited` (a promise of its exit), `stop()`, which kills the group at once (SIGKILL), and `shutdown(graceMs)`, which asks it to end
 * (SIGTERM), waits up to `graceMs` for the child to exit and then kills what is left. The group
 * is also killed at exit if neither was called.
 */
export function startDetached(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = onCleanup(() => killGroup(child, 'SIGKILL'));
  child.once('exit', () => stop());
  const shutdown = async (graceMs = 5000) => {
    killGroup(child, 'SIGTERM');
    let timer;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    stop();
  };
  return { child, exited, stop, shutdown };
}

/**
 * Runs a command to completion in its own process group and resolves with its exit code, wall
 * time and the tail of its combined output. Rejects (with that tail in the message) when the
 * command exits non-zero or runs longer than `timeoutMs`.
 * Output is echoed to our stderr when `echo` is true, so long installs show progress.
 */
export function run(command, args, { cwd, env, timeoutMs = 30 * 60_000, echo = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const { child, stop } = startDetached(command, args, {
      cwd,
      env: definedOnly(env ?? process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      stop();
      const result = {
        code,
        signal,
        durationMs: performance.now() - started,
        output: stripAnsi(output),
      };
      if (code === 0 && !timedOut) {
        resolve(result);
        return;
      }
      const reason = timedOut
        ? `timed out after ${Math.round(timeoutMs / 1000)} s`
        : `exited with ${code ?? signal}`;
      const error = new Error(
        `\`${[command, ...args].join(' ')}\` ${reason}; last output:\n${tail(result.output, 40)}`,
      );
      error.result = result;
      reject(error);
    });
  });
}

/** `env` without the keys whose value is undefined: that is how callers unset a variable. */
function definedOnly(env) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

/** The last `lines` lines of `text`. */
export function tail(text, lines) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function stripAnsi(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/**
 * Astro 7 and Lighthouse 13 need Node >= 22.19. The repository ships Node 24 as a devDependency
 * that `npm run` puts first on PATH; a bare `node bench/x.mjs` may pick an older system Node.
 */
export function assertNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 19)) return;
  console.error(
    `Node ${process.version} is too old for the benchmarks (need >= 22.19). ` +
      'Run them through npm (`npm run bench:…`), which uses the Node 24 from node_modules/.bin.',
  );
  process.exit(1);
}
