/**
 * Whether text starts like a Python string or bytes literal, kept apart from the parser
 * (`python-literal.ts`) so a page can decide how to label a field without loading the parser.
 */

/**
 * Whether `text` (ignoring surrounding whitespace) starts like a string or bytes literal: an
 * optional valid prefix (`b`, `r`, `u`, `rb`, `f`… in any case), then a quote. Such text is
 * meant as a literal; other text is plain.
 */
export function looksLikePythonLiteral(text: string): boolean {
  return /^(?:[rRuUbBfF]|[bBfF][rR]|[rR][bBfF])?['"]/.test(text.trim());
}
