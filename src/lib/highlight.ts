import type { ShikiTransformer, ThemeRegistration } from 'shiki';

/**
 * Syntax colouring by class instead of inline styles, so pages need no `'unsafe-inline'` styles
 * under the Content Security Policy and the colours follow the site's light/dark tokens.
 *
 * `tokenClassTheme` gives each kind of token a placeholder colour; `tokensToClasses` then swaps
 * every placeholder for a `tok-<kind>` class (styled in `CodeSample.astro`).
 */
const tokenKinds = [
  'plain',
  'keyword',
  'string',
  'function',
  'number',
  'comment',
  'builtin',
] as const;
type TokenKind = (typeof tokenKinds)[number];

const placeholder = (kind: TokenKind) =>
  `#0000${(tokenKinds.indexOf(kind) + 1).toString(16).padStart(2, '0')}`;

const kindByPlaceholder = new Map(tokenKinds.map((kind) => [placeholder(kind), kind]));

export const tokenClassTheme: ThemeRegistration = {
  name: 'lesson-token-classes',
  type: 'light',
  colors: { 'editor.foreground': placeholder('plain'), 'editor.background': '#000000' },
  tokenColors: [
    {
      scope: ['comment', 'punctuation.definition.comment'],
      settings: { foreground: placeholder('comment') },
    },
    {
      scope: [
        'keyword',
        'storage',
        'keyword.operator.logical',
        'keyword.control',
        'meta.function.decorator',
        'entity.name.function.decorator',
      ],
      settings: { foreground: placeholder('keyword') },
    },
    {
      scope: ['string', 'punctuation.definition.string', 'constant.character.escape'],
      settings: { foreground: placeholder('string') },
    },
    {
      scope: ['entity.name.function', 'meta.function-call.generic', 'entity.name.class'],
      settings: { foreground: placeholder('function') },
    },
    {
      scope: ['constant.numeric', 'constant.language'],
      settings: { foreground: placeholder('number') },
    },
    {
      scope: ['support.function', 'support.type', 'variable.language', 'support.variable'],
      settings: { foreground: placeholder('builtin') },
    },
    {
      scope: ['constant.character.format.placeholder'],
      settings: { foreground: placeholder('keyword') },
    },
  ],
};

export const tokensToClasses: ShikiTransformer = {
  name: 'lesson-tokens-to-classes',
  pre(node) {
    delete node.properties['style'];
    this.addClassToHast(node, 'code-block');
  },
  span(node) {
    const style = node.properties['style'];
    if (typeof style !== 'string') return;
    const colour = /color:\s*(#[0-9a-f]{6})/i.exec(style)?.[1]?.toLowerCase();
    delete node.properties['style'];
    const kind = colour === undefined ? undefined : kindByPlaceholder.get(colour);
    if (kind !== undefined && kind !== 'plain') this.addClassToHast(node, `tok-${kind}`);
  },
};

/**
 * Numbers each line of highlighted code (`data-line="7"`, from 1) so the step-through player can
 * mark the line that runs.
 */
export const numberedLines: ShikiTransformer = {
  name: 'lesson-numbered-lines',
  line(node, line) {
    node.properties['data-line'] = line;
  },
};
