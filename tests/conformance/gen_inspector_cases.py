#!/usr/bin/python3
"""Expected answers for the cookie inspector's input layer, measured on real Python and Flask.

Usage: /usr/bin/python3 tests/conformance/gen_inspector_cases.py [OUTPUT]   (default:
inspector-cases.json next to this script). Needs Debian's python3-flask (Flask 2.2.2,
itsdangerous 2.1.2). Deterministic: fixed clock and a seeded generator.

Sections:
  literals   Python source texts and what ast.literal_eval makes of them: a str, bytes, or
             an error (any other type counts as an error: the inspector reads str and bytes only)
  keys       secret keys as Python holds them (str or bytes) and the cookies Flask signs with them
  loads      cookies as learners paste them (padded, percent-encoded, quoted, expired
             Set-Cookie headers, pre-1.0 itsdangerous timestamps, JWTs, Django cookies) with the
             clean cookie Flask receives and what Flask's session interface makes of it
  displays   sessions whose display depends on Python's rules: dict order, datetimes with an
             offset, big integers
  word_list  lines as flask-unsign reads them (flask_unsign.helpers.parse: ast.literal_eval of
             the stripped line, else the line), and the key that signed a cookie among them
"""

import ast
import base64
import datetime as dt
import hashlib
import hmac
import json
import random
import sys
import urllib.parse
import warnings
from pathlib import Path

import flask
import itsdangerous
import itsdangerous.timed
from flask import Flask
from itsdangerous import TimestampSigner
from werkzeug.http import dump_cookie, http_date

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen_vectors import as_lines  # noqa: E402 - the same one-case-per-line JSON layout
T0 = 1700000000  # 2023-11-14T22:13:20Z
MAX_AGE = 2678400
LEGACY_EPOCH = 1293840000  # itsdangerous < 1.0 counted seconds from 2011-01-01


class Clock:
    now = T0


CLOCK = Clock()
itsdangerous.timed.TimestampSigner.get_timestamp = lambda self: CLOCK.now


def serializer(key):
    app = Flask(__name__)
    app.secret_key = key
    return app.session_interface.get_signing_serializer(app)


def dumps(session, key, ts=T0):
    CLOCK.now = ts
    return serializer(key).dumps(session)


def key_json(key):
    return {"bytes_hex": key.hex()} if isinstance(key, bytes) else key


def load(cookie, key, now=T0, max_age=MAX_AGE):
    """What Flask's session interface makes of `cookie`: the session's repr, or the exception."""
    CLOCK.now = now
    try:
        return {"ok": True, "repr": repr(dict(serializer(key).loads(cookie, max_age=max_age)))}
    except Exception as error:  # noqa: BLE001 - the class is the expected value
        return {"ok": False, "error": type(error).__name__}


def sign_json(text, key, ts):
    """A cookie around hand-written JSON (as someone forging one would make it)."""
    payload = base64.urlsafe_b64encode(text.encode()).rstrip(b"=")
    signer = TimestampSigner(key, salt="cookie-session", key_derivation="hmac",
                             digest_method=hashlib.sha1)
    CLOCK.now = ts
    return signer.sign(payload).decode()


# --- Python literals ------------------------------------------------------------------------

PREFIXES = ["", "", "", "b", "b", "r", "rb", "u", "B", "Rb", "bR", "f", "ur", "x"]
QUOTES = ["'", "'", '"', "'''", '"""']
PIECES = [
    "a", "Z", "0", "7", " ", "#", "é", "€", "😀", "'", '"', "\n", "\t",
    "\\n", "\\t", "\\r", "\\a", "\\b", "\\f", "\\v", "\\0", "\\12", "\\777", "\\400", "\\8",
    "\\x", "\\x4", "\\x41", "\\xff", "\\xZZ", "\\u", "\\u12", "\\u00e9", "\\ud800",
    "\\U0001F600", "\\U00110000", "\\q", "\\\\", "\\'", '\\"', "\\\n", "\\ ",
]
TAILS = ["", "", "", "", " ", "\n", " # comment", " 1", " 'more'", " b'more'", "\n'next'", "x"]


def random_literal(rng):
    parts = []
    for _ in range(rng.choice([1, 1, 1, 2])):
        prefix = rng.choice(PREFIXES)
        quote = rng.choice(QUOTES)
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
        parts.append(prefix + quote + body + (quote if rng.random() < 0.9 else ""))
    return rng.choice(["", "", " ", "\t"]) + " ".join(parts) + rng.choice(TAILS)


