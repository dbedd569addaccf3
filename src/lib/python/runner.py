"""Runs a learner's Flask app inside Pyodide: load it, send it requests, keep it within limits.

Imported once as `lesson_runner` after the vendored Flask is unpacked. JavaScript calls
`load_app(source)` and `request(json_text)`; both return JSON text (never raise), so whatever the
learner's program does comes back as data, and JavaScript treats every string in it as text.

- The clock: `itsdangerous.timed.TimestampSigner.get_timestamp` (the signing and max-age time) and
  `flask.sessions.datetime` (the permanent cookie's Expires) read `CLOCK.now`, the simulated time.
- Requests go through Flask's test client without its cookie jar, so the status line, headers
  and body are exactly what `Flask.wsgi_app` returns.
- Limits: a `sys.settrace` watchdog, active only in frames of the learner's file, raises
  `TimeoutError` at the learner's line once a request or the program's start runs past its time,
  and `MemoryError` once the memory Python allocated during it passes `MEMORY_LIMIT`; printed and
  logged text is capped at `OUTPUT_LIMIT`. Loops inside C code never reach a line event: the
  worker's owner terminates the worker for those.
- The same watchdog records the line trace: each executed line of a view with the session as it
  was before that line, the session when the view returned or raised, and what each line did to
  the session (its reads and writes, noted by the session classes below). The route Flask matched
  (rule, the line of its decorator, endpoint, URL arguments) is noted when the request starts.
"""

import datetime as dt
import inspect
import io
import json
import linecache
import sys
import time
import tracemalloc
import traceback
import types

import flask
import flask.sessions
import itsdangerous.timed
from flask import Flask

APP_FILE = "app.py"
"""The learner's file name, as tracebacks show it."""

APP_PATH = "/home/pyodide/app.py"
"""`__file__` of the learner's module (Flask derives the app's root path from it)."""

TIME_LIMIT = 2.0
MEMORY_LIMIT = 64 * 1024 * 1024
OUTPUT_LIMIT = 64 * 1024
TRACE_LIMIT = 2000


class Clock:
    now = 0


CLOCK = Clock()
itsdangerous.timed.TimestampSigner.get_timestamp = lambda self: int(CLOCK.now)


class SimulatedDatetime(dt.datetime):
    """`datetime` whose `now()` is the simulated clock (Flask's sessions module calls `now`)."""

    @classmethod
    def now(cls, tz=None):
        return dt.datetime.fromtimestamp(CLOCK.now, tz)


flask.sessions.datetime = SimulatedDatetime


def _no_server(self, *args, **kwargs):
    raise RuntimeError(
        "app.run() starts a web server, and a browser tab cannot run one: here the playground "
        "sends your app its requests. Delete the app.run() line, or keep it under "
        "if __name__ == '__main__':, which is how Flask apps usually guard it.")


Flask.run = _no_server


class OutputLimitExceeded(Exception):
    pass


class CappedOutput(io.TextIOBase):
    """Keeps what is written up to `OUTPUT_LIMIT` characters, raises once past it, then drops."""

    def __init__(self):
        self.parts = []
        self.size = 0

    def writable(self):
        return True

    def write(self, text):
        if self.size > OUTPUT_LIMIT:
            return len(text)  # already stopped once: later text (Flask's error log) is dropped
        self.size += len(text)
        if self.size > OUTPUT_LIMIT:
            raise OutputLimitExceeded(
                f"your app printed more than {OUTPUT_LIMIT // 1024} KB, so it was stopped")
        self.parts.append(text)
        return len(text)

    def text(self):
        return "".join(self.parts)


