import type { RequestTrace } from '../flask/index.ts';

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'];

/**
 * A request's name in the table, from what happened to it, and the visitor's visit count after
 * it: "New visitor" (no cookie sent, count 1), "Second visit", "Third visit", … while the cookie
 * keeps being accepted, "Expired session" (itsdangerous `SignatureExpired`), "Visit with a
 * rejected cookie" (any other signature or payload failure), "Visit without a secret key".
 * `visits` is the visitor's count before this request; a rejected cookie starts a new count.
 */
export function rowLabel(
  verification: RequestTrace['verification'],
  visits: number,
): { label: string; visits: number } {
  switch (verification.kind) {
    case 'no-secret-key':
      return { label: 'Visit without a secret key', visits };
    case 'no-cookie':
      return { label: 'New visitor', visits: 1 };
    case 'rejected':
    case 'error':
      return {
        label:
          verification.failure.error === 'SignatureExpired'
            ? 'Expired session'
            : 'Visit with a rejected cookie',
        visits: 1,
      };
    case 'ok': {
      const visit = visits + 1;
      const ordinal = ORDINALS[visit - 1];
      return {
        label: ordinal === undefined ? `Visit ${visit}` : `${ordinal} visit`,
        visits: visit,
      };
    }
  }
}
