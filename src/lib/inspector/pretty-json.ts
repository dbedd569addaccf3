/**
 * Indents the JSON inside a cookie for reading and editing, without parsing numbers or strings:
 * Python's JSON (big ints, `1.0`, `NaN`, `\u00e9` escapes) survives byte for byte, only the
 * whitespace between tokens changes. Containers that fit in {@link LINE_WIDTH} stay on one line.
 */

const LINE_WIDTH = 72;
const INDENT = '  ';
/**
 * Deeper JSON is shown as written: each level copies the text of the levels inside it, so the
 * work grows with the cube of the depth (a 900-deep cookie took 25 s), and such text is
 * unreadable indented anyway.
 */
export const MAX_PRETTY_DEPTH = 64;

// One token and the space around it: a string (with escapes), punctuation, or any other run of
// characters (numbers, true, NaN, …).
const TOKEN = /\s*("(?:[^"\\]|\\.)*"|[{}[\]:,]|[^\s{}[\]:,"]+)\s*/y;

/**
 * `json` indented; text that does not tokenize as JSON, or nests deeper than
 * {@link MAX_PRETTY_DEPTH}, is returned unchanged.
 */
export function prettyJson(json: string): string {
  const tokens: string[] = [];
  let depth = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < json.length) {
    const match = TOKEN.exec(json);
    if (match === null) return json;
    const token = match[1]!;
    if (token === '{' || token === '[') depth += 1;
    else if (token === '}' || token === ']') depth -= 1;
    if (depth > MAX_PRETTY_DEPTH) return json;
    tokens.push(token);
  }
  const result = formatValue(tokens, 0, '');
  return result !== null && result.next === tokens.length ? result.text : json;
}

interface Formatted {
  readonly text: string;
  readonly next: number;
}

function formatValue(tokens: readonly string[], at: number, indent: string): Formatted | null {
  const token = tokens[at];
  if (token === undefined || token === '}' || token === ']' || token === ':' || token === ',') {
    return null;
  }
  if (token !== '{' && token !== '[') return { text: token, next: at + 1 };
  const close = token === '{' ? '}' : ']';
  const items: string[] = [];
  let next = at + 1;
  if (tokens[next] === close) return { text: token + close, next: next + 1 };
  for (;;) {
    let prefix = '';
    if (token === '{') {
      const key = tokens[next];
      if (key === undefined || !key.startsWith('"') || tokens[next + 1] !== ':') return null;
      prefix = `${key}: `;
      next += 2;
    }
    const value = formatValue(tokens, next, indent + INDENT);
    if (value === null) return null;
    items.push(prefix + value.text);
    next = value.next;
    if (tokens[next] === ',') next += 1;
    else if (tokens[next] === close) break;
    else return null;
  }
  const inline = `${token}${items.join(', ')}${close}`;
  if (!inline.includes('\n') && indent.length + inline.length <= LINE_WIDTH) {
    return { text: inline, next: next + 1 };
  }
  const inner = indent + INDENT;
  return {
    text: `${token}\n${items.map((item) => inner + item).join(',\n')}\n${indent}${close}`,
    next: next + 1,
  };
}
