// Describes the machine and tool versions a benchmark ran with, for the results files.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { findChromium } from '../../scripts/browser.mjs';
import { repoRoot } from './site.mjs';

/** Version of an installed package of this repository, or null when it is not installed. */
export function packageVersion(name) {
  try {
    const file = `${repoRoot}node_modules/${name}/package.json`;
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return null;
  }
}

function osName() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
    if (pretty) return `${pretty}, kernel ${os.release()}`;
  } catch {
    // Not Linux, or no os-release: fall back to Node's description.
  }
  return `${os.type()} ${os.release()}`;
}

function chromiumVersion() {
  const path = findChromium();
  if (!path) return null;
  try {
    // The Debian wrapper prints a harmless shell warning on stderr; only stdout is the version.
    const out = execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return `${out.trim()} (${path})`;
  } catch {
    return path;
  }
}

/** CPU, cores, memory, OS and the versions of Node, Chromium and the measuring tools. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    arch: process.arch,
    node: process.version,
    chromium: chromiumVersion(),
    lighthouse: packageVersion('lighthouse'),
    playwrightCore: packageVersion('playwright-core'),
    astro: packageVersion('astro'),
  };
}

/** `machineInfo()` as Markdown list lines. */
export function machineMarkdown(info) {
  return [
    `- CPU: ${info.cpu}, ${info.cores} cores available, ${info.ramGiB} GiB RAM`,
    `- OS: ${info.os} (${info.arch})`,
    `- Node ${info.node}; Chromium: ${info.chromium ?? 'not found'}`,
    `- Lighthouse ${info.lighthouse}, playwright-core ${info.playwrightCore}, Astro ${info.astro}`,
  ].join('\n');
}

/**
 * Warns when the 1-minute load average already exceeds the number of cores: other work competes
 * for the CPU, so build times and Lighthouse's CPU-bound metrics (TBT) will come out worse and
 * noisier. The load at start and end is also written to the results.
 */
export function warnIfBusy() {
  const load = os.loadavg()[0];
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (load > cores) {
    console.warn(
      `WARNING: load average ${load.toFixed(2)} on ${cores} cores: other processes are busy, ` +
        'so timings will be noisy. Re-run on a quiet machine for figures worth comparing.',
    );
  }
}
