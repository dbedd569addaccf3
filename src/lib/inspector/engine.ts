/**
 * Everything the inspector page does with the session engine, in one module the island loads
 * on first use, so opening the page downloads no engine code.
 */
export { decodeInput } from './decode-view.ts';
export { signSession } from './sign-view.ts';
export { verifyCookie } from './verify-view.ts';
