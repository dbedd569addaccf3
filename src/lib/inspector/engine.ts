/**
 * Everything the inspector page does with the session engine, in one module the island loads
 * on first use, so opening the page downloads no engine code. The Python-literal reading of keys
 * and word lists comes along for the same reason.
 */
export { decodeInput } from './decode-view.ts';
export { signSession } from './sign-view.ts';
export { verifyCookie } from './verify-view.ts';
export { keyNote } from './secret-keys.ts';
export { countWordList, describeWordList } from './word-list-lines.ts';
