/**
 * The learner's Flask app on real CPython (Pyodide from the npm package, Debian's Flask from the
 * vendored zip), booted once for this file, offline. The lesson's apps must answer exactly as the
 * committed real-Flask vectors say; broken and hostile programs must come back as Python's own
 * messages and leave the runtime serving the next program.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  COUNTER_PY,
  LESSON_APP_SOURCES,
  type LessonAppId,
} from '../../../src/lib/lesson-apps/sources.ts';
import type { FlaskRuntime, RequestOutcome } from '../../../src/lib/python/runtime.ts';
import { sealNetwork } from '../../../src/lib/python/seal.ts';
import { pythonTrace } from '../../../src/lib/python/trace.ts';
import { pyRepr, type TraceEvent } from '../../../src/lib/flask/index.ts';
import {
  applyOutcome,
  pythonRequest,
  responseDifferences,
  checkCookieWithSimulator,
} from '../../../src/lib/python/playground.ts';
import { LESSON_CONFIG, type ServerConfig } from '../../../src/lib/playground/config.ts';
import { sendRequest } from '../../../src/lib/playground/run.ts';
import { SCENARIOS, pythonSource, type Scenario } from '../../../src/lib/playground/scenarios.ts';
import {
  advanceClock,
  initialState,
  setPath,
  type PlaygroundState,
} from '../../../src/lib/playground/state.ts';
import { appProgram } from '../../../src/lib/lesson-apps/layout.ts';
import { sourceSettings } from '../../../src/lib/lesson-apps/program.ts';
import { visit as visitApp } from '../../../src/lib/lesson-apps/visit.ts';
import { vectors } from '../../conformance/vectors.ts';
import { bootFlaskRuntimeInNode } from './node-runtime.ts';

let runtime: FlaskRuntime;

beforeAll(async () => {
  runtime = await bootFlaskRuntimeInNode();
}, 120_000);

const T0 = Number(vectors.meta['clock']);

function get(path: string, cookieHeader: string | null = null): RequestOutcome {
  return runtime.request({ method: 'GET', path, cookieHeader, now: T0 });
}

function load(source: string): void {
  const loaded = runtime.loadApp(source);
  if (!loaded.ok) throw new Error(`expected the program to load: ${loaded.error.traceback}`);
}

/** An app whose one view, at `/`, runs `body` (indented lines), on line 6 onwards. */
function appWithView(...body: string[]): string {
  return [
    'from flask import Flask, session',
    'app = Flask(__name__)',
    "app.secret_key = 'secret'",
    '',
    "@app.route('/')",
    'def index():',
    ...body.map((line) => `    ${line}`),
    '',
  ].join('\n');
}

describe('the lesson apps on real Flask answer exactly as the committed vectors', () => {
  // Flask 2.2 has no SECRET_KEY_FALLBACKS (Flask 3.1 added it); the generator gives those
  // sequences a 3.1-style session interface, which the learner's plain Flask 2.2 app does not have.
  const sequences = vectors.requests.filter(
    (sequence) =>
      sequence.app.startsWith('lesson:') && !('SECRET_KEY_FALLBACKS' in sequence.config),
  );

  test('every lesson app is covered', () => {
    const covered = new Set(sequences.map((sequence) => sequence.app.slice('lesson:'.length)));
    expect([...covered].sort()).toEqual(Object.keys(LESSON_APP_SOURCES).sort());
  });

  test.each(sequences.map((sequence) => [sequence.name, sequence] as const))(
    '%s',
    (_name, sequence) => {
      load(LESSON_APP_SOURCES[sequence.app.slice('lesson:'.length) as LessonAppId]);
      expect(runtime.configure(sequence.config)).toEqual({ ok: true });
      for (const step of sequence.steps) {
        const outcome = runtime.request({
          method: 'GET',
          path: step.url,
          cookieHeader: step.cookie_header,
          now: step.now,
        });
        if (!outcome.ok) throw new Error(outcome.error.traceback);
        expect(outcome.response).toEqual(step.response);
        expect(outcome.error?.type ?? null).toBe(step.session.error?.class ?? null);
      }
    },
  );
});

