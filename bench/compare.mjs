// npm run bench:compare
//
// Builds this site, a minimal Starlight site and a minimal Docusaurus site holding the same lesson
// (the prose of content/lessons/flask-session.mdx, its code sample as a fenced Python block and its
// execution steps as a plain table), serves each output folder with the same static server, and
// measures the lesson page of each: JavaScript loaded with the page, total transfer, requests,
// cold build time and the Lighthouse mobile performance score (median of BENCH_RUNS, default 3).
// Writes bench/results/compare.{json,md}.
//
// Starlight and Docusaurus are installed from the npm registry at run time into a temp folder
// outside the repository (versions pinned below), and removed afterwards. A tool that fails to
// install or build is reported with its error in the results; the script then exits non-zero.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { combineRuns, runLighthouse, CATEGORIES } from './lib/lighthouse.mjs';
import { packageVersion, warnIfBusy } from './lib/machine.mjs';
import { launchBrowser, measurePage } from './lib/measure.mjs';
import { readLesson } from './lib/lesson-source.mjs';
import { assertNodeVersion, makeTempDir, run, tail } from './lib/process.mjs';
import { duration, kb, markdownTable } from './lib/format.mjs';
import { writeResults } from './lib/results.mjs';
import { SERVER_DESCRIPTION, serveDirectory, statusOf } from './lib/serve.mjs';
import { buildCount, buildSite, coldBuildRounds, REFERENCE_LESSON } from './lib/site.mjs';

assertNodeVersion();
warnIfBusy();

/** Exact versions, so a re-run measures the same software. Update deliberately, all at once. */
const STARLIGHT_DEPENDENCIES = {
  '@astrojs/starlight': '0.42.4',
  astro: '7.3.5',
};
const DOCUSAURUS_DEPENDENCIES = {
  '@docusaurus/core': '3.10.2',
  '@docusaurus/preset-classic': '3.10.2',
  '@mdx-js/react': '3.1.1',
  clsx: '2.1.1',
  'prism-react-renderer': '2.4.1',
  react: '19.3.1',
  'react-dom': '19.3.1',
};

const runs = Number(process.env.BENCH_RUNS ?? 3);
const builds = buildCount();
const startedAt = new Date();
const lesson = readLesson(REFERENCE_LESSON.file);
const page = lessonMarkdown(lesson.frontmatter, lesson.body);

/**
 * Strings each measured page must show, so a broken conversion (a table or code block that did
 * not render) cannot pass as a light page: a sentence of the prose, a line of the code sample and
 * the last step's output.
 */
const contentChecks = [
  // Letters and punctuation only: Markdown renderers may turn quotes into curly ones.
  lesson.body
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 40 && /^[A-Za-z ,.]+$/.test(line)),
  lesson.frontmatter.code.source
    .split('\n')
    .find((line) => line.includes('session['))
    ?.trim(),
  lesson.frontmatter.execution.steps.at(-1).output,
].filter(Boolean);

/**
 * The lesson as plain Markdown for the other two tools: frontmatter title and description, the
 * MDX body (plain prose and inline code, valid CommonMark), the code sample as a fenced block with
 * its file name, and the execution steps as a table. No frontmatter-driven parts (concept flow,
 * key moments, quiz, snapshot): those exist only on our page.
 */
function lessonMarkdown(frontmatter, body) {
  const { code, execution } = frontmatter;
  const cell = (text) => `\`${String(text).replace(/\|/g, '\\|')}\``;
  const rows = execution.steps.map(
    (step) =>
      `| ${step.request} | ${cell(step.before)} | ${cell(step.action)} | ${cell(step.after)} | ${cell(step.output)} |`,
  );
  return [
    '---',
    `title: ${JSON.stringify(frontmatter.title)}`,
    `description: ${JSON.stringify(frontmatter.summary)}`,
    '---',
    '',
    body.trim(),
    '',
    '## Code',
    '',
    `\`\`\`${code.language} title="${code.filename}"`,
    code.source.trimEnd(),
    '```',
    '',
    code.caption,
    '',
    '## Execution, request by request',
    '',
    '| Request | Session before | Action | Session after | Output |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    execution.note,
    '',
  ].join('\n');
}

