// Reads a lesson MDX file as its two parts: the YAML frontmatter and the MDX body (the prose).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Splits `file` into `{ text, frontmatterText, frontmatter, body }`: the whole file, the YAML
 * between the opening and closing `---` lines, that YAML parsed, and everything after it.
 * Throws when the file does not start with a frontmatter block.
 */
export function readLesson(file) {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) throw new Error(`${file} has no frontmatter block.`);
  return {
    text,
    frontmatterText: match[1],
    frontmatter: parse(match[1]),
    body: text.slice(match[0].length),
  };
}

/**
 * A copy of a lesson's source with its top-level `title:` and `order:` lines replaced, everything
 * else byte for byte the same, so the copy passes the same strict schema as the original.
 */
export function withTitleAndOrder(lesson, { title, order }) {
  const replaceLine = (yaml, key, value) => {
    const pattern = new RegExp(`^${key}: .*$`, 'm');
    if (!pattern.test(yaml)) throw new Error(`The lesson frontmatter has no top-level ${key}.`);
    return yaml.replace(pattern, `${key}: ${value}`);
  };
  const yaml = replaceLine(
    replaceLine(lesson.frontmatterText, 'title', JSON.stringify(title)),
    'order',
    String(order),
  );
  return `---\n${yaml}\n---\n${lesson.body}`;
}