describe('the vendored Flask comes precompiled (scripts/compile-flask.py)', () => {
  test('every module of the stack loads from bytecode with this Pyodide’s magic number', () => {
    const loaded = runtime.loadApp(
      [
        'import importlib.util, sys',
        'from flask import Flask',
        "STACK = {'flask', 'werkzeug', 'itsdangerous', 'jinja2', 'markupsafe', 'click', 'blinker'}",
        'files = [m.__spec__.origin for name, m in list(sys.modules.items())',
        "         if name.split('.')[0] in STACK and getattr(m.__spec__, 'origin', None)]",
        'print(len(files) > 50, sorted({f.rsplit(".", 1)[1] for f in files}))',
        "print(all(open(f, 'rb').read(4) == importlib.util.MAGIC_NUMBER for f in files))",
        'app = Flask(__name__)',
        '',
      ].join('\n'),
    );
    expect(loaded).toEqual({ ok: true, output: "True ['pyc']\nTrue\n" });
  });
});

describe('the line trace of a view', () => {
  test('the counter: each line with the session before it, then the return', () => {
    load(COUNTER_PY);
    const outcome = runtime.request({
      method: 'GET',
      path: '/',
      cookieHeader: null,
      now: T0,
      trace: true,
    });
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    expect(outcome.trace.map((event) => [event.event, event.line, event.session?.repr])).toEqual([
      ['line', 7, '{}'],
      ['line', 8, "{'count': 1}"],
      ['return', 8, "{'count': 1}"],
    ]);
  });

  test('a KeyError: the line that raised', () => {
    load(appWithView("return str(session['count'])"));
    const outcome = runtime.request({
      method: 'GET',
      path: '/',
      cookieHeader: null,
      now: T0,
      trace: true,
    });
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    expect(outcome.trace.map((event) => [event.event, event.line, event.exception])).toEqual([
      ['line', 7, undefined],
      ['exception', 7, 'KeyError'],
      ['return', 7, undefined],
    ]);
  });
});

describe('every lesson app: real Flask’s trace has the engine’s route and per-line reads and writes', () => {
  /** The stages both traces must agree on: the route, and each view line with what it did. */
  const routeAndLines = (trace: readonly TraceEvent[]) =>
    trace.flatMap((event): unknown[] =>
      event.stage === 'receive'
        ? [event]
        : event.stage === 'view'
          ? [[event.line, pyRepr(event.before), pyRepr(event.after), event.accesses]]
          : [],
    );

  const routes = (Object.keys(LESSON_APP_SOURCES) as LessonAppId[]).flatMap((app) =>
    appProgram(app, sourceSettings(app)).routes.map((route) => [app, route.rule] as const),
  );

  test.each(routes)('%s %s, a new visitor and then with the cookie', async (app, rule) => {
    const program = appProgram(app, sourceSettings(app));
    load(program.source);
    const path = rule.replace(/<\w+>/g, 'ada');
    let cookieHeader: string | null = null;
    for (let visit = 0; visit < 2; visit++) {
      const simulated = await visitApp(program, { path, cookieHeader, now: T0 });
      if (!simulated.ok) throw new Error(simulated.message);
      const request = { method: 'GET', path, cookieHeader, now: T0, trace: true };
      const outcome = runtime.request(request);
      if (!outcome.ok) throw new Error(outcome.error.traceback);
      const real = await pythonTrace(request, outcome, program.source);
      expect(routeAndLines(real)).toEqual(routeAndLines(simulated.trace.events));
      const saved = real.find((event) => event.stage === 'save');
      if (saved?.stage === 'save' && saved.cookie !== null)
        cookieHeader = `session=${saved.cookie}`;
    }
  });
});

