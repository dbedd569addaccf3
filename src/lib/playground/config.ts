import type { AppSettings } from '../lesson-apps/program.ts';

/** The Flask app settings a learner can change in the playground's server pane. */
export interface ServerConfig {
  /** The text of the `SECRET_KEY` field. */
  readonly secretKey: string;
  /** The "no secret key" switch: `app.secret_key` is not set at all. */
  readonly noSecretKey: boolean;
  /** `SECRET_KEY_FALLBACKS` (Flask ≥ 3.1), oldest first. */
  readonly fallbacks: readonly string[];
  /** `PERMANENT_SESSION_LIFETIME` in seconds: Expires of permanent cookies, max age of every cookie. */
  readonly lifetime: number;
  /** The views set `session.permanent = True`. */
  readonly permanent: boolean;
}

export const DAY = 24 * 60 * 60;

/** The host the simulated browser talks to (`flask run`'s default). */
export const HOST = 'localhost:5000';

/** The settings of the lesson's code sample: key `'secret'`, Flask's defaults otherwise. */
export const LESSON_CONFIG: ServerConfig = {
  secretKey: 'secret',
  noSecretKey: false,
  fallbacks: [],
  lifetime: 31 * DAY,
  permanent: false,
};

/** The lifetimes offered in the server pane, in seconds. */
export const LIFETIME_CHOICES = [
  { seconds: 60, label: '1 minute' },
  { seconds: 60 * 60, label: '1 hour' },
  { seconds: DAY, label: '1 day' },
  { seconds: 7 * DAY, label: '7 days' },
  { seconds: 31 * DAY, label: '31 days (Flask default)' },
] as const;

/** The app's settings in Flask's terms (an empty key field counts as no key, as in Flask). */
export function appSettings(config: ServerConfig): AppSettings {
  return {
    secretKey: config.noSecretKey ? null : config.secretKey,
    fallbacks: config.fallbacks,
    lifetime: config.lifetime,
    permanent: config.permanent,
  };
}

/** Whether the app can sign sessions at all. */
export function hasSecretKey(config: ServerConfig): boolean {
  return !config.noSecretKey && config.secretKey !== '';
}