/** The two other tools: project files, how to build, where the output and the lesson page are. */
const competitors = [
  {
    name: 'Starlight',
    version: `@astrojs/starlight ${STARLIGHT_DEPENDENCIES['@astrojs/starlight']}, astro ${STARLIGHT_DEPENDENCIES.astro}`,
    dependencies: STARLIGHT_DEPENDENCIES,
    files: {
      'astro.config.mjs': [
        "import { defineConfig } from 'astro/config';",
        "import starlight from '@astrojs/starlight';",
        '',
        "export default defineConfig({ trailingSlash: 'always', integrations: [starlight({ title: 'Lessons' })] });",
        '',
      ].join('\n'),
      'src/content.config.mjs': [
        "import { defineCollection } from 'astro:content';",
        "import { docsLoader } from '@astrojs/starlight/loaders';",
        "import { docsSchema } from '@astrojs/starlight/schema';",
        '',
        'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
        '',
      ].join('\n'),
      'src/content/docs/lessons/flask-session.md': page,
    },
    build: ['node_modules/astro/bin/astro.mjs', 'build'],
    // Deleted before every build: output, generated types, Astro's content cache. Vite's
    // dependency pre-bundle (node_modules/.vite) stays, as it does for our site (coldBuildRounds).
    caches: ['dist', '.astro', 'node_modules/.astro'],
    outDir: 'dist',
    path: REFERENCE_LESSON.path,
  },
  {
    name: 'Docusaurus',
    version: `@docusaurus/core ${DOCUSAURUS_DEPENDENCIES['@docusaurus/core']}, react ${DOCUSAURUS_DEPENDENCIES.react}`,
    dependencies: DOCUSAURUS_DEPENDENCIES,
    files: {
      // CommonJS config: the most widely supported form. `format: 'detect'` reads .md files as
      // CommonMark rather than MDX, as Starlight does.
      'docusaurus.config.js': [
        'module.exports = {',
        "  title: 'Lessons',",
        "  url: 'http://localhost',",
        "  baseUrl: '/',",
        '  trailingSlash: true,',
        "  onBrokenLinks: 'warn',",
        "  markdown: { format: 'detect' },",
        "  presets: [['classic', { docs: { routeBasePath: 'lessons' }, blog: false, pages: false }]],",
        '};',
        '',
      ].join('\n'),
      'docs/flask-session.md': page,
    },
    build: ['node_modules/@docusaurus/core/bin/docusaurus.mjs', 'build'],
    // Deleted before every build: output, generated code, webpack's persistent build cache.
    caches: ['build', '.docusaurus', 'node_modules/.cache'],
    outDir: 'build',
    path: REFERENCE_LESSON.path,
  },
];

/**
 * How to run npm: the npm that started this script (npm_execpath) on this script's Node, else
 * `npm` from PATH. The variables npm sets for its scripts (`npm_*`, lower case) are dropped: one of
 * them, npm_config_local_prefix, points at this repository and would make the child npm install
 * into it. User settings (~/.npmrc, NPM_CONFIG_* in upper case) still apply.
 */
function npmInvocation() {
  const execPath = process.env.npm_execpath;
  const command = execPath?.endsWith('npm-cli.js') ? [process.execPath, execPath] : ['npm'];
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')),
  );
  return { command, env };
}

/**
 * Writes a competitor's project into `dir` and installs it; returns the install time, the versions
 * npm actually installed and `build()`, which clears the output and build caches and builds once
 * (resolving with the wall time in ms).
 */