class Watch:
    """The time and memory limits and the line trace of one load or request."""

    def __init__(self, what, trace_views):
        self.what = what
        self.deadline = time.monotonic() + TIME_LIMIT
        self.trace_views = trace_views
        self.events = []
        self.dropped = 0
        self.last_line = None
        self.accesses = []
        self.route = None

    def __call__(self, frame, event, arg):
        if frame.f_code.co_filename != APP_FILE:
            return None
        if self.trace_views and frame.f_code.co_name != "<module>":
            return self.traced_line
        return self.line

    def check(self):
        if time.monotonic() > self.deadline:
            raise TimeoutError(
                f"{self.what} ran for more than {TIME_LIMIT:g} seconds, so it was stopped")
        if tracemalloc.get_traced_memory()[0] > MEMORY_LIMIT:
            raise MemoryError(
                f"{self.what} used more than {MEMORY_LIMIT // (1024 * 1024)} MB of memory "
                f"(by the end of line {self.last_line}), so it was stopped")

    def line(self, frame, event, arg):
        if event == "line":
            self.check()
            self.last_line = frame.f_lineno
        return self.line

    def traced_line(self, frame, event, arg):
        if event == "line":
            self.check()
            self.last_line = frame.f_lineno
            self.record({"event": "line", "line": frame.f_lineno, "function": frame.f_code.co_name})
        elif event == "return":
            self.record({"event": "return", "line": frame.f_lineno,
                         "function": frame.f_code.co_name})
        elif event == "exception":
            self.record({"event": "exception", "line": frame.f_lineno,
                         "function": frame.f_code.co_name, "exception": arg[0].__name__})
        return self.traced_line

    def record(self, entry):
        # The session uses noted since the previous event happened while that event's line ran.
        noted, self.accesses = self.accesses, []
        if self.events and not self.dropped:
            self.events[-1]["accesses"] += noted
        if len(self.events) >= TRACE_LIMIT:
            self.dropped += 1
            return
        entry["session"] = session_snapshot()
        entry["accesses"] = []
        self.events.append(entry)


def session_snapshot():
    """The session as the view sees it right now: Python repr and flags, or None outside one."""
    if not flask.has_request_context():
        return None
    current = flask.session._get_current_object()
    if current is None:
        return None
    return {"repr": dict.__repr__(current), "accessed": getattr(current, "accessed", False),
            "modified": getattr(current, "modified", False),
            "permanent": bool(dict.get(current, "_permanent", False)),
            "items": {str(key): repr(value) for key, value in dict.items(current)},
            "tagged": tagged_json(current)}


def tagged_json(current):
    """The session as Flask's TaggedJSONSerializer writes it, or None if it cannot be."""
    try:
        return flask.current_app.session_interface.serializer.dumps(dict(current))
    except Exception:  # noqa: BLE001 - a value Flask cannot store: the trace shows no dict
        return None


class Noting:
    """The watch that session uses are noted into (one request at a time), and the nesting depth.

    Only the outermost call is a use: Werkzeug's `setdefault` and `pop` test `key in self`, which
    the learner did not write. Only uses while one of the learner's functions runs are noted, so
    Flask's own reads when it saves the session are left out, as the engine leaves them out.
    """

    watch = None
    depth = 0


NOTING = Noting()


