import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, expect, test } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'bad-lesson-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds the site from a content folder holding one lesson file; returns the exit code and output. */
function buildWith(fileName: string, text: string) {
  const lessons = join(scratch, 'lessons');
  rmSync(lessons, { recursive: true, force: true });
  mkdirSync(lessons, { recursive: true });
  writeFileSync(join(lessons, fileName), text);
  const run = spawnSync('npx', ['astro', 'build', '--outDir', join(scratch, 'dist')], {
    env: {
      ...process.env,
      LESSONS_DIR: lessons,
      ASTRO_CACHE_DIR: join(scratch, 'cache'),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    encoding: 'utf8',
  });
  // Terminal colour codes would split the message; compare plain text.
  const output = stripVTControlCharacters(run.stdout + run.stderr);
  return { status: run.status, output };
}

const realLesson = readFileSync('content/lessons/flask-session.mdx', 'utf8');

test('a lesson whose quiz answer is not a choice fails the build, naming file and field', () => {
  const broken = realLesson.replace(/^ {4}answer: b$/m, '    answer: e');
  expect(broken).not.toBe(realLesson);
  const { status, output } = buildWith('broken-quiz.mdx', broken);
  expect(status).not.toBe(0);
  expect(output).toContain('broken-quiz.mdx');
  expect(output).toContain('quiz.0.answer: is "e", which is not one of the choices (c, a, b, d)');
}, 120_000);
