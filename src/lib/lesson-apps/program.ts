/**
 * A lesson app's Python as learners see it with a set of settings written in: the secret key line
 * (or its absence), `SECRET_KEY_FALLBACKS`, a non-default lifetime, and `session.permanent = True`
 * at the top of every view. This module loads no engine code and takes the source as text, so a
 * page shows an app's code without downloading the session engine or the other apps.
 * `layout.ts` finds where each route, view line and the secret key sit in the text.
 */
import { strRepr } from '../flask/str-repr.ts';
import { LESSON_APP_SOURCES, type LessonAppId } from './sources.ts';

/** The URL parts a view receives, e.g. `{ name: 'alice' }`. */
export type RouteArgs = Readonly<Record<string, string>>;

/** The statement every view starts with when the playground makes sessions permanent. */
export const MAKE_PERMANENT_PYTHON = 'session.permanent = True';

const DAY = 24 * 60 * 60;

/** The settings a learner can change, in Flask's terms. */
export interface AppSettings {
  /** `app.secret_key`, or `null` when the app sets none. */
  readonly secretKey: string | null;
  /** `SECRET_KEY_FALLBACKS` (Flask ≥ 3.1), oldest first. */
  readonly fallbacks: readonly string[];
  /** `PERMANENT_SESSION_LIFETIME` in seconds. */
  readonly lifetime: number;
  /** Every view starts with `session.permanent = True`. */
  readonly permanent: boolean;
}

/** Flask's default `PERMANENT_SESSION_LIFETIME`: 31 days. */
export const DEFAULT_LIFETIME = 31 * DAY;

/** `app.secret_key = '…'` as the sources write it. */
export const SECRET_KEY_LINE = /^app\.secret_key = '([^'\\]*)'$/;

/** The comment that replaces the key line when the app sets no key. */
export const NO_SECRET_KEY_LINE = '# app.secret_key is not set';

/** The settings an app's source itself has: its key, no fallbacks, Flask's default lifetime. */
export function sourceSettings(app: LessonAppId): AppSettings {
  for (const line of LESSON_APP_SOURCES[app].split('\n')) {
    const match = SECRET_KEY_LINE.exec(line);
    if (match) {
      return {
        secretKey: match[1] as string,
        fallbacks: [],
        lifetime: DEFAULT_LIFETIME,
        permanent: false,
      };
    }
  }
  throw new Error(`lesson app ${app} sets no app.secret_key`);
}

/** `timedelta(...)` for a lifetime in seconds, in the largest whole unit. */
export function timedeltaPython(seconds: number): string {
  for (const [unit, size] of [
    ['days', DAY],
    ['hours', 3600],
    ['minutes', 60],
  ] as const) {
    if (seconds % size === 0) return `timedelta(${unit}=${seconds / size})`;
  }
  return `timedelta(seconds=${seconds})`;
}

/** An app's `source` with `settings` written in; ends in a newline. */
export function programSource(source: string, settings: AppSettings): string {
  const customLifetime = settings.lifetime !== DEFAULT_LIFETIME;
  const out: string[] = customLifetime ? ['from datetime import timedelta'] : [];
  for (const line of source.replace(/\n$/, '').split('\n')) {
    if (SECRET_KEY_LINE.test(line)) {
      out.push(
        settings.secretKey === null
          ? NO_SECRET_KEY_LINE
          : `app.secret_key = ${strRepr(settings.secretKey)}`,
      );
      if (settings.fallbacks.length > 0) {
        const keys = settings.fallbacks.map((key) => strRepr(key)).join(', ');
        out.push(`app.config['SECRET_KEY_FALLBACKS'] = [${keys}]`);
      }
      if (customLifetime) {
        out.push(`app.permanent_session_lifetime = ${timedeltaPython(settings.lifetime)}`);
      }
      continue;
    }
    out.push(line);
    if (settings.permanent && /^def \w+\(.*\):$/.test(line)) {
      out.push(`    ${MAKE_PERMANENT_PYTHON}`);
    }
  }
  return `${out.join('\n')}\n`;
}
