import { describe, expect, test } from 'vitest';
import { TRACE_STAGES } from '../../../src/lib/flask/index.ts';
import { appProgram } from '../../../src/lib/lesson-apps/layout.ts';
import { sourceSettings, type AppSettings } from '../../../src/lib/lesson-apps/program.ts';
import { visit } from '../../../src/lib/lesson-apps/visit.ts';
import { STAGE_CASES, accessText, buildFrames } from '../../../src/lib/player/frames.ts';

const T0 = 1_700_000_000;

/** One template per case of every stage, naming the case and all the stage's values. */
const everyCase = Object.fromEntries(
  TRACE_STAGES.map((stage) => [
    stage,
    Object.fromEntries(
      STAGE_CASES[stage].cases.map((name) => [
        name,
        `${name}: ${STAGE_CASES[stage].values.map((value) => `{${value}}`).join(' | ')}`,
      ]),
    ),
  ]),
);

async function framesOf(settings: Partial<AppSettings>, cookieHeader: string | null = null) {
  const program = appProgram('counter', { ...sourceSettings('counter'), ...settings });
  const result = await visit(program, { path: '/', cookieHeader, now: T0 });
  if (!result.ok) throw new Error(result.message);
  const built = buildFrames([result.trace.events], everyCase, TRACE_STAGES, program.secretKeyLine);
  if (!built.ok) throw new Error('missing narration');
  return built.frames[0]!.map((frame) => ({
    ...frame,
    text: frame.narration.map((run) => run.text).join(''),
  }));
}

describe('the player’s frames for visits other than the lesson’s', () => {
  test('no secret key: the view stage narrates the error at line 7; nothing is saved', async () => {
    const frames = await framesOf({ secretKey: null });
    expect(frames.map((frame) => frame.text.split(':')[0])).toEqual([
      'no-cookie',
      'route',
      'no-secret-key',
      'error',
      'error',
      'not-saved',
      'keep',
    ]);
    expect(frames[3]).toMatchObject({ line: 7 });
    expect(frames[3]!.text).toContain('RuntimeError: The session is unavailable');
    expect(frames[5]!.text).toContain('the app has no secret key');
    expect(frames[6]).toMatchObject({ flight: 'response', carried: 'no Set-Cookie' });
  });

  test('a cookie signed with a fallback key names which one', async () => {
    const old = await visit(
      appProgram('counter', { ...sourceSettings('counter'), secretKey: 'old' }),
      {
        path: '/',
        cookieHeader: null,
        now: T0,
      },
    );
    if (!old.ok) throw new Error(old.message);
    const cookie = old.response.headers.find(([name]) => name === 'Set-Cookie')![1].split(';')[0]!;
    const frames = await framesOf({ secretKey: 'new', fallbacks: ['older', 'old'] }, cookie);
    expect(frames[2]!.text).toMatch(/^verified: \{'count': 1\} \| fallback key 2 \| 3 \|/);
    expect(frames[0]).toMatchObject({
      flight: 'request',
      carried: expect.stringMatching(/^Cookie: session=/),
    });
  });

  test('a template a visit needs but nobody wrote is reported with visit, stage and case', async () => {
    const program = appProgram('counter', { ...sourceSettings('counter'), secretKey: null });
    const result = await visit(program, { path: '/', cookieHeader: null, now: T0 });
    if (!result.ok) throw new Error(result.message);
    const { load: _load, ...withoutLoad } = everyCase;
    expect(buildFrames([result.trace.events], withoutLoad, TRACE_STAGES, 3)).toEqual({
      ok: false,
      missing: [{ visit: 1, stage: 'load', case: 'no-secret-key' }],
    });
  });
});

describe('what a line did to the session, in words', () => {
  test('reads and writes in order, a repeated step said once, clear as a whole', () => {
    expect(accessText([])).toBe('does not touch the session');
    expect(
      accessText([
        { kind: 'read', method: 'get', key: 'count' },
        { kind: 'write', method: '__setitem__', key: 'count' },
      ]),
    ).toBe("reads session['count'], then writes session['count']");
    expect(
      accessText([
        { kind: 'read', method: 'get', key: 'a' },
        { kind: 'read', method: '__getitem__', key: 'a' },
        { kind: 'write', method: 'clear', key: null },
      ]),
    ).toBe("reads session['a'], then clears the session");
  });
});