def learner_function_running():
    """Whether a function of the learner's file is on the stack of the session method's caller."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == APP_FILE and frame.f_code.co_name != "<module>":
            return True
        frame = frame.f_back
    return False


def has_key(session, key):
    try:
        return dict.__contains__(session, key)
    except TypeError:  # an unhashable key: the method itself raises it, as Python does
        return False


def noting(name, kind, keyed):
    """A session method that notes its use, then runs the method of Flask's class unchanged.

    `kind` is "read" or "write", or None for `setdefault`: a read when the key is there, a write
    when it adds it (as `flask/sessions.py` and Werkzeug's `UpdateDictMixin.setdefault` decide).
    """

    def method(self, *args, **kwargs):
        watch = NOTING.watch
        if watch is not None and NOTING.depth == 0 and learner_function_running():
            key = args[0] if keyed and args else None
            use = kind or ("read" if has_key(self, key) else "write")
            if key is not None and not isinstance(key, str):
                key = repr(key)
            watch.accesses.append({"kind": use, "method": name, "key": key})
        NOTING.depth += 1
        try:
            return getattr(super(NotesAccesses, self), name)(*args, **kwargs)
        finally:
            NOTING.depth -= 1

    method.__name__ = name
    return method


NotesAccesses = type("NotesAccesses", (), {
    name: noting(name, kind, keyed) for name, kind, keyed in [
        ("get", "read", True), ("__getitem__", "read", True), ("__contains__", "read", True),
        ("__len__", "read", False), ("keys", "read", False), ("values", "read", False),
        ("items", "read", False), ("__setitem__", "write", True), ("__delitem__", "write", True),
        ("clear", "write", False), ("pop", "write", True), ("popitem", "write", False),
        ("setdefault", None, True), ("update", "write", False)]
})
NotesAccesses.__doc__ = "Notes each use of the session for the line trace (see `noting`)."


class SecureCookieSession(NotesAccesses, flask.sessions.SecureCookieSession):
    """Flask's session, its uses noted; named like Flask's so `type(session)` reads the same."""


class NullSession(NotesAccesses, flask.sessions.NullSession):
    """Flask's session without a secret key (every write raises), with its uses noted."""


SecureCookieSession.__module__ = NullSession.__module__ = "flask.sessions"
flask.sessions.SecureCookieSessionInterface.session_class = SecureCookieSession
flask.sessions.SessionInterface.null_session_class = NullSession


def route_line(view, rule):
    """The line of the decorator that routed `rule` to `view` in the learner's file, or None.

    `co_firstlineno` of a decorated function is its first decorator's line; the route's decorator
    is the first of the decorator lines from there that calls `.route(` or names the rule (as
    `@app.get('/')` does). None for a view registered with `app.add_url_rule`.
    """
    code = getattr(inspect.unwrap(view), "__code__", None) if view is not None else None
    if code is None or code.co_filename != APP_FILE:
        return None
    line = code.co_firstlineno
    text = linecache.getline(APP_FILE, line).strip()
    while text.startswith("@"):
        if ".route(" in text or repr(rule) in text or f'"{rule}"' in text:
            return line
        line += 1
        text = linecache.getline(APP_FILE, line).strip()
    return None


def _note_route(sender, **extra):
    """`request_started`: the route Flask matched, as the trace's receive stage says it."""
    watch = NOTING.watch
    if watch is None:
        return
    rule = flask.request.url_rule
    if rule is None:
        watch.route = {"rule": None, "route_line": None, "endpoint": None, "args": {}}
        return
    watch.route = {
        "rule": rule.rule, "endpoint": rule.endpoint,
        "route_line": route_line(sender.view_functions.get(rule.endpoint), rule.rule),
        "args": {str(name): str(value) for name, value in (flask.request.view_args or {}).items()},
    }


flask.request_started.connect(_note_route, weak=False)


def learner_traceback(error):
    """The traceback as Python prints it, keeping only the frames of the learner's file."""
    if isinstance(error, SyntaxError) and error.filename == APP_FILE:
        return "".join(traceback.format_exception_only(type(error), error))
    frames = []
    for frame in traceback.extract_tb(error.__traceback__):
        # A trace function that raises adds its frame once more: show each frame once.
        if frame.filename == APP_FILE and not (frames and same_place(frames[-1], frame)):
            frames.append(frame)
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines)


def same_place(a, b):
    return (a.filename, a.lineno, a.name) == (b.filename, b.lineno, b.name)


def learner_line(error):
    """The line of the learner's file the error happened at (the innermost), or None."""
    if isinstance(error, SyntaxError) and error.filename == APP_FILE:
        return error.lineno
    lines = [f.lineno for f in traceback.extract_tb(error.__traceback__) if f.filename == APP_FILE]
    return lines[-1] if lines else None


def describe_error(error):
    return {"type": type(error).__name__, "message": str(error), "line": learner_line(error),
            "traceback": learner_traceback(error)}


class Guarded:
    """Runs learner code with the watchdog on, the output captured and memory traced."""

    def __init__(self, watch):
        self.watch = watch
        self.output = CappedOutput()

    def __enter__(self):
        self.saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = self.output
        tracemalloc.start()
        NOTING.watch = self.watch if self.watch.trace_views else None
        NOTING.depth = 0
        sys.settrace(self.watch)
        return self

    def __exit__(self, *exc):
        sys.settrace(None)
        NOTING.watch = None
        tracemalloc.stop()
        sys.stdout, sys.stderr = self.saved
        return False


STATE = {"app": None}
NO_APP = {"type": "NoApp", "line": None, "traceback": "",
          "message": "no app is loaded: run your program first"}
CAUGHT = []


def _record_exception(sender, exception, **extra):
    CAUGHT.append(exception)


flask.got_request_exception.connect(_record_exception, weak=False)


