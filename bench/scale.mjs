// npm run bench:scale
//
// For each N of BENCH_SCALE_SIZES (default 10,100,500): writes N copies of the reference lesson
// (new file name, title and order; otherwise byte for byte the same, so each passes the strict
// schema) into a temp content folder, builds the site from it (LESSONS_DIR) into a temp output
// folder with a temp Astro cache, and records build time, pages built, and the weight of one lesson
// page and of the catalogue. Writes bench/results/scale.{json,md}.
//
// Contract checked (exit code 1 with a message when broken): a lesson page's weight (HTML + CSS +
// JS it loads) does not grow with the number of lessons. Only the catalogue may grow; its growth
// per lesson is reported.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLesson, withTitleAndOrder } from './lib/lesson-source.mjs';
import { pageWeight } from './lib/page-weight.mjs';
import { assertNodeVersion, makeTempDir } from './lib/process.mjs';
import { duration, kb, markdownTable } from './lib/format.mjs';
import { warnIfBusy } from './lib/machine.mjs';
import { writeResults } from './lib/results.mjs';
import { buildCount, buildSite, coldBuildRounds, REFERENCE_LESSON } from './lib/site.mjs';

assertNodeVersion();
warnIfBusy();

const sizes = (process.env.BENCH_SCALE_SIZES ?? '10,100,500')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
if (sizes.some((n) => !Number.isInteger(n) || n < 6)) {
  console.error('BENCH_SCALE_SIZES must list whole numbers of at least 6, e.g. 10,100,500.');
  process.exit(1);
}

/**
 * The lesson weighed at every N. Not the first or last, so its page always has a previous and a
 * next lesson and its pager looks the same at every N.
 */
const probeIndex = 5;

/**
 * Growth of a lesson page allowed between the smallest and the largest N, in bytes. Enough for a
 * page to print the lesson count ("5 of 500" is two bytes longer than "5 of 10"), far below what
 * anything listing the lessons would add (tens of bytes per lesson, so kilobytes at N = 500).
 */
const LESSON_GROWTH_TOLERANCE_BYTES = 256;

const builds = buildCount();
const id = (index) => `lesson-${String(index).padStart(4, '0')}`;
const startedAt = new Date();
const reference = readLesson(REFERENCE_LESSON.file);
/** The sites to build: lesson count, content folder, output folder. */
const sites = [];
/** What each build measured, in `sites` order. */
const results = [];

