import { z } from 'astro/zod';

/** The lesson's runnable code sample. */
export const codeSampleSchema = z.object({
  /** Shiki language id used for highlighting, e.g. `python`. */
  language: z.string().min(1),
  /** File name shown above the code, e.g. `app.py`. */
  filename: z.string().min(1),
  /** The code exactly as a learner would type it. */
  source: z.string().min(1),
  /** A sentence under the code that says what it does. */
  caption: z.string().min(1),
});