describe('the trace of a learner-edited app: its route and what each line did to the session', () => {
  // A decorator above the route, a URL argument, and session methods the lesson apps do not use.
  const program = [
    'from flask import Flask, session', // 1
    'app = Flask(__name__)',
    "app.secret_key = 'secret'",
    '',
    'def noted(view):', // 5
    '    return view',
    '',
    '@noted',
    "@app.route('/hello/<name>')", // 9
    'def hello(name):',
    "    if 'user' in session:", // 11
    "        session.pop('user')",
    "    session['user'] = name",
    '    session.permanent = True',
    '    return f"Hi {session.get(\'user\')}"', // 15
    '',
  ].join('\n');

  async function traced(cookieHeader: string | null): Promise<TraceEvent[]> {
    const request = { method: 'GET', path: '/hello/ada', cookieHeader, now: T0, trace: true };
    const outcome = runtime.request(request);
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    return pythonTrace(request, outcome, program);
  }

  const viewLines = (trace: readonly TraceEvent[]) =>
    trace.flatMap((event) =>
      event.stage === 'view'
        ? [[event.line, event.accesses.map(({ kind, method, key }) => `${kind} ${method} ${key}`)]]
        : [],
    );

  test('the receive stage names the rule, the decorator’s line, the view and its argument', async () => {
    load(program);
    const trace = await traced(null);
    expect(trace.find((event) => event.stage === 'receive')).toEqual({
      stage: 'receive',
      path: '/hello/ada',
      rule: '/hello/<name>',
      routeLine: 9,
      endpoint: 'hello',
      args: { name: 'ada' },
    });
  });

  test('each line’s reads and writes, a new visitor and then with the cookie', async () => {
    load(program);
    const first = await traced(null);
    expect(viewLines(first)).toEqual([
      [11, ['read __contains__ user']],
      [13, ['write __setitem__ user']],
      [14, ['write __setitem__ _permanent']],
      [15, ['read get user']],
    ]);
    const saved = first.find((event) => event.stage === 'save');
    const cookie = saved?.stage === 'save' ? saved.cookie : null;
    expect(viewLines(await traced(`session=${cookie}`))).toEqual([
      [11, ['read __contains__ user']],
      [12, ['write pop user']],
      [13, ['write __setitem__ user']],
      [14, ['write __setitem__ _permanent']],
      [15, ['read get user']],
    ]);
  });

  test('the route line of @app.get, and none for a view added with add_url_rule', async () => {
    const routes = [
      'from flask import Flask', // 1
      'app = Flask(__name__)',
      '',
      "@app.get('/hi')", // 4
      'def hi():',
      "    return 'hi'",
      '',
      'def bye():', // 8
      "    return 'bye'",
      "app.add_url_rule('/bye', view_func=bye)",
      '',
    ].join('\n');
    load(routes);
    const receive = async (path: string) => {
      const request = { method: 'GET', path, cookieHeader: null, now: T0, trace: true };
      const outcome = runtime.request(request);
      if (!outcome.ok) throw new Error(outcome.error.traceback);
      return (await pythonTrace(request, outcome, routes)).find(
        (event) => event.stage === 'receive',
      );
    };
    expect(await receive('/hi')).toMatchObject({ rule: '/hi', routeLine: 4, endpoint: 'hi' });
    expect(await receive('/bye')).toMatchObject({ rule: '/bye', routeLine: null, endpoint: 'bye' });
  });

  test('a path no route matches: a 404 with no rule, and no view lines', async () => {
    load(program);
    const request = { method: 'GET', path: '/nowhere', cookieHeader: null, now: T0, trace: true };
    const outcome = runtime.request(request);
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    expect(outcome.response.status).toBe('404 NOT FOUND');
    const trace = await pythonTrace(request, outcome, program);
    expect(trace.find((event) => event.stage === 'receive')).toMatchObject({
      rule: null,
      routeLine: null,
      endpoint: null,
      args: {},
    });
    expect(viewLines(trace)).toEqual([]);
  });
});