const folders = [];
try {
  // All sizes are written first and built in rounds (see coldBuildRounds), so a burst of other
  // work on the machine does not land on one size only.
  for (const count of sizes) {
    const content = makeTempDir(`scale-${count}-content`);
    const out = makeTempDir(`scale-${count}-dist`);
    folders.push(content, out);
    for (let index = 1; index <= count; index++) {
      const title = `Synthetic lesson ${String(index).padStart(4, '0')}`;
      writeFileSync(
        join(content.dir, `${id(index)}.mdx`),
        withTitleAndOrder(reference, { title, order: index }),
      );
    }
    sites.push({ lessons: count, content: content.dir, outDir: out.dir });
  }
  const timings = await coldBuildRounds(
    sites.map((result) => ({
      label: `${result.lessons} lessons`,
      build: () => {
        rmSync(result.outDir, { recursive: true, force: true });
        return buildSite({
          outDir: result.outDir,
          env: { LESSONS_DIR: result.content, BASE_PATH: undefined, SITE_URL: undefined },
        });
      },
    })),
    builds,
  );

  for (const [index, result] of sites.entries()) {
    const { error, ...timing } = timings[index];
    if (error) throw new Error(`the build with ${result.lessons} lessons failed: ${error.message}`);
    const { lessons: count, outDir } = result;
    const pages = countHtml(outDir);
    const lessonPages = readdirSync(join(outDir, 'lessons')).length;
    if (lessonPages !== count) {
      throw new Error(`built ${lessonPages} lesson pages from ${count} lessons`);
    }
    const lesson = pageWeight(outDir, `/lessons/${id(probeIndex)}/`);
    const catalogue = pageWeight(outDir, '/');
    console.log(
      `${count} lessons: fastest build ${duration(timing.buildMs)}, ${pages} pages, ` +
        `lesson page ${kb(lesson.total.bytes)}, catalogue ${kb(catalogue.total.bytes)}`,
    );
    results.push({
      lessons: count,
      ...timing,
      buildMsPerLesson: timing.buildMs / count,
      pages,
      lesson,
      catalogue,
    });
  }

  const first = results[0];
  const last = results.at(-1);
  const lessonGrowth = last.lesson.total.bytes - first.lesson.total.bytes;
  const lessonsAdded = last.lessons - first.lessons;
  const summary = {
    lessonGrowthBytes: lessonGrowth,
    toleranceBytes: LESSON_GROWTH_TOLERANCE_BYTES,
    lessonWeightStable: results.every(
      (r) => r.lesson.total.bytes - first.lesson.total.bytes <= LESSON_GROWTH_TOLERANCE_BYTES,
    ),
    catalogueGrowthBytesPerLesson:
      (last.catalogue.html.bytes - first.catalogue.html.bytes) / lessonsAdded,
    catalogueGrowthGzipBytesPerLesson:
      (last.catalogue.html.gzipBytes - first.catalogue.html.gzipBytes) / lessonsAdded,
    // Build time of each added lesson, without the fixed cost every build pays.
    marginalBuildMsPerLesson: (last.buildMs - first.buildMs) / lessonsAdded,
  };

  const { markdownPath, jsonPath } = writeResults('scale', {
    title: 'Build scale: synthetic lessons',
    startedAt,
    data: { sizes, buildsPerSize: builds, probeLesson: id(probeIndex), summary, results },
    body: markdown(summary),
  });
  console.log(`\nWrote ${markdownPath} and ${jsonPath}`);
  if (!summary.lessonWeightStable) {
    throw new Error(
      `the lesson page grows with the number of lessons: ${first.lesson.total.bytes} bytes at ` +
        `${first.lessons} lessons, ${last.lesson.total.bytes} bytes at ${last.lessons} ` +
        `(allowed: ${LESSON_GROWTH_TOLERANCE_BYTES} bytes). Only the catalogue may list every lesson.`,
    );
  }
  console.log(
    `Lesson page weight is stable (+${lessonGrowth} bytes from ${first.lessons} to ${last.lessons} lessons).`,
  );
} catch (error) {
  console.error(`bench:scale failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const folder of folders) folder.remove();
}

/** Number of .html files under `dir`. */
function countHtml(dir) {
  return readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.html'))
    .length;
}

function markdown(summary) {
  const weight = (w) => `${kb(w.bytes)} (${kb(w.gzipBytes)} gzip)`;
  const table = markdownTable(
    [
      'Lessons',
      'Pages',
      `Build time (fastest of ${builds})`,
      'Per lesson',
      `Lesson page: HTML`,
      'CSS',
      'JS',
      'Lesson page total',
      'Catalogue: HTML',
      'Catalogue total',
    ],
    results.map((r) => [
      r.lessons,
      r.pages,
      duration(r.buildMs),
      duration(r.buildMsPerLesson),
      weight(r.lesson.html),
      weight(r.lesson.css),
      weight(r.lesson.js),
      `${r.lesson.total.bytes} B`,
      weight(r.catalogue.html),
      `${r.catalogue.total.bytes} B`,
    ]),
  );
  const verdict = summary.lessonWeightStable
    ? `**Pass:** the lesson page does not grow with the number of lessons ` +
      `(${summary.lessonGrowthBytes >= 0 ? '+' : ''}${summary.lessonGrowthBytes} bytes from ` +
      `${results[0].lessons} to ${results.at(-1).lessons} lessons; ${summary.toleranceBytes} allowed).`
    : `**Fail:** the lesson page grows with the number of lessons ` +
      `(+${summary.lessonGrowthBytes} bytes from ${results[0].lessons} to ` +
      `${results.at(-1).lessons} lessons; ${summary.toleranceBytes} allowed).`;
  return [
    `Each build holds N copies of \`${REFERENCE_LESSON.file.slice(REFERENCE_LESSON.file.indexOf('content/'))}\` ` +
      `and nothing else. The lesson page weighed is \`/lessons/${id(probeIndex)}/\` (it has a previous ` +
      'and a next lesson at every N). Weights are read from the built files: HTML, linked CSS, and ' +
      'JS loaded at once (script tags, island URLs and their static imports; lazy imports excluded); ' +
      `gzip is each file compressed alone at level 6. Build time is the fastest of ${builds} cold ` +
      '`astro build` runs (fresh output folder and Astro cache each; one unmeasured warm-up build ' +
      'first; the sizes built in turn, round by round; other work on the machine only adds time), ' +
      'wall clock, including Astro start-up; "per lesson" divides it by N.',
    '',
    table,
    '',
    verdict,
    '',
    `- Catalogue growth: ${summary.catalogueGrowthBytesPerLesson.toFixed(0)} bytes of HTML per ` +
      `lesson (${summary.catalogueGrowthGzipBytesPerLesson.toFixed(0)} bytes gzip).`,
    `- Build time per added lesson (difference between the largest and smallest build): ` +
      `${duration(summary.marginalBuildMsPerLesson)}.`,
  ].join('\n');
}