FIXED_LITERALS = [
    "b'_5#y2L\"F4Q8z\\n\\xec]/'", "'mysecret\\n'", "\"secret\"", "'dev'", "b'\\x01\\x02'",
    "'\\2\\1thisismyscretkey\\1\\2\\e\\y\\y\\h'", "'a' 'b'", "'a' b'b'", "b'é'", "r'\\'",
    "r'\\''", "'''a\nb'''", "'a' # note", "123", "None", "['a']", "dev", "'a' + 'b'", "",
    "   ", "f'x'",
]


def literal_case(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = ast.literal_eval(source)
        except Exception:  # noqa: BLE001 - any failure is "not a literal"
            return {"source": source, "ok": False}
    if isinstance(value, str):
        return {"source": source, "ok": True, "type": "str", "value": value}
    if isinstance(value, bytes):
        return {"source": source, "ok": True, "type": "bytes", "hex": value.hex()}
    return {"source": source, "ok": False}


def literals_section():
    rng = random.Random(11)
    sources = FIXED_LITERALS + [random_literal(rng) for _ in range(1500)]
    # Left out on purpose, the inspector refuses them with a sentence: \N{...} escapes (no
    # Unicode name table) and parentheses.
    return [literal_case(s) for s in dict.fromkeys(sources)]


# --- keys -----------------------------------------------------------------------------------

QUICKSTART_KEY = b'_5#y2L"F4Q8z\n\xec]/'  # flask.palletsprojects.com, Quickstart, Sessions


def keys_section():
    cases = [
        ("Flask quickstart bytes key", "b'_5#y2L\"F4Q8z\\n\\xec]/'", QUICKSTART_KEY,
         {"username": "admin"}),
        ("key read from a file with its newline", "mysecret\n", "mysecret\n", {"user": "guest"}),
        ("the same key without the newline", "mysecret", "mysecret", {"user": "guest"}),
        ("os.urandom key", "b'\\x00\\xff\\x10 \\x7f'", bytes([0, 255, 16, 32, 127]), {"a": 1}),
        ("non-UTF-8 text key", "'caf\\xe9'", "caf\xe9", {"a": 1}),
        ("bytes key equal to a str key", "b'dev'", b"dev", {"a": 1}),
        ("Apache Superset's default before 1.4.1 (CVE-2023-27524)",
         "'\\x02\\x01thisismyscretkey\\x01\\x02\\\\e\\\\y\\\\y\\\\h'",
         "\2\1thisismyscretkey\1\2\\e\\y\\y\\h", {"_user_id": "1", "user_id": 1}),
    ]
    out = []
    for name, typed, key, session in cases:
        cookie = dumps(session, key)
        out.append({"name": name, "typed": typed, "key": key_json(key), "session": session,
                    "timestamp": T0, "cookie": cookie, "load": load(cookie, key)})
    return out


# --- cookies as pasted ------------------------------------------------------------------------

def jwt():
    def part(obj):
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()
    head = part({"alg": "HS256", "typ": "JWT"})
    body = part({"sub": "1234567890", "name": "Ada", "iat": 1516239022})
    signature = base64.urlsafe_b64encode(
        hmac.new(b"dev", f"{head}.{body}".encode(), hashlib.sha256).digest()).rstrip(b"=")
    return f"{head}.{body}.{signature.decode()}"


def django_cookie():
    """A value in Django's signing format (django.core.signing.dumps with its defaults):
    base64 JSON, base62 timestamp and salted HMAC-SHA256, joined by colons."""
    data = base64.urlsafe_b64encode(b'{"user":1}').rstrip(b"=").decode()
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    stamp, rest = "", T0
    while rest:
        rest, digit = divmod(rest, 62)
        stamp = digits[digit] + stamp
    value = f"{data}:{stamp}"
    key = hashlib.sha256(b"django.core.signing" + b"signer" + b"dev").digest()
    mac = hmac.new(key, value.encode(), hashlib.sha256).digest()
    return f"{value}:{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"


def loads_section():
    padded = "eyJhZG1pbiI6dHJ1ZX0=.ZVPxAA.8YLHq9CwIRt0KyGkIlt-cJ_5MkA"
    permanent = dumps({"_permanent": True, "user": "ada"}, "dev")
    expires = dt.datetime.fromtimestamp(T0 + MAX_AGE, dt.timezone.utc)
    old_header = "Set-Cookie: " + dump_cookie("session", permanent, expires=expires,
                                              httponly=True, path="/")
    later = T0 + 200 * 86400
    deletion = "Set-Cookie: " + dump_cookie("session", "", expires=0, max_age=0, path="/")
    legacy = sign_json('{"user":"ada"}', "dev", 1500000000 - LEGACY_EPOCH)
    cases = [
        ("padded data part", padded, padded, "dev", T0),
        ("padded value from a Cookie header", f"Cookie: theme=dark; session={padded}", padded,
         "dev", T0),
        ("percent-encoded value", urllib.parse.quote(padded, safe=""), padded, "dev", T0),
        ("percent-encoded pair from developer tools", "session%3D" + padded.replace(".", "%2E"),
         padded, "dev", T0),
        ("value in shell quotes", f"'{padded}'", padded, "dev", T0),
        ("Python bytes repr of the value", f"b'{padded}'", padded, "dev", T0),
        ("expired Set-Cookie captured earlier", old_header, permanent, "dev", later),
        ("deletion Set-Cookie", deletion, None, "dev", T0),
        ("pre-1.0 itsdangerous timestamp", legacy, legacy, "dev", T0),
        ("JWT", jwt(), jwt(), "dev", T0),
        ("big timestamp", sign_json('{"a":1}', "dev", 2**63 - 1),
         sign_json('{"a":1}', "dev", 2**63 - 1), "dev", T0),
    ]
    out = []
    for name, pasted, cookie, key, now in cases:
        case = {"name": name, "pasted": pasted, "cookie": cookie, "key": key, "now": now}
        if cookie is not None:
            case["load"] = load(cookie, key, now=now)
            signed = cookie.rsplit(".", 1)[0]
            stamp = signed.rsplit(".", 1)[-1]
            try:
                case["timestamp"] = str(int.from_bytes(
                    base64.urlsafe_b64decode(stamp + "=" * (-len(stamp) % 4)), "big"))
            except ValueError:
                pass
        out.append(case)
    out[8]["legacy_signed_at"] = dt.datetime.fromtimestamp(
        int(out[8]["timestamp"]) + LEGACY_EPOCH, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    django = django_cookie()
    out.append({"name": "Django signed cookie", "pasted": django, "cookie": django,
                "key": "dev", "now": T0, "load": load(django, "dev")})
    return out


# --- displays -----------------------------------------------------------------------------

def displays_section():
    texts = [
        ("integer-like keys", '{"cart":{"12":1,"3":2},"10":"x","2":"y"}'),
        ("datetime with +0200", '{"at":{" d":"Tue, 02 Jan 2024 03:04:05 +0200"}}'),
        ("datetime with -0530", '{"at":{" d":"Tue, 02 Jan 2024 03:04:05 -0530"}}'),
        ("datetime in GMT", '{"at":{" d":"Tue, 02 Jan 2024 03:04:00 GMT"}}'),
        ("datetime with -0000", '{"at":{" d":"Tue, 02 Jan 2024 03:04:05 -0000"}}'),
        ("big integers", '{"n":9223372036854775807,"m":-18446744073709551616}'),
        ("tagged values in order", '{"z":{" t":[1,{" b":"AAE="}]},"a":{" di":{" t__":2}}}'),
    ]
    out = []
    for name, text in texts:
        cookie = sign_json(text, "dev", T0)
        out.append({"name": name, "json": text, "cookie": cookie, "load": load(cookie, "dev")})
    return out


# --- flask-unsign word lists ------------------------------------------------------------

def flask_unsign_parse(line):
    """flask_unsign.helpers.parse (Flask-Unsign 1.2), for a line read from a file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ast.literal_eval(line.strip())
        except (SyntaxError, ValueError):
            return line.strip()


WORD_LIST = [
    '"secret"', "'dev'", "b'\\x01\\x02'", "'mysecret\\n'", "hunter2", "  'spaced'  ",
    "'unterminated", "b'caf\\xc3\\xa9'", '"tab\\there"', "plain words here",
]


def word_list_section():
    lines = []
    for line in WORD_LIST:
        value = flask_unsign_parse(line)
        kind = "literal" if literal_case(line.strip())["ok"] else "plain"
        lines.append({"line": line, "kind": kind, "key": key_json(value)})
    return {"lines": lines, "cookie": dumps({"user": "admin"}, "secret"), "found": "secret"}


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "inspector-cases.json"
    cases = {
        "meta": {"generator": "tests/conformance/gen_inspector_cases.py",
                 "flask": flask.__version__, "itsdangerous": itsdangerous.__version__,
                 "python": sys.version.split()[0], "clock": T0, "max_age": MAX_AGE},
        "literals": literals_section(),
        "keys": keys_section(),
        "loads": loads_section(),
        "displays": displays_section(),
        "word_list": word_list_section(),
    }
    out.write_text(as_lines(cases), encoding="utf-8")
    print(f"wrote {out}: " + ", ".join(f"{k} {len(v)}" for k, v in cases.items()
                                        if isinstance(v, list)), file=sys.stderr)


if __name__ == "__main__":
    main()
