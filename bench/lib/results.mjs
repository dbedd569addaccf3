// Writes a benchmark's results to bench/results/<name>.json and <name>.md, and formats numbers
// and tables for the Markdown.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { machineInfo, machineMarkdown } from './machine.mjs';
import { repoRoot } from './site.mjs';

export const resultsDir = join(repoRoot, 'bench/results');

/**
 * The 1-minute load average when the benchmark started (this module is loaded at start). With the
 * one at the end it shows whether other work competed for the CPU during the run.
 */
const loadAtStart = loadavg()[0];

/** Environment variables that change what a benchmark does; recorded as part of the command. */
const settingVariables = [
  'BENCH_RUNS',
  'BENCH_BUILDS',
  'BENCH_SCALE_SIZES',
  'BASE_PATH',
  'CHROME_PATH',
];

/**
 * The command that started this script, as someone would type it to repeat the run: the npm
 * script when started through npm, otherwise `node <script> …`, with any setting variables first.
 */
export function commandLine() {
  const settings = settingVariables
    .filter((name) => process.env[name])
    .map((name) => `${name}=${process.env[name]}`);
  const extra = process.argv.slice(2);
  const event = process.env.npm_lifecycle_event;
  const command = event
    ? ['npm', 'run', event, ...(extra.length > 0 ? ['--', ...extra] : [])]
    : ['node', ...process.argv.slice(1).map((arg) => arg.replace(repoRoot, ''))];
  return [...settings, ...command].join(' ');
}

/**
 * Writes `<name>.json` (machine, command, date and `data`) and `<name>.md` (a heading, the same
 * facts, then `body`, a Markdown string) to bench/results/, and returns the two paths.
 * Earlier results are overwritten: git history keeps them.
 */
export function writeResults(name, { title, startedAt, data, body }) {
  const machine = {
    ...machineInfo(),
    loadAverage1m: { atStart: round2(loadAtStart), atEnd: round2(loadavg()[0]) },
  };
  const command = commandLine();
  const finishedAt = new Date();
  mkdirSync(resultsDir, { recursive: true });
  const jsonPath = join(resultsDir, `${name}.json`);
  const markdownPath = join(resultsDir, `${name}.md`);
  const header = {
    benchmark: name,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    command,
    machine,
  };
  writeFileSync(jsonPath, `${JSON.stringify({ ...header, ...data }, null, 2)}\n`);
  const markdown = [
    `# ${title}`,
    '',
    `Run ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC ` +
      `(${Math.round((finishedAt - startedAt) / 1000)} s) with \`${command}\`.`,
    '',
    machineMarkdown(machine),
    `- Load average (1 min): ${machine.loadAverage1m.atStart} at start, ` +
      `${machine.loadAverage1m.atEnd} at end (other processes share the ${machine.cores} cores; ` +
      'timings are only comparable within one run).',
    '',
    body.trim(),
    '',
  ].join('\n');
  writeFileSync(markdownPath, markdown);
  return { jsonPath, markdownPath };
}

function round2(value) {
  return Math.round(value * 100) / 100;
}