def load_app(source):
    """Compiles and runs the learner's program, then finds its Flask app.

    Returns JSON: `{"ok": true, "output"}` or `{"ok": false, "error": {type, message, line,
    traceback}, "output"}`.
    """
    STATE["app"] = None
    linecache.cache[APP_FILE] = (len(source), None, source.splitlines(True), APP_FILE)
    try:
        code = compile(source, APP_FILE, "exec")
    except SyntaxError as error:
        return json.dumps({"ok": False, "error": describe_error(error), "output": ""})
    module = types.ModuleType("app")
    module.__file__ = APP_PATH
    sys.modules["app"] = module
    guard = Guarded(Watch("your program", trace_views=False))
    try:
        with guard:
            exec(code, module.__dict__)  # noqa: S102 - the learner's own program, in their tab
    except BaseException as error:  # noqa: BLE001 - SystemExit and all: report, never crash
        return json.dumps({"ok": False, "error": describe_error(error),
                           "output": guard.output.text()})
    apps = [value for value in vars(module).values() if isinstance(value, Flask)]
    if not apps:
        return json.dumps({"ok": False, "output": guard.output.text(), "error": {
            "type": "NoApp", "line": None, "traceback": "",
            "message": "your program makes no Flask app: it needs a line like app = Flask(__name__)"}})
    STATE["app"] = apps[0]
    return json.dumps({"ok": True, "output": guard.output.text()})


def configure(config_json):
    """Updates the loaded app's config, as `app.config.update` would (JSON object of keys).

    The playground's experiments (change or remove the secret key, shorten the lifetime) go
    through here after `load_app`. Returns JSON `{"ok": true}` or `{"ok": false, "error"}`.
    """
    app = STATE["app"]
    if app is None:
        return json.dumps({"ok": False, "error": NO_APP})
    app.config.update(json.loads(config_json))
    return json.dumps({"ok": True})


def secret_key_json(key):
    """The app's key as JSON can carry it: text as is, bytes as their values, else None."""
    if isinstance(key, str):
        return key
    if isinstance(key, (bytes, bytearray)):
        return {"bytes": list(key)}
    return None


def request(request_json):
    """Sends one request to the loaded app.

    Takes JSON `{method, path, cookie_header (str or null), now (Unix seconds), trace (bool)}`.
    Returns JSON `{"ok": true, "response": {status, headers: [[name, value]], body}, "error"
    (the exception behind a 500, or null), "secret_key" (text, `{"bytes": [0-255, ...]}` for a
    bytes key, or null when unset or of another type),
    "output", "trace": [events, each with the session `accesses` of its line],
    "trace_dropped", "route": {rule, route_line, endpoint, args} (null when the request did not
    start, or when it was not traced)}` or
    `{"ok": false, "error"}` when no app is loaded or the request could not run at all.
    """
    app = STATE["app"]
    if app is None:
        return json.dumps({"ok": False, "error": NO_APP, "output": ""})
    spec = json.loads(request_json)
    CLOCK.now = spec["now"]
    cookie = spec.get("cookie_header")
    # A WSGI environ holds headers as latin-1 text (PEP 3333); the browser sends UTF-8 bytes.
    headers = [] if cookie is None else [("Cookie", cookie.encode("utf-8").decode("latin-1"))]
    CAUGHT.clear()
    watch = Watch("this request", trace_views=bool(spec.get("trace")))
    guard = Guarded(watch)
    try:
        with guard:
            response = app.test_client(use_cookies=False).open(
                spec["path"], method=spec.get("method", "GET"), headers=headers)
            body = response.get_data()
    except BaseException as error:  # noqa: BLE001 - learner code escaping Flask's handling
        return json.dumps({"ok": False, "error": describe_error(error),
                           "output": guard.output.text()})
    return json.dumps({
        "ok": True,
        "response": {"status": response.status,
                     "headers": [[name, value] for name, value in response.headers.items()],
                     "body": body.decode("utf-8", "replace")},
        "error": describe_error(CAUGHT[0]) if CAUGHT else None,
        "secret_key": secret_key_json(app.secret_key),
        "output": guard.output.text(),
        "trace": watch.events,
        "trace_dropped": watch.dropped,
        "route": watch.route,
    })