describe('a broken or hostile program gets its message and the runtime stays usable', () => {
  function expectCounterStillWorks(): void {
    load(COUNTER_PY);
    const outcome = get('/');
    expect(outcome.ok && outcome.response.body).toBe('Count: 1');
  }

  test('a syntax error is reported as Python reports it, at the learner line', () => {
    const loaded = runtime.loadApp(appWithView('return f"{session["count"]}"'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toMatchObject({ type: 'SyntaxError', line: 7 });
    expect(loaded.error.traceback).toBe(
      [
        '  File "app.py", line 7',
        '    return f"{session["count"]}"',
        '                       ^^^^^',
        "SyntaxError: f-string: unmatched '['",
        '',
      ].join('\n'),
    );
    expectCounterStillWorks();
  });

  test('an exception in the view: HTTP 500 from Flask and the traceback at the learner line', () => {
    load(appWithView("session['count'] = session['count'] + 1", "return 'never'"));
    const outcome = get('/');
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    expect(outcome.response.status).toBe('500 INTERNAL SERVER ERROR');
    expect(outcome.response.body).toContain('<title>500 Internal Server Error</title>');
    expect(outcome.error).toMatchObject({ type: 'KeyError', message: "'count'", line: 7 });
    expect(outcome.error?.traceback).toBe(
      [
        'Traceback (most recent call last):',
        '  File "app.py", line 7, in index',
        "    session['count'] = session['count'] + 1",
        '                       ~~~~~~~^^^^^^^^^',
        "KeyError: 'count'",
        '',
      ].join('\n'),
    );
    expect(outcome.output).toContain('ERROR in app: Exception on / [GET]');
    expectCounterStillWorks();
  });

  test('an exception while the program starts is reported with its line', () => {
    const loaded = runtime.loadApp('from flask import Flask\napp = Flask(__name__)\n1 / 0\n');
    expect(loaded.ok === false && loaded.error).toMatchObject({
      type: 'ZeroDivisionError',
      line: 3,
    });
    expectCounterStillWorks();
  });

  test('app.run() gets a sentence instead of a server', () => {
    const loaded = runtime.loadApp(
      'from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n',
    );
    expect(loaded.ok === false && loaded.error).toMatchObject({ type: 'RuntimeError', line: 3 });
    expect(loaded.ok === false && loaded.error.message).toContain('app.run() starts a web server');
    load(`${COUNTER_PY}\nif __name__ == '__main__':\n    app.run()\n`);
    expect(get('/').ok).toBe(true);
  });

  test('a program without a Flask app says what it needs', () => {
    const loaded = runtime.loadApp("print('hello')\n");
    expect(loaded).toMatchObject({ ok: false, output: 'hello\n', error: { type: 'NoApp' } });
    expect(loaded.ok === false && loaded.error.message).toContain('app = Flask(__name__)');
  });

  test('an endless loop in the view is stopped at its line after the time limit', () => {
    load(appWithView('while True:', '    pass'));
    const started = performance.now();
    const outcome = get('/');
    expect(performance.now() - started).toBeLessThan(10_000);
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    expect(outcome.response.status).toBe('500 INTERNAL SERVER ERROR');
    expect(outcome.error).toMatchObject({
      type: 'TimeoutError',
      message: 'this request ran for more than 2 seconds, so it was stopped',
    });
    expect([7, 8]).toContain(outcome.error?.line);
    expectCounterStillWorks();
  }, 20_000);

  test('an endless loop while the program starts is stopped too', () => {
    const loaded = runtime.loadApp('while True:\n    pass\n');
    expect(loaded.ok === false && loaded.error).toMatchObject({
      type: 'TimeoutError',
      message: 'your program ran for more than 2 seconds, so it was stopped',
    });
    expectCounterStillWorks();
  }, 20_000);

  test('a 100 MB allocation is stopped with a MemoryError naming the line', () => {
    load(appWithView('data = bytearray(100 * 1024 * 1024)', "return 'big'"));
    const outcome = get('/');
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    expect(outcome.response.status).toBe('500 INTERNAL SERVER ERROR');
    expect(outcome.error).toMatchObject({
      type: 'MemoryError',
      message:
        'this request used more than 64 MB of memory (by the end of line 7), so it was stopped',
    });
    expectCounterStillWorks();
  });

  test('a flood of printed text is cut off', () => {
    load(appWithView('while True:', "    print('x' * 1000)"));
    const outcome = get('/');
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    expect(outcome.error).toMatchObject({ type: 'OutputLimitExceeded' });
    expect(outcome.output.length).toBeLessThanOrEqual(64 * 1024);
    expectCounterStillWorks();
  });
});

describe('the playground on real Flask', () => {
  /** The program loaded into Python, as the runner passes it with the trace. */
  let program = '';
  /** One request from the playground's browser, answered by Python. */
  async function sendToPython(
    state: PlaygroundState,
    scenario: Scenario,
  ): Promise<PlaygroundState> {
    const request = pythonRequest(state);
    const outcome = runtime.request(request);
    const trace = outcome.ok ? await pythonTrace(request, outcome, program) : [];
    return checkCookieWithSimulator(
      applyOutcome(state, scenario, request, outcome, trace, program),
      outcome,
    );
  }

  test('the counter: rows, tracker, cookie jar and the simulator verifying each cookie', async () => {
    const scenario = SCENARIOS.counter;
    program = pythonSource(scenario, LESSON_CONFIG);
    load(program);
    let state = initialState(T0);
    state = await sendToPython(state, scenario);
    state = await sendToPython(advanceClock(state, 3600), scenario);
    expect(
      state.rows.map((row) => [row.before, row.action, row.after, row.tracked, row.output]),
    ).toEqual([
      ['{}', 'ran lines 7, 8', "{'count': 1}", '1', 'Count: 1'],
      ["{'count': 1}", 'ran lines 7, 8', "{'count': 2}", '2', 'Count: 2'],
    ]);
    expect(state.rows[1]?.note).toBe(
      'Flask sent a new cookie. The simulator verified the cookie Flask set with the app’s secret key.',
    );
    expect(state.jar.map((cookie) => cookie.name)).toEqual(['session']);
  });

  test('a KeyError row: HTTP 500, the exception and its line', async () => {
    const scenario = SCENARIOS.counter;
    load(appWithView("session['count'] = session['count'] + 1", "return 'never'"));
    const state = await sendToPython(initialState(T0), scenario);
    expect(state.rows[0]).toMatchObject({
      action: 'ran line 7 → KeyError',
      output: '500 INTERNAL SERVER ERROR',
      outcome: 'failed',
      note: "KeyError: 'count' (line 7). Flask sent no cookie.",
    });
    expect(state.last?.exception).toBe("KeyError: 'count'");
  });

  test('a bytes secret key: the trace verifies and saves with it, the simulator checks the cookie', async () => {
    const scenario = SCENARIOS.counter;
    // Flask's quickstart suggests a bytes key; real Flask signs with those bytes.
    program = COUNTER_PY.replace(
      "app.secret_key = 'secret'",
      "app.secret_key = b'_5#y2L\"F4Q8z\\n\\xec]/'",
    );
    load(program);
    let state = await sendToPython(initialState(T0), scenario);
    state = await sendToPython(state, scenario);
    expect(state.rows.map((row) => row.output)).toEqual(['Count: 1', 'Count: 2']);
    const stages = state.last!.trace;
    const loaded = stages.find((event) => event.stage === 'load');
    const saved = stages.find((event) => event.stage === 'save');
    expect(loaded).toMatchObject({ outcome: { kind: 'verified', key: { kind: 'current' } } });
    expect(saved).toMatchObject({ outcome: 'set' });
    expect(state.rows[1]?.note).toContain('The simulator verified the cookie Flask set');
  });

  const configs: [string, ServerConfig][] = [
    ['the lesson settings', LESSON_CONFIG],
    [
      'a permanent session with a 1-minute lifetime',
      { ...LESSON_CONFIG, permanent: true, lifetime: 60 },
    ],
    ['no secret key', { ...LESSON_CONFIG, noSecretKey: true }],
  ];
  const cases = Object.values(SCENARIOS).flatMap((scenario) =>
    configs.map(([name, config]) => [scenario.id, name, scenario, config] as const),
  );
  test.each(cases)(
    'real Flask agrees with the simulator: %s with %s, every route twice and after 2 minutes',
    async (_id, _name, scenario, config) => {
      program = pythonSource(scenario, config);
      load(program);
      let simulated: PlaygroundState = { ...initialState(T0), scenario: scenario.id, config };
      let real = simulated;
      const paths = [...scenario.routes, ...scenario.routes].map((route) => route.path);
      for (const [index, path] of paths.entries()) {
        if (index === scenario.routes.length) {
          simulated = advanceClock(simulated, 120);
          real = advanceClock(real, 120);
        }
        simulated = await sendRequest(setPath(simulated, path));
        real = await sendToPython(setPath(real, path), scenario);
        expect(responseDifferences(simulated.last!.response, real.last!.response)).toEqual([]);
        // The same stages, the same route, the same view lines with the same sessions and the
        // same reads and writes, the same save decision.
        const summary = (trace: readonly TraceEvent[]) =>
          trace.map((event) =>
            event.stage === 'view'
              ? [
                  'view',
                  event.line,
                  pyRepr(event.before),
                  pyRepr(event.after),
                  event.accesses,
                  event.error?.pythonClass,
                ]
              : event.stage === 'save'
                ? ['save', event.outcome, event.cookie, event.expires]
                : event.stage === 'load'
                  ? ['load', event.outcome.kind]
                  : event.stage === 'receive'
                    ? event
                    : [event.stage],
          );
        expect(summary(real.last!.trace)).toEqual(summary(simulated.last!.trace));
        // Not vacuous: every route of these apps has a rule and uses the session.
        expect(simulated.last!.trace).toContainEqual(
          expect.objectContaining({ stage: 'receive', rule: expect.any(String) }),
        );
        expect(simulated.last!.trace).toContainEqual(
          expect.objectContaining({
            stage: 'view',
            accesses: expect.arrayContaining([expect.anything()]),
          }),
        );
        expect(real.jar).toEqual(simulated.jar);
      }
    },
  );
});

describe('with the network sealed, Python reaches no origin', () => {
  let server: Server;
  let hits = 0;
  let origin = '';

  beforeAll(async () => {
    server = createServer((_request, response) => {
      hits += 1;
      response.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(sealNetwork(globalThis)).toEqual([]);
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test.each([
    ['js.fetch', 'import js', 'js.fetch(URL)'],
    ['XMLHttpRequest', 'import js', "r = js.XMLHttpRequest.new(); r.open('GET', URL); r.send()"],
    ['WebSocket', 'import js', "js.WebSocket.new(URL.replace('http', 'ws'))"],
    ['run_js', 'from pyodide.code import run_js', "run_js(f'fetch({URL!r})')"],
    ['pyodide.http.open_url', 'from pyodide.http import open_url', 'open_url(URL)'],
    ['urllib', 'import urllib.request', 'urllib.request.urlopen(URL)'],
    ['socket', 'import socket', "socket.create_connection(('127.0.0.1', PORT))"],
  ])('%s fails inside the view and nothing arrives', (_name, importLine, attempt) => {
    const port = origin.split(':')[2];
    load(
      [
        'from flask import Flask',
        importLine,
        `URL = ${JSON.stringify(`${origin}/`)}`,
        `PORT = ${port}`,
        'app = Flask(__name__)',
        "@app.route('/')",
        'def index():',
        `    ${attempt}`,
        "    return 'sent'",
        '',
      ].join('\n'),
    );
    const outcome = get('/');
    if (!outcome.ok) throw new Error(outcome.error.traceback);
    expect(outcome.response.status).toBe('500 INTERNAL SERVER ERROR');
    expect(outcome.error?.line).toBe(8);
    expect(hits).toBe(0);
  });
});
