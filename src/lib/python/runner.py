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
  was before that line, and the session when the view returned or raised.
"""

import datetime as dt
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
        if len(self.events) >= TRACE_LIMIT:
            self.dropped += 1
            return
        entry["session"] = session_snapshot()
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
        sys.settrace(self.watch)
        return self

    def __exit__(self, *exc):
        sys.settrace(None)
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
    "output", "trace": [events], "trace_dropped"}` or
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
    })
