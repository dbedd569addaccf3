/**
 * The step-through player's frames, computed at build time from each visit's request trace
 * (`src/lib/flask/trace.ts`): one frame per visit and concept-flow stage, with the stage's
 * narration (the lesson's template for that stage and case, filled with the trace's values), the
 * code line to mark, the session before and after, and where the cookie is. Frames hold text and
 * numbers only, so the page carries them without the session engine.
 */
import {
  pyRepr,
  stageEvent,
  viewLines,
  type PyDict,
  type SessionAccess,
  type TraceEvent,
  type TraceStage,
  type ViewLineRan,
} from '../flask/index.ts';
import { splitInlineCode, type TextRun } from '../inline-code.ts';
import { formatUtc } from '../time-format.ts';

/** Where the cookie is in the browser ⇄ Flask diagram. */
export type Flight = 'request' | 'server' | 'response';

/** One stage of one visit, as the player shows it. */
export interface StageFrame {
  /** The concept-flow stage id. */
  readonly stage: TraceStage;
  /** The stage's narration, filled with this visit's values, as text and code runs. */
  readonly narration: readonly TextRun[];
  /** The 1-based code line to mark, or `null` when the stage runs no line of the app. */
  readonly line: number | null;
  /** The session at this point, as Python prints it: before and after the stage's work. */
  readonly before: string | null;
  readonly after: string | null;
  readonly flight: Flight;
  /** What travels or is held, e.g. `Cookie: session=eyJj…` or `no Set-Cookie`. */
  readonly carried: string;
}

/** The narration templates of one stage, by case (see {@link STAGE_CASES}). */
export type StageTemplates = Readonly<Partial<Record<string, string>>>;

/** The cases each stage's templates may cover, and the placeholders each stage fills. */
export const STAGE_CASES: Readonly<
  Record<TraceStage, { readonly cases: readonly string[]; readonly values: readonly string[] }>
> = {
  request: { cases: ['no-cookie', 'cookie'], values: ['path', 'cookieHeader'] },
  receive: { cases: ['route'], values: ['path', 'rule', 'routeLine', 'endpoint'] },
  load: {
    cases: ['no-secret-key', 'no-cookie', 'verified', 'rejected', 'error'],
    values: ['session', 'key', 'keyLine', 'error', 'signedAt'],
  },
  view: {
    cases: ['line', 'error'],
    values: ['line', 'python', 'accesses', 'before', 'after', 'error'],
  },
  process: { cases: ['ok', 'error'], values: ['line', 'status', 'body', 'error'] },
  save: {
    cases: ['set', 'deleted', 'unchanged', 'not-saved', 'failed'],
    values: ['session', 'reason', 'cookie', 'keyLine'],
  },
  respond: { cases: ['store', 'delete', 'keep'], values: ['status', 'cookie', 'expires'] },
};

/** A stage's case and placeholder values for one visit. */
interface StageFacts {
  readonly case: string;
  readonly values: Readonly<Record<string, string>>;
  readonly line: number | null;
  readonly before: string | null;
  readonly after: string | null;
  readonly flight: Flight;
  readonly carried: string;
}

const repr = (session: PyDict | null) => (session === null ? '—' : pyRepr(session));

/** Cookies are long; the diagram and narration show the start and say the rest is there. */
export function shortCookie(value: string): string {
  return value.length > 24 ? `${value.slice(0, 20)}…` : value;
}

/** What a line did to the session, in words: "reads session['count'], then writes it". */
export function accessText(accesses: readonly SessionAccess[]): string {
  if (accesses.length === 0) return 'does not touch the session';
  const parts = accesses.map(({ kind, method, key }) => {
    const target = key === null ? 'the session' : `session['${key}']`;
    if (method === 'clear') return 'clears the session';
    return `${kind === 'read' ? 'reads' : 'writes'} ${target}`;
  });
  return parts.filter((part, i) => part !== parts[i - 1]).join(', then ');
}

const SAVE_REASONS: Readonly<Record<string, string>> = {
  modified: 'the view modified the session',
  'permanent-refresh': 'the session is permanent and SESSION_REFRESH_EACH_REQUEST is on',
  'refresh-off': 'the session was not modified and SESSION_REFRESH_EACH_REQUEST is off',
  'not-modified': 'the view did not modify the session',
  empty: 'the session is empty and was not modified',
  'no-secret-key': 'the app has no secret key',
  'load-error': 'the request failed before the view ran',
  'serialize-error': 'the session could not be serialized',
};

function lastWork(lines: readonly ViewLineRan[]): ViewLineRan | undefined {
  return lines.findLast((line) => !line.returned) ?? lines.at(-1);
}

