/**
 * The cookie "Try an example" puts into Decode: the lesson's visit counter after its third
 * visit (`{'count': 3}`), exactly as real Flask sent it with the lesson's
 * `app.secret_key = 'secret'` at 2023-11-14 22:13:20 UTC.
 */
export const EXAMPLE_COOKIE = 'eyJjb3VudCI6M30.ZVPxAA.2L3hVosyNYXzJBYzOTUvA8UsDkk';

/** Said next to the example, so a learner knows what to try with it. */
export const EXAMPLE_NOTE =
  'This is the lesson’s visit counter after three visits, as Flask sent it on 14 November 2023 ' +
  "with app.secret_key = 'secret'. Check it with that key in Verify (Flask now refuses it as " +
  'too old, SignatureExpired, unless you raise the maximum age), or let Guess find the key.';
