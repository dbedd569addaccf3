// npm run bench:lighthouse
//
// Builds the site into a temp folder, serves it with the benchmarks' static server (gzip, like a
// real host), and runs Lighthouse 13 on every page of SITE_PAGES with the mobile and desktop
// presets, BENCH_RUNS times each (default 3). Writes the medians and every failing audit to
// bench/results/lighthouse.{json,md}. A listed page the build does not produce is skipped with a
// warning. Exits non-zero when the build fails, when no page could be measured, or when every
// run of a page errored; low scores do not fail the script (it measures, it does not gate).
import { combineRuns, runLighthouse, CATEGORIES } from './lib/lighthouse.mjs';
import { assertNodeVersion, makeTempDir } from './lib/process.mjs';
import { duration, kb, markdownTable } from './lib/format.mjs';
import { warnIfBusy } from './lib/machine.mjs';
import { writeResults } from './lib/results.mjs';
import { SERVER_DESCRIPTION, serveDirectory, statusOf } from './lib/serve.mjs';
import { basePath, buildSite, SITE_PAGES } from './lib/site.mjs';

assertNodeVersion();
warnIfBusy();

const runs = Number(process.env.BENCH_RUNS ?? 3);
const formFactors = ['mobile', 'desktop'];
const startedAt = new Date();
const base = basePath();

const out = makeTempDir('lighthouse-dist');
let server;
try {
  console.log(`Building the site into ${out.dir} (base ${base}) …`);
  const buildMs = await buildSite({ outDir: out.dir });
  console.log(`Built in ${duration(buildMs)}.`);
  server = await serveDirectory(out.dir, { base });

  const skipped = [];
  const pages = [];
  for (const page of SITE_PAGES) {
    const url = server.url(page.path);
    const status = await statusOf(url);
    if (status === 200) {
      pages.push({ ...page, url });
    } else {
      const warning = `Skipped ${page.name} (${page.path}): HTTP ${status}, the build has no such page.`;
      console.warn(`WARNING: ${warning}`);
      skipped.push({ ...page, status, warning });
    }
  }
  if (pages.length === 0) throw new Error('None of the pages in SITE_PAGES exists in the build.');

  const results = [];
  for (const page of pages) {
    for (const formFactor of formFactors) {
      const single = [];
      for (let i = 1; i <= runs; i++) {
        process.stdout.write(`Lighthouse ${page.name} ${formFactor} run ${i}/${runs} … `);
        const result = await runLighthouse(page.url, { formFactor }).catch((error) => ({
          error: String(error?.message ?? error),
        }));
        console.log(
          result.error
            ? `error: ${result.error}`
            : CATEGORIES.map((id) => result.scores[id]).join('/'),
        );
        single.push(result);
      }
      results.push({
        page: page.name,
        path: page.path,
        formFactor,
        ...combineRuns(single),
        single,
      });
    }
  }

  const { markdownPath, jsonPath } = writeResults('lighthouse', {
    title: 'Lighthouse',
    startedAt,
    data: { runsPerPreset: runs, base, buildMs, server: SERVER_DESCRIPTION, skipped, results },
    body: markdown({ results, skipped }),
  });
  console.log(`\nWrote ${markdownPath} and ${jsonPath}`);
  const dead = results.filter((result) => result.okRuns === 0);
  if (dead.length > 0) {
    throw new Error(
      `Every Lighthouse run failed for: ${dead.map((r) => `${r.page} ${r.formFactor}`).join(', ')}`,
    );
  }
} catch (error) {
  console.error(`bench:lighthouse failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await server?.close();
  out.remove();
}

function markdown({ results, skipped }) {
  const score = (value) => (value === null ? '–' : String(Math.round(value)));
  const table = markdownTable(
    [
      'Page',
      'Preset',
      'Perf',
      'A11y',
      'Best pr.',
      'SEO',
      'FCP',
      'LCP',
      'TBT',
      'CLS',
      'JS transferred',
      'Total transfer',
    ],
    results.map((r) => [
      `${r.page} \`${r.path}\``,
      r.formFactor,
      ...CATEGORIES.map((id) => score(r.scores[id])),
      duration(r.metrics.fcpMs),
      duration(r.metrics.lcpMs),
      duration(r.metrics.tbtMs),
      r.metrics.cls === null ? '–' : r.metrics.cls.toFixed(3),
      kb(r.jsTransferBytes),
      kb(r.totalTransferBytes),
    ]),
  );
  const auditLine = (r, a) =>
    `- **${a.title}** (\`${a.id}\`; ${a.categories.join(', ')}; failed in ${a.failedRuns}/` +
    `${r.okRuns} runs, scoring ${a.scores.join(', ')})${a.displayValue ? `: ${a.displayValue}` : ''}`;
  const failures = results.map((r) => {
    const weighted = r.failingAudits.filter((a) => a.weight > 0);
    const unweighted = r.failingAudits.filter((a) => a.weight === 0);
    const lines = [
      ...r.errors.map((error) => `- Lighthouse error: ${error}`),
      ...weighted.map((a) => auditLine(r, a)),
      ...(unweighted.length > 0
        ? ['- Weight 0 (shown as failing by Lighthouse, no effect on the score):']
        : []),
      ...unweighted.map((a) => `  ${auditLine(r, a)}`),
    ];
    return [
      `### ${r.page} \`${r.path}\`, ${r.formFactor}`,
      '',
      lines.length > 0 ? lines.join('\n') : 'Every scored audit passed in every run.',
    ].join('\n');
  });
  const benchmarkIndex = results
    .map((r) => r.benchmarkIndex)
    .filter((value) => value !== null)
    .map(Math.round);
  return [
    ...skipped.map((s) => `> **Warning:** ${s.warning}`),
    skipped.length > 0 ? '' : undefined,
    `Medians of ${results[0]?.runs ?? 0} runs per page and preset. Target: 100 in every category. ` +
      'Metrics from Lighthouse (mobile: simulated slow 4G and 4x CPU slowdown; desktop: its desktop preset). ' +
      'JS and total transfer as Lighthouse counts them (bytes on the wire, headers included).',
    '',
    table,
    '',
    `Server: ${SERVER_DESCRIPTION}.`,
    `Lighthouse's CPU benchmark index of this machine: ${
      benchmarkIndex.length > 0
        ? `${Math.min(...benchmarkIndex)} to ${Math.max(...benchmarkIndex)}`
        : 'not reported'
    } (higher is faster). The mobile preset slows the CPU 4x whatever ` +
      'the host, so on a slow host the mobile CPU metrics (TBT above all) come out pessimistic.',
    '',
    '## Failing audits',
    '',
    'Every audit that counts towards a category and scored below 1 in at least one run, with ' +
      'the value Lighthouse showed in the first run it failed.',
    '',
    failures.join('\n\n'),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}