async function prepare(competitor, dir) {
  const packageJson = {
    name: `bench-${competitor.name.toLowerCase()}`,
    private: true,
    dependencies: competitor.dependencies,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  for (const [file, text] of Object.entries(competitor.files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const npm = npmInvocation();
  console.log(
    `Installing ${competitor.name} (${competitor.version}) in ${dir}; this takes minutes …`,
  );
  const install = await run(
    npm.command[0],
    [...npm.command.slice(1), 'install', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: dir, env: npm.env, timeoutMs: 20 * 60_000 },
  ).catch((error) => {
    throw new Error(`npm install failed: ${error.message}`);
  });
  console.log(`Installed in ${duration(install.durationMs)}.`);
  const buildEnv = { ...npm.env, ASTRO_TELEMETRY_DISABLED: '1', NO_UPDATE_NOTIFIER: '1' };
  const build = async () => {
    for (const cache of competitor.caches) {
      rmSync(join(dir, cache), { recursive: true, force: true });
    }
    const result = await run(process.execPath, competitor.build, {
      cwd: dir,
      env: buildEnv,
      timeoutMs: 10 * 60_000,
    });
    return result.durationMs;
  };
  const installed = Object.fromEntries(
    Object.keys(competitor.dependencies).map((name) => [name, installedVersion(dir, name)]),
  );
  return { installMs: install.durationMs, installed, build };
}

function installedVersion(dir, name) {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'))
      .version;
  } catch {
    return null;
  }
}

/** Measures one built site's lesson page: transfer in Chromium, then Lighthouse mobile runs. */
async function measureSite(browser, site) {
  const server = await serveDirectory(site.outDir);
  try {
    const url = server.url(site.path);
    const status = await statusOf(url);
    if (status !== 200) throw new Error(`${url} answered HTTP ${status}`);
    console.log(`Measuring ${site.name} ${site.path} …`);
    const transfer = await measurePage(browser, url, { expectTexts: contentChecks });
    if (transfer.missingTexts.length > 0) {
      throw new Error(`${url} lacks lesson content: ${transfer.missingTexts.join(' / ')}`);
    }
    const single = [];
    for (let i = 1; i <= runs; i++) {
      process.stdout.write(`  Lighthouse mobile run ${i}/${runs} … `);
      const result = await runLighthouse(url, { formFactor: 'mobile' }).catch((error) => ({
        error: String(error?.message ?? error),
      }));
      console.log(result.error ? `error: ${result.error}` : result.scores.performance);
      single.push(result);
    }
    return { transfer, lighthouse: { ...combineRuns(single), single } };
  } finally {
    await server.close();
  }
}

const work = makeTempDir('compare');
const sites = [];
let browser;
try {
  const ours = {
    name: 'This site',
    version: `astro ${packageVersion('astro')}, @astrojs/preact ${packageVersion('@astrojs/preact')}`,
    outDir: join(work.dir, 'ours'),
    path: REFERENCE_LESSON.path,
  };
  // The comparison is at the root path for every site, whatever BASE_PATH the shell has.
  ours.build = () => {
    rmSync(ours.outDir, { recursive: true, force: true });
    return buildSite({
      outDir: ours.outDir,
      env: { BASE_PATH: undefined, SITE_URL: undefined, ASTRO_TELEMETRY_DISABLED: '1' },
    });
  };
  sites.push(ours);

  for (const competitor of competitors) {
    const dir = join(work.dir, competitor.name.toLowerCase());
    mkdirSync(dir);
    const site = {
      name: competitor.name,
      version: competitor.version,
      outDir: join(dir, competitor.outDir),
      path: competitor.path,
    };
    try {
      Object.assign(site, await prepare(competitor, dir));
    } catch (error) {
      site.failed = { stage: 'install', error: error.message };
      console.error(`${competitor.name}: ${error.message}`);
    }
    sites.push(site);
  }

  const buildable = sites.filter((site) => !site.failed);
  const timings = await coldBuildRounds(
    buildable.map((site) => ({ label: site.name, build: site.build })),
    builds,
  );
  for (const [index, site] of buildable.entries()) {
    const { error, ...timing } = timings[index];
    if (error) {
      site.failed = { stage: 'build', error: error.message };
      console.error(`${site.name}: build failed: ${error.message}`);
    } else {
      Object.assign(site, timing);
    }
  }

  browser = await launchBrowser();
  for (const site of sites.filter((s) => !s.failed)) {
    try {
      Object.assign(site, await measureSite(browser, site));
    } catch (error) {
      site.failed = { stage: 'measure', error: error.message };
      console.error(`${site.name}: ${error.message}`);
    }
  }

  const { markdownPath, jsonPath } = writeResults('compare', {
    title: 'This site vs Starlight vs Docusaurus: the same lesson',
    startedAt,
    data: {
      runsPerSite: runs,
      buildsPerSite: builds,
      server: SERVER_DESCRIPTION,
      lessonMarkdown: page,
      sites: sites.map(({ outDir: _outDir, build: _build, ...site }) => site),
    },
    body: markdown(sites),
  });
  console.log(`\nWrote ${markdownPath} and ${jsonPath}`);
  const failed = sites.filter((site) => site.failed);
  if (failed.length > 0) {
    throw new Error(
      `not measured: ${failed.map((s) => `${s.name} (${s.failed.stage})`).join(', ')}`,
    );
  }
} catch (error) {
  console.error(`bench:compare failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  work.remove();
}

function markdown(sites) {
  const measured = sites.filter((site) => !site.failed);
  const value = (read) => measured.map(read);
  const rows = [
    ['Version', ...value((s) => s.version)],
    [
      `Build time, cold (fastest of ${builds}; all runs)`,
      ...value((s) => `${duration(s.buildMs)} (${s.buildsMs.map(duration).join(', ')})`),
    ],
    ['JS on load, transferred (gzip)', ...value((s) => kb(s.transfer.load.jsTransferBytes))],
    ['JS on load, uncompressed', ...value((s) => kb(s.transfer.load.jsBytes))],
    ['JS files on load', ...value((s) => s.transfer.load.jsRequests)],
    ['Inline script in the HTML (uncompressed)', ...value((s) => kb(s.transfer.inlineScriptBytes))],
    ['Total transfer on load', ...value((s) => kb(s.transfer.load.transferBytes))],
    ['Requests on load', ...value((s) => s.transfer.load.requests)],
    [
      'JS after scrolling to the bottom, transferred',
      ...value((s) => kb(s.transfer.afterScroll.jsTransferBytes)),
    ],
    [
      `Lighthouse mobile performance (median of ${runs})`,
      ...value((s) => s.lighthouse.scores.performance ?? 'error'),
    ],
    [
      'Lighthouse mobile a11y / best practices / SEO',
      ...value((s) =>
        CATEGORIES.slice(1)
          .map((id) => s.lighthouse.scores[id] ?? '–')
          .join(' / '),
      ),
    ],
    [
      'Lighthouse mobile audits that cost points (runs failed)',
      ...value(
        (s) =>
          s.lighthouse.failingAudits
            .filter((audit) => audit.weight > 0)
            .map((audit) => `${audit.title} (${audit.failedRuns}/${s.lighthouse.okRuns})`)
            .join('; ') || 'none',
      ),
    ],
    [
      'Lighthouse mobile FCP / LCP / TBT',
      ...value((s) =>
        [s.lighthouse.metrics.fcpMs, s.lighthouse.metrics.lcpMs, s.lighthouse.metrics.tbtMs]
          .map(duration)
          .join(' / '),
      ),
    ],
  ];
  const failures = sites
    .filter((site) => site.failed)
    .map(
      (site) =>
        `### ${site.name} was not measured (${site.failed.stage} failed)\n\n` +
        '```text\n' +
        tail(site.failed.error, 60) +
        '\n```',
    );
  const scripts = measured.map(
    (site) =>
      `- ${site.name}: ${
        site.transfer.load.scripts
          .map((script) => `${new URL(script.url).pathname} ${kb(script.transferBytes)}`)
          .join(', ') || 'no script files'
      }`,
  );
  return [
    `The lesson page \`${REFERENCE_LESSON.path}\` of each site, built from the same lesson ` +
      '(`content/lessons/flask-session.mdx`). Starlight and Docusaurus get its prose, its code ' +
      'sample as a fenced Python block and its execution steps as a plain table, with their ' +
      'default theme and nothing else. This site renders the full lesson page (concept flow, key ' +
      'moments, quiz, snapshot, step player and the live session simulator as well), so its HTML ' +
      'is larger, and its islands download their code only when they scroll into view: the ' +
      '"after scrolling" row includes them. The other two stay text only.',
    '',
    markdownTable(['', ...measured.map((site) => site.name)], rows),
    '',
    failures.join('\n\n') || undefined,
    failures.length > 0 ? '' : undefined,
    'How it was measured:',
    '',
    `- Served by ${SERVER_DESCRIPTION}; the same server for all three.`,
    '- Transfer: the page opened once in a fresh Chromium context (412x823 viewport, no ' +
      'throttling) via playwright-core, counting every response until the network is idle after ' +
      'the load event. "Transferred" is the body as sent (gzip) and total transfer adds response ' +
      'headers; "uncompressed" is the decoded body. Inline scripts are part of the HTML and are ' +
      'listed separately. "After scrolling" adds what scrolling to the bottom fetched.',
    `- Build time: one unmeasured warm-up build, then ${builds} rounds of one cold build of each ` +
      'whole site in turn ' +
      "(output, generated code and build caches deleted before each: Astro's content cache, " +
      "Docusaurus' .docusaurus and webpack cache), wall clock including tool start-up; the " +
      'fastest is shown because other work on the machine only adds time. Starlight includes ' +
      'its Pagefind search index.',
    `- Lighthouse: mobile preset, ${runs} runs, medians.`,
    '',
    'Script files loaded with the page:',
    '',
    ...scripts,
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}