function facts(
  stage: TraceStage,
  events: readonly TraceEvent[],
  secretKeyLine: number,
): StageFacts {
  const request = stageEvent(events, 'request');
  const cookieIn =
    request.cookieHeader === null ? 'no cookie' : `Cookie: ${shortCookie(request.cookieHeader)}`;
  const inFlask = {
    flight: 'server' as const,
    carried:
      request.cookieHeader === null ? 'no cookie came with the request' : `came with ${cookieIn}`,
  };
  switch (stage) {
    case 'request':
      return {
        case: request.cookieHeader === null ? 'no-cookie' : 'cookie',
        values: { path: request.path, cookieHeader: shortCookie(request.cookieHeader ?? '') },
        line: null,
        before: null,
        after: null,
        flight: 'request',
        carried: cookieIn,
      };
    case 'receive': {
      const received = stageEvent(events, 'receive');
      return {
        case: 'route',
        values: {
          path: received.path,
          rule: received.rule ?? received.path,
          routeLine: String(received.routeLine ?? ''),
          endpoint: received.endpoint ?? 'the view',
        },
        line: received.routeLine,
        before: null,
        after: null,
        ...inFlask,
      };
    }
    case 'load': {
      const load = stageEvent(events, 'load');
      const outcome = load.outcome;
      return {
        case: outcome.kind,
        values: {
          session: repr(load.session),
          key:
            outcome.kind !== 'verified'
              ? ''
              : outcome.key.kind === 'current'
                ? 'the current secret key'
                : `fallback key ${outcome.key.index + 1}`,
          error:
            outcome.kind === 'rejected' || outcome.kind === 'error' ? outcome.failure.error : '',
          signedAt: outcome.kind === 'verified' ? formatUtc(outcome.signedAt) : '',
          keyLine: String(secretKeyLine),
        },
        line: outcome.kind === 'no-cookie' ? null : secretKeyLine,
        before: null,
        after: repr(load.session),
        ...inFlask,
      };
    }
    case 'view': {
      const lines = viewLines(events);
      const line = lastWork(lines);
      return {
        case: line?.error ? 'error' : 'line',
        values: {
          line: String(line?.line ?? ''),
          python: line?.python ?? '',
          accesses: accessText(line?.accesses ?? []),
          before: repr(lines[0]?.before ?? null),
          after: repr(line?.after ?? null),
          error: line?.error ? `${line.error.pythonClass}: ${line.error.pythonMessage}` : '',
        },
        line: line?.line ?? null,
        before: repr(lines[0]?.before ?? null),
        after: repr(line?.after ?? null),
        ...inFlask,
      };
    }
    case 'process': {
      const prepared = stageEvent(events, 'process');
      const last = viewLines(events).at(-1);
      return {
        case: prepared.error === null ? 'ok' : 'error',
        values: {
          line: String(last?.line ?? ''),
          status: prepared.status,
          body: prepared.statusCode === 200 ? prepared.body : prepared.status,
          error: prepared.error?.pythonClass ?? '',
        },
        line: last?.line ?? null,
        before: repr(last?.after ?? null),
        after: repr(last?.after ?? null),
        ...inFlask,
      };
    }
    case 'save': {
      const saved = stageEvent(events, 'save');
      return {
        case: saved.outcome,
        values: {
          session: repr(saved.session),
          reason: SAVE_REASONS[saved.reason] ?? saved.reason,
          cookie: shortCookie(saved.cookie ?? ''),
          keyLine: String(secretKeyLine),
        },
        line: saved.outcome === 'set' ? secretKeyLine : null,
        before: repr(saved.session),
        after: repr(saved.session),
        flight: 'server',
        carried:
          saved.cookie === null ? 'no new cookie' : `new cookie: ${shortCookie(saved.cookie)}`,
      };
    }
    case 'respond': {
      const sent = stageEvent(events, 'respond');
      const browser = sent.browser;
      return {
        case: browser.kind,
        values: {
          status: sent.status,
          cookie: browser.kind === 'store' ? shortCookie(browser.cookie) : '',
          expires:
            browser.kind === 'store' && browser.expires !== null
              ? `until ${formatUtc(browser.expires)}`
              : 'until the browser closes',
        },
        line: null,
        before: null,
        after: null,
        flight: 'response',
        carried:
          browser.kind === 'store'
            ? `Set-Cookie: session=${shortCookie(browser.cookie)}`
            : browser.kind === 'delete'
              ? 'Set-Cookie: session=; Max-Age=0'
              : 'no Set-Cookie',
      };
    }
  }
}

/** The `{name}` placeholders a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

/** A template with its placeholders replaced. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** Why frames could not be built: which visit and stage lack a template for their case. */
export interface MissingNarration {
  readonly visit: number;
  readonly stage: TraceStage;
  readonly case: string;
}

/**
 * Every stage of every visit as the player shows it, in order. `secretKeyLine` is the code line
 * the load and save stages point at (the key that verifies and signs).
 */
export function buildFrames(
  visits: readonly (readonly TraceEvent[])[],
  templates: Readonly<Partial<Record<TraceStage, StageTemplates>>>,
  stages: readonly TraceStage[],
  secretKeyLine: number,
): { ok: true; frames: StageFrame[][] } | { ok: false; missing: MissingNarration[] } {
  const missing: MissingNarration[] = [];
  const frames = visits.map((events, visit) =>
    stages.map((stage): StageFrame => {
      const found = facts(stage, events, secretKeyLine);
      const template = templates[stage]?.[found.case];
      if (template === undefined) missing.push({ visit: visit + 1, stage, case: found.case });
      const { values: _values, case: _case, ...shown } = found;
      return { stage, narration: splitInlineCode(fill(template ?? '', found.values)), ...shown };
    }),
  );
  return missing.length > 0 ? { ok: false, missing } : { ok: true, frames };
}
