#!/usr/bin/python3
"""Conformance vectors for the TypeScript Flask session engine, measured on real Flask.

Usage: /usr/bin/python3 tests/conformance/gen_vectors.py [OUTPUT]   (default: vectors.json
next to this script). Needs Debian's python3-flask (Flask 2.2.2, itsdangerous 2.1.2,
Werkzeug 2.2.2). The output is deterministic: the clock is fixed by replacing
itsdangerous' TimestampSigner.get_timestamp (used for signing and for the max-age check)
and flask.sessions.datetime (the permanent cookie's Expires), and random sessions come
from a seeded generator.

Sections (see the TypeScript tests in this folder for how each is checked):
  cookies        sessions dumped by Flask's own signing serializer, byte for byte
  loads          cookies and what loading them gives: the session, or the exception
  cookie_headers how Werkzeug splits Cookie headers
  requests       request sequences through the Flask test client, headers verbatim
"""

import base64
import datetime as dt
import hashlib
import json
import logging
import random
import re
import sys
import traceback
import uuid
import warnings
import zlib
from pathlib import Path

import flask
import flask.sessions
import itsdangerous
import itsdangerous.timed
import markupsafe
import werkzeug
from flask import Flask, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import Signer, TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import base64_encode
from markupsafe import Markup
from werkzeug.http import parse_cookie

HERE = Path(__file__).resolve().parent
LESSON_APPS_TS = HERE.parent.parent / "src" / "lib" / "lesson-apps" / "sources.ts"
KEY = "dev-secret-key"
T0 = 1700000000  # 2023-11-14T22:13:20Z
MAX_AGE = 2678400
UTC = dt.timezone.utc

logging.disable(logging.CRITICAL)  # Flask logs every 500's traceback


# --- a fixed clock ------------------------------------------------------------------------

class Clock:
    now = T0


CLOCK = Clock()
itsdangerous.timed.TimestampSigner.get_timestamp = lambda self: CLOCK.now


class FixedDatetime(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return dt.datetime.fromtimestamp(CLOCK.now, tz)


flask.sessions.datetime = FixedDatetime


# --- describing values so TypeScript can rebuild them ---------------------------------

class NotDescribable(Exception):
    """The value has a type the TypeScript value model does not have (date, Decimal, ...)."""


def describe(value):
    """A JSON description of a session value: [type, payload]."""
    if value is None:
        return ["none"]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, int):
        return ["int", str(value)]
    if isinstance(value, float):
        return ["float", repr(value)]
    if isinstance(value, Markup):
        return ["markup", str(value)]
    if isinstance(value, str):
        return ["str", value]
    if isinstance(value, bytes):
        return ["bytes", value.hex()]
    if isinstance(value, tuple):
        return ["tuple", [describe(item) for item in value]]
    if isinstance(value, list):
        return ["list", [describe(item) for item in value]]
    if isinstance(value, dict):
        if not all(isinstance(key, str) and not isinstance(key, Markup) for key in value):
            raise NotDescribable("non-str key")
        return ["dict", [[key, describe(item)] for key, item in value.items()]]
    if isinstance(value, uuid.UUID):
        return ["uuid", value.hex]
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return ["datetime", aware.timestamp()]
    raise NotDescribable(type(value).__name__)


def describe_or_none(value):
    try:
        return describe(value)
    except NotDescribable:
        return None


MODEL_TYPES = (type(None), bool, int, float, str, bytes, list, tuple, dict, uuid.UUID,
               dt.datetime)


def repr_comparable(value):
    """Whether the TypeScript model can print this value exactly like Python's repr.

    It cannot when a dict key looks like an array index (JS objects put those first), a
    key is not text, a datetime carries a non-UTC offset (the model keeps UTC dates), or a
    value has a type the model lacks (set, date, Decimal, ...).
    """
    pending = [value]
    while pending:
        item = pending.pop()
        if not isinstance(item, MODEL_TYPES):
            return False
        if isinstance(item, dict):
            for key, inner in item.items():
                if not isinstance(key, str) or isinstance(key, Markup):
                    return False
                if re.fullmatch(r"0|[1-9][0-9]*", key) and int(key) < 2**32 - 1:
                    return False
                pending.append(inner)
        elif isinstance(item, (list, tuple)):
            pending.extend(item)
        elif isinstance(item, dt.datetime) and item.utcoffset() != dt.timedelta(0):
            return False
    return True


def outcome(function):
    """Call `function`; its result, or the exception class and message it raised."""
    try:
        return {"ok": True, "value": function()}
    except Exception as error:  # noqa: BLE001 - every exception is a measured outcome
        return {"ok": False, "class": type(error).__name__, "message": str(error)}


def secret(key):
    return key if isinstance(key, str) else {"bytes_hex": key.hex()}


# --- Flask's signing serializer ----------------------------------------------------------

APP = Flask("vectors")
APP.secret_key = KEY


def serializer(keys):
    """What Flask >= 3.1.1 builds: keys oldest first, the current key last."""
    interface = SecureCookieSessionInterface()
    return URLSafeTimedSerializer(
        keys,
        salt=interface.salt,
        serializer=interface.serializer,
        signer_kwargs={"key_derivation": interface.key_derivation,
                       "digest_method": interface.digest_method},
    )


def dumps(value, key=KEY, ts=T0):
    CLOCK.now = ts
    with APP.test_request_context():  # Flask's JSON provider (sort_keys) needs an app
        return serializer([key]).dumps(value)


def sign_payload(segment, ts=T0, key=KEY, salt="cookie-session"):
    """A cookie carrying any payload segment, validly signed (what only a key holder can do)."""
    CLOCK.now = ts
    signer = TimestampSigner(key, salt=salt, key_derivation="hmac", digest_method=hashlib.sha1)
    return signer.sign(segment).decode("utf-8")


def b64(data):
    return base64_encode(data)


def json_cookie(text, ts=T0, compress=False):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return sign_payload(b"." + b64(zlib.compress(data)) if compress else b64(data), ts)


# --- section: cookies -------------------------------------------------------------------

def cookie_case(name, value, key=KEY, ts=T0):
    cookie = dumps(value, key, ts)
    with APP.test_request_context():
        tagged = flask.sessions.session_json_serializer.dumps(value)
    compressed = cookie.startswith(".")
    return {
        "name": name,
        "secret_key": secret(key),
        "timestamp": ts,
        "value": describe_or_none(value),
        "tagged_json": tagged,
        "compressed": compressed,
        "cookie": cookie,
        "reload": load(cookie, (key,), now=ts),
    }


def utc(*args):
    return dt.datetime(*args, tzinfo=UTC)


def fixed_sessions():
    u = uuid.UUID("12345678-1234-5678-1234-567812345678")
    cases = {
        "empty": {},
        "count_1000000": {"count": 1000000},
        "permanent_count": {"_permanent": True, "count": 7},
        "user_alice": {"user": "alice"},
        "permanent_user": {"_permanent": True, "user": "alice"},
        "cart_apple": {"cart": ["apple"]},
        "cart_three": {"cart": ["apple", "banana", "pear"]},
        "all_lesson_keys": {"_permanent": True, "cart": ["apple", "banana", "pear"], "user": "alice"},
        "nested": {"a": {"b": {"c": [1, {"d": None}]}}, "z": []},
        "key_order": {"b": 1, "a": 2, "B": 3, "_": 4, "\u00e9": 5, "\U0001f600": 6,
                      "\uffff": 7, "10": 8, "9": 9},
        "key_order_astral_vs_bmp": {"\ue000": 1, "\U00010000": 2, "\ud7ff": 3},
        "unicode_text": {"s": "h\u00e9llo w\u00f6rld \u2603 \U0001f600 \u2028"},
        "lone_surrogates": {"s": "\ud800", "t": "a\udfffb", "u": "\udc00\ud800"},
        "escapes": {"s": "\"\\\n\r\t\b\f\x00\x1f\x7f/<>&'"},
        "control_chars": {"s": "".join(chr(i) for i in range(32))},
        "empty_string_key": {"": ""},
        "proto_key": {"__proto__": {"polluted": True}, "constructor": 1},
        "bools_none": {"t": True, "f": False, "n": None},
        "ints": {"zero": 0, "neg": -1, "safe": 2**53 - 1, "unsafe": 2**53, "u64": 2**64,
                 "neg_big": -2**70, "googol": 10**100},
        "floats": {"a": 1.0, "b": -0.0, "c": 0.1, "d": 1e16, "e": 1e-05, "f": 1.5e-07,
                   "g": 5e-324, "h": 1.7976931348623157e308, "i": -1.7976931348623157e308,
                   "j": 123456789.123, "k": 1e22, "l": 1 / 3, "m": 100.0, "n": 1e15,
                   "o": 0.0001, "p": 2.5e-05, "q": 12345678901234567.0},
        "non_finite": {"nan": float("nan"), "inf": float("inf"), "ninf": float("-inf")},
        "tuples": {"empty": (), "one": (1,), "mixed": (1, "a", (2, 3), [4])},
        "tuple_in_list": {"l": [(1, 2), ()]},
        "bytes": {"empty": b"", "zero": b"\x00", "mixed": b"\x00\xff ab"},
        "all_bytes": {"b": bytes(range(256))},
        "uuid": {"u": u, "l": [uuid.UUID(int=0)]},
        "markup": {"m": Markup("<b>x</b>"), "e": Markup("")},
        "datetime": {"d": utc(2024, 1, 2, 3, 4, 5)},
        "datetime_microseconds": {"d": utc(2024, 1, 2, 3, 4, 5, 678901)},
        "datetime_naive": {"d": dt.datetime(2024, 1, 2, 3, 4, 5)},
        "datetime_offset": {"d": dt.datetime(2024, 1, 2, 3, 4, 5,
                                             tzinfo=dt.timezone(dt.timedelta(hours=2)))},
        "datetime_extremes": {"first": utc(1, 1, 1), "last": utc(9999, 12, 31, 23, 59, 59),
                              "epoch": utc(1970, 1, 1), "minute": utc(2024, 1, 2, 3, 4)},
        "date_untagged": {"d": dt.date(2024, 1, 2)},
        "di_top_level": {" t": [1, 2]},
        "di_nested": {"x": {" t": 1}},
        "di_of_di": {"x": {" di": "v"}},
        "di_tagged_value": {"x": {" t": (1, 2)}},
        "di_each_tag": {"b": {" b": b"x"}, "m": {" m": 1}, "u": {" u": 2}, "d": {" d": 3}},
        "di_deep": {" di": {" di": {" u": u}}},
        "two_keys_not_escaped": {" t": 1, "a": 2},
        "tag_like_key_not_escaped": {" t__": 1},
        "unregistered_tag_key": {" x": 1},
        "scalars_top_level_values": {"s": "x", "i": 1, "f": 1.5, "b": True, "n": None},
    }
    return cases


def threshold_sessions():
    cases = {}
    for n in range(8, 22):
        cases[f"repeat_a_{n}"] = {"x": "a" * n}
    for n in (2, 4, 8, 16, 32):
        cases[f"uuid_hex_{n}"] = {"ids": [uuid.UUID(int=i * 7919).hex for i in range(1, n + 1)]}
    cases["counts_list_40"] = {"c": list(range(40))}
    cases["long_cart"] = {"cart": [f"item-{i}" for i in range(50)]}
    cases["repetitive_10k"] = {"big": "ab" * 5000}
    return cases


def random_value(rng, depth=0):
    kinds = ["int", "str", "bool", "none", "float"]
    if depth < 3:
        kinds += ["list", "dict", "dict", "tuple"]
    kinds += ["bytes", "uuid", "markup", "datetime"]
    kind = rng.choice(kinds)
    if kind == "int":
        return rng.choice([rng.randint(-1000, 10**6), rng.randint(-2**70, 2**70)])
    if kind == "str":
        alphabet = "abcxyz _-\"\\'\n\u00e9\u20ac\U0001f600\x7f<>&"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "none":
        return None
    if kind == "float":
        return rng.choice([rng.uniform(-1e6, 1e6), float(rng.randint(-99, 99)),
                           rng.uniform(0, 1e-6), 10.0 ** rng.randint(-30, 30)])
    if kind == "list":
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if kind == "tuple":
        return tuple(random_value(rng, depth + 1) for _ in range(rng.randint(0, 3)))
    if kind == "dict":
        keys = ["a", "b", "count", "user", " t", " di", "_permanent", "x y", "\u00e9"]
        return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    if kind == "bytes":
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 8)))
    if kind == "uuid":
        return uuid.UUID(int=rng.getrandbits(128))
    if kind == "markup":
        return Markup(rng.choice(["<i>x</i>", "", "a & b"]))
    return utc(2000, 1, 1) + dt.timedelta(seconds=rng.randint(0, 10**9))


def cookies_section():
    cases = []
    for name, value in fixed_sessions().items():
        cases.append(cookie_case(name, value))
    for name, value in threshold_sessions().items():
        cases.append(cookie_case(name, value))
    for n in range(1, 6):
        cases.append(cookie_case(f"count_{n}", {"count": n}))
    keys = {
        "key_bytes": KEY.encode(),
        "key_seed_secret": "secret",
        "key_100_chars": "k" * 100,
        "key_100_bytes": bytes(range(100)),
        "key_64_bytes": b"\x01" * 64,
        "key_65_bytes": b"\x01" * 65,
        "key_non_ascii": "cl\u00e9-secr\u00e8te",
        "key_empty": "",
    }
    for name, key in keys.items():
        cases.append(cookie_case(name, {"count": 1}, key=key))
    for ts in (0, 1, 255, 256, 65535, 65536, 1234567890, 2147483647, 2**32 - 1, 2**32,
               2**40, 253402300799):
        cases.append(cookie_case(f"timestamp_{ts}", {"count": 1}, ts=ts))
    rng = random.Random(20240101)
    for i in range(60):
        value = {f"k{j}": random_value(rng) for j in range(rng.randint(0, 4))}
        cases.append(cookie_case(f"random_{i}", value))
    return cases


# --- section: loads -----------------------------------------------------------------------

def load(cookie, keys=(KEY,), now=T0, max_age=MAX_AGE):
    """What Flask's open_session meets for this cookie value."""
    CLOCK.now = now
    with APP.test_request_context():
        try:
            data, signed_at = serializer(list(keys)).loads(cookie, max_age=max_age,
                                                           return_timestamp=True)
        except Exception as error:  # noqa: BLE001 - every exception is a measured outcome
            return {"ok": False, "class": type(error).__name__,
                    "mro": [c.__name__ for c in type(error).__mro__],
                    "message": str(error), "stage": "loads"}
        try:
            session_dict = dict(SecureCookieSession(data))
        except Exception as error:  # noqa: BLE001
            return {"ok": False, "class": type(error).__name__, "message": str(error),
                    "stage": "session"}
    timestamp = int(signed_at.timestamp())
    printed = outcome(lambda: repr(session_dict))
    result = {"ok": True, "timestamp": timestamp,
              "repr": printed["value"] if printed["ok"] else None,
              "repr_comparable": printed["ok"] and repr_comparable(session_dict),
              "non_str_keys": any(not isinstance(k, str) for k in session_dict)}
    if not result["non_str_keys"]:
        result["redump"] = outcome(lambda: dumps(session_dict, keys[-1], timestamp))
    return result


def load_case(name, cookie, keys=(KEY,), now=T0, max_age=MAX_AGE):
    return {"name": name, "cookie": cookie, "secret_keys": [secret(k) for k in keys],
            "now": now, "max_age": max_age, "result": load(cookie, keys, now, max_age)}


def tamper(cookie, index, char):
    return cookie[:index] + char + cookie[index + 1:]


def loads_section():
    c1 = dumps({"count": 1})
    payload, stamp, sig = c1.split(".")
    compressed = dumps({"x": "a" * 12})
    cases = [
        load_case("valid", c1),
        load_case("valid_compressed", compressed),
        load_case("tampered_payload", tamper(c1, 3, "k")),
        load_case("tampered_timestamp", f"{payload}.ZVPxAB.{sig}"),
        load_case("tampered_signature", tamper(c1, len(c1) - 2, "A")),
        load_case("wrong_key", c1, keys=("another-key",)),
        load_case("wrong_salt", sign_payload(b64(b'{"count":1}'), salt="other-salt")),
        load_case("signed_with_fallback_only", c1, keys=("new-key",)),
        load_case("no_dot", "abc"),
        load_case("empty_parts_one_dot", "."),
        load_case("two_dots", ".."),
        load_case("three_dots", "..."),
        load_case("two_parts", "abc.def"),
        load_case("three_parts", "a.b.c"),
        load_case("garbage", "!!!"),
        load_case("spaces", "   "),
        load_case("non_ascii", "\u00e9t\u00e9.\u00e9t\u00e9.\u00e9t\u00e9"),
        load_case("missing_signature", f"{payload}.{stamp}."),
        load_case("payload_and_timestamp_only", f"{payload}.{stamp}"),
        load_case("signature_bad_base64", f"{payload}.{stamp}.A"),
    ]
    # malleable signatures Flask accepts, and near misses it rejects
    variants = {
        "pad_1": sig + "=", "pad_2": sig + "==", "pad_junk": sig + "=anything",
        "bang_2": sig + "!!", "bang_3": sig + "!!!", "bang_4": sig + "!!!!",
        "bang_1": sig + "!", "inner_space": sig[:5] + " " + sig[5:],
        "extra_char": sig + "A", "extra_char_pad": sig + "A=",
        "non_ascii_inserted": sig[:5] + "\u00e9" + sig[5:],
        "standard_alphabet": sig.replace("-", "+").replace("_", "/"),
    }
    last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    base = last.index(sig[-1]) & ~3
    for offset in range(4):
        variants[f"low_bits_{offset}"] = sig[:-1] + last[base + offset]
    for name, variant in variants.items():
        cases.append(load_case(f"signature_{name}", f"{payload}.{stamp}.{variant}"))
    # a standard-alphabet signature needs one with - or _ in it
    for i in range(200):
        alt = dumps({"count": i})
        if "-" in alt.split(".")[2] or "_" in alt.split(".")[2]:
            p2, s2, g2 = alt.split(".")
            cases.append(load_case("signature_plus_slash", f"{p2}.{s2}.{g2.replace('-', '+').replace('_', '/')}"))
            break
    # expiry boundaries
    cases += [
        load_case("age_exactly_max", c1, now=T0 + MAX_AGE),
        load_case("age_one_past_max", c1, now=T0 + MAX_AGE + 1),
        load_case("one_second_in_future", c1, now=T0 - 1),
        load_case("far_in_future", c1, now=0),
        load_case("short_max_age_ok", c1, now=T0 + 60, max_age=60),
        load_case("short_max_age_expired", c1, now=T0 + 61, max_age=60),
        load_case("zero_max_age_same_second", c1, now=T0, max_age=0),
    ]
    # timestamps signed by the key holder
    for name, segment in {"empty": b"", "bang": b"!!!", "one_char": b"A",
                          "nine_bytes": b64(b"\x01" * 9), "eight_bytes_max": b64(b"\xff" * 8),
                          "padded": b"ZVPxAA==", "junk_inside": b"ZV!PxAA"}.items():
        cases.append(load_case(f"signed_timestamp_{name}",
                               Signer(KEY, salt="cookie-session", key_derivation="hmac",
                                      digest_method=hashlib.sha1)
                               .sign(payload.encode() + b"." + segment).decode()))
    for ts in (253402300799, 253402300800, 2**40, 2**53, 67768036191676799, 67768036191676800,
               2**63 - 1, 2**63, 2**64 - 1):
        cookie = sign_payload(b64(b'{"count":1}'), ts=ts)
        cases.append(load_case(f"signed_far_future_{ts}", cookie, now=T0))
        cases.append(load_case(f"unsigned_far_future_{ts}", tamper(cookie, len(cookie) - 2, "A")))
    cases.append(load_case("signed_without_timestamp",
                           Signer(KEY, salt="cookie-session", key_derivation="hmac",
                                  digest_method=hashlib.sha1).sign(b64(b'{"a":1}')).decode()))
    cases += payload_cases()
    cases += key_cases()
    return cases


def payload_cases():
    """Validly signed cookies with malformed insides (BadPayload and friends)."""
    good = zlib.compress(b'{"a":1}')
    raw = {
        "base64_one_char": b"e",
        "base64_bang_only": b"!!!!",
        "zlib_garbage": b"." + b64(b"not zlib at all"),
        "zlib_empty": b".",
        "zlib_truncated": b"." + b64(good[:-3]),
        "zlib_bad_adler": b"." + b64(good[:-1] + bytes([good[-1] ^ 1])),
        "zlib_trailing_data": b"." + b64(good + b"trailing"),
        "zlib_gzip_wrapper": b"." + b64(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"
                                        + zlib.compress(b'{"a":1}')[2:-4] + b"\x00" * 8),
        "zlib_raw_deflate": b"." + b64(zlib.compress(b'{"a":1}')[2:-4]),
        "zlib_invalid_json": b"." + b64(zlib.compress(b"{nope")),
        "zlib_bomb_small": b"." + b64(zlib.compress(b'{"a":"' + b"a" * 20000 + b'"}', 9)),
        "utf8_invalid": b64(b'{"a":"\xff"}'),
        "utf8_surrogate_encoded": b64(b'{"a":"\xed\xa0\x80"}'),
        "utf8_overlong": b64(b'{"a":"\xc0\xaf"}'),
        "bom": b64(b'\xef\xbb\xbf{"a":1}'),
        "whitespace_around": b64(b' \t\n{"a" : 1 }\r\n'),
    }
    cases = [load_case(f"payload_{name}", sign_payload(seg)) for name, seg in raw.items()]
    texts = {
        "empty": "", "brace": "{", "missing_value": '{"a":}', "trailing_comma_list": "[1,]",
        "trailing_comma_obj": '{"a":1,}', "single_quotes": "{'a':1}", "nul": "nul",
        "leading_zero": '{"a":01}', "dot_only": '{"a":1.}', "minus_only": '{"a":-}',
        "bad_escape": '{"a":"\\x"}', "short_unicode_escape": '{"a":"\\u12"}',
        "raw_control_char": '{"a":"\x01"}', "raw_tab": '{"a":"\t"}', "extra_data": '{"a":1} x',
        "unquoted_key": "{a:1}", "neg_nan": '{"a":-NaN}', "infinity_word": '{"a":infinity}',
        "top_nan": "NaN", "top_null": "null", "top_empty_list": "[]", "top_pairs": '[["a",1]]',
        "top_pair_strings": '["ab"]', "top_string": '"ab"', "top_int": "1", "top_zero": "0",
        "top_true": "true", "top_false": "false", "top_empty_string": '""', "top_empty_obj": "{}",
        "top_list_of_ints": "[1,2]", "top_pair_wrong_length": '[[1,2,3]]',
        "top_pair_list_key": '[[[1],2]]', "top_pair_int_key": '[[1,2]]',
        "top_pair_dict": '[{"k":1,"j":2}]', "top_float": "1.5",
        "duplicate_keys": '{"a":1,"b":2,"a":3}', "proto_key": '{"__proto__":{"x":1}}',
        "constructor_key": '{"constructor":{"prototype":1}}',
        "lone_high_surrogate": '{"a":"\\ud800"}', "pair": '{"a":"\\ud83d\\ude00"}',
        "low_then_high": '{"a":"\\udc00\\ud800"}', "upper_hex_escape": '{"a":"\\u00E9"}',
        "escaped_slash": '{"a":"\\/"}', "int_4300_digits": '{"a":' + "7" * 4300 + "}",
        "int_4301_digits": '{"a":' + "7" * 4301 + "}", "neg_int_4300": '{"a":-' + "7" * 4300 + "}",
        "float_overflow": '{"a":1e400}', "float_underflow": '{"a":1e-400}', "neg_zero_int": '{"a":-0}',
        "exponent_int": '{"a":1E2}', "big_exponent_digits": '{"a":' + "1" * 400 + ".5}",
        "deep_100": '{"a":' + "[" * 100 + "]" * 100 + "}",
        "deep_899": '{"a":' + "[" * 898 + "]" * 898 + "}",
        "deep_1000": '{"a":' + "[" * 1000 + "]" * 1000 + "}",
        "deep_5000": '{"a":' + "[" * 5000 + "]" * 5000 + "}",
        "deep_dicts_500": '{"a":' * 500 + "1" + "}" * 500,
        # tags crafted by hand
        "di_plain": '{" di":{"k":1}}', "di_empty": '{" di":{}}', "di_string": '{" di":"xyz"}',
        "di_list": '{" di":[0]}', "di_astral": '{"x":{" di":{"ab\\ud83d\\ude00":1}}}',
        "di_short_key": '{"x":{" di":{"k":1}}}', "di_first_of_two": '{"x":{" di":{"b__":1,"a__":2}}}',
        "di_integer_keys": '{"x":{" di":{"b__":1,"1":2}}}',
        "t_dict": '{"a":{" t":{"k":1,"j":2}}}', "t_string": '{"a":{" t":"a\\ud83d\\ude00"}}',
        "t_int": '{"a":{" t":5}}', "t_null": '{"a":{" t":null}}', "t_bytes": '{"a":{" t":{" b":"AAE="}}}',
        "t_integer_keys": '{"a":{" t":{"b":1,"1":2}}}',
        "b_bang": '{"a":{" b":"!"}}', "b_unpadded": '{"a":{" b":"YQ"}}', "b_three": '{"a":{" b":"abc"}}',
        "b_padded": '{"a":{" b":"YQ=="}}', "b_junk": '{"a":{" b":"Y Q = ="}}',
        "b_urlsafe_chars": '{"a":{" b":"-_-_"}}', "b_int": '{"a":{" b":5}}',
        "b_non_ascii": '{"a":{" b":"\\u00e9"}}', "b_of_bytes": '{"a":{" b":{" b":"UVVKRA=="}}}',
        "m_int": '{"a":{" m":5}}', "m_list": '{"a":{" m":[1,"a",null,true,1.0]}}',
        "m_null": '{"a":{" m":null}}', "m_dict": '{"a":{" m":{"k":"v"}}}',
        "m_tuple": '{"a":{" m":{" t":[1]}}}', "m_markup": '{"a":{" m":{" m":"<i>"}}}',
        "m_uuid": '{"a":{" m":{" u":"12345678123456781234567812345678"}}}',
        "m_date": '{"a":{" m":{" d":"Tue, 02 Jan 2024 03:04:05 GMT"}}}',
        "m_bytes": '{"a":{" m":{" b":"AP8="}}}',
        "u_bad": '{"a":{" u":"zz"}}', "u_braces": '{"a":{" u":"{12345678-1234-5678-1234-567812345678}"}}',
        "u_urn": '{"a":{" u":"urn:uuid:12345678-1234-5678-1234-567812345678"}}',
        "u_upper": '{"a":{" u":"ABCDEF78123456781234567812345678"}}',
        "u_0x_prefix": '{"a":{" u":"0x345678123456781234567812345678"}}',
        "u_underscores": '{"a":{" u":"1_' + "3" * 30 + '"}}',
        "u_int": '{"a":{" u":5}}', "u_negative": '{"a":{" u":"-0000000000000000000000000000000"}}',
        "d_garbage": '{"a":{" d":"garbage"}}', "d_null": '{"a":{" d":null}}',
        "d_int": '{"a":{" d":5}}', "d_zero": '{"a":{" d":0}}', "d_list": '{"a":{" d":[]}}',
        "d_empty": '{"a":{" d":""}}', "d_rfc850": '{"a":{" d":"Tuesday, 02-Jan-24 03:04:05 GMT"}}',
        "d_offset": '{"a":{" d":"2 Jan 2024 03:04:05 +0200"}}',
        "d_named_zone": '{"a":{" d":"Tue, 02 Jan 2024 03:04:05 EST"}}',
        "d_minus_zero_zone": '{"a":{" d":"Tue, 02 Jan 2024 03:04:05 -0000"}}',
        "d_no_zone": '{"a":{" d":"Tue, 02 Jan 2024 03:04:05"}}',
        "d_no_seconds": '{"a":{" d":"02 Jan 2024 03:04 GMT"}}',
        "d_dots": '{"a":{" d":"02 Jan 2024 03.04.05 GMT"}}',
        "d_two_digit_year_69": '{"a":{" d":"02 Jan 69 03:04:05 GMT"}}',
        "d_two_digit_year_68": '{"a":{" d":"02 Jan 68 03:04:05 GMT"}}',
        "d_month_first": '{"a":{" d":"Jan 02 2024 03:04:05 GMT"}}',
        "d_long_month": '{"a":{" d":"2 January 2024 03:04:05 GMT"}}',
        "d_feb_31": '{"a":{" d":"31 Feb 2024 03:04:05 GMT"}}',
        "d_feb_29_leap": '{"a":{" d":"29 Feb 2024 03:04:05 GMT"}}',
        "d_feb_29_not_leap": '{"a":{" d":"29 Feb 2023 03:04:05 GMT"}}',
        "d_second_60": '{"a":{" d":"02 Jan 2024 03:04:60 GMT"}}',
        "d_huge_offset": '{"a":{" d":"02 Jan 2024 03:04:05 +9959"}}',
        "d_year_10000": '{"a":{" d":"02 Jan 10000 03:04:05 GMT"}}',
        "d_time_first": '{"a":{" d":"03:04:05 02 Jan 2024"}}',
        "d_comma_year": '{"a":{" d":"02 Jan 2024, 03:04:05 GMT"}}',
        "d_underscore_digits": '{"a":{" d":"0_2 Jan 20_24 03:04:05 GMT"}}',
        "d_datetime": '{"a":{" d":{" d":"Tue, 02 Jan 2024 03:04:05 GMT"}}}',
        "d_bytes": '{"a":{" d":{" b":"YQ=="}}}', "d_markup": '{"a":{" d":{" m":"02 Jan 2024 03:04:05"}}}',
        "unregistered": '{"a":{" x":1}}', "two_keys_with_tag": '{"a":{" t":1,"b":2}}',
        "top_tuple_pairs": '{" t":[["a",1]]}', "top_markup": '{" m":"ab"}',
        "top_datetime": '{" d":"Tue, 02 Jan 2024 03:04:05 GMT"}', "top_uuid": '{" u":"' + "1" * 32 + '"}',
        "top_bytes": '{" b":"YWI="}', "top_di": '{" di":{" t__":[1,2]}}',
        "nested_tags": '{"a":{" t":[{" b":"AA=="},{" t":[]},{" di":{" m__":"x"}}]}}',
    }
    for name, text in texts.items():
        cases.append(load_case(f"json_{name}", json_cookie(text)))
    cases.append(load_case("json_compressed_pairs", json_cookie('[["a",1]]', compress=True)))
    cases.append(load_case("json_compressed_bad", json_cookie("{x", compress=True)))
    return cases


def key_cases():
    """Key lists (Flask >= 3.1.1 SECRET_KEY_FALLBACKS): verify current key first, then fallbacks."""
    old = dumps({"count": 1}, key="old-key")
    new = dumps({"count": 1}, key="new-key")
    older = dumps({"count": 1}, key="older-key")
    return [
        load_case("fallback_old_cookie_accepted", old, keys=("old-key", "new-key")),
        load_case("fallback_new_cookie_accepted", new, keys=("old-key", "new-key")),
        load_case("fallback_oldest_of_three", older, keys=("older-key", "old-key", "new-key")),
        load_case("fallback_unknown_key_rejected", old, keys=("older-key", "new-key")),
        load_case("fallback_bytes_key", dumps({"count": 1}, key=b"\x00\x01"),
                  keys=(b"\x00\x01", "new-key")),
    ]


# --- section: cookie_headers ------------------------------------------------------------

def cookie_headers_section():
    c1 = dumps({"count": 1})
    headers = [
        f"session={c1}", f"session={c1}; other=1", f"other=1; session={c1}",
        f"session={c1}; session=garbage", f"session=garbage; session={c1}",
        f'session="{c1}"', f"  session  =  {c1}  ;", f"Session={c1}", f"=x; session={c1}",
        f"session=; session={c1}", "session=", "session", "=", ";;;", "",
        'a="x\\"y"; b="\\101\\102"; c="\\\\"; d="\\7"', 'a="\\377\\303\\251"', 'a="unterminated',
        "a=b=c", "a=b;c=d", "a = b ; c = d", "a=\u00e9t\u00e9", "\u00e9=1",
        "a=1,b=2", "a=1\tb=2", "a=\"x\";b", 'a="x" y; b=2', "a=1; a=2; a=3",
        "a=\x01b", "k=v; session=x; session=y", "a=1;\nsession=z", "a=1; \x0bb=2",
    ]
    cases = []
    for header in headers:
        environ_header = header.encode("utf-8").decode("latin1")
        pairs = list(parse_cookie(environ_header).items(multi=True))
        cases.append({"header": header, "pairs": [list(p) for p in pairs],
                      "session": parse_cookie(environ_header).get("session")})
    return cases


# --- section: requests ------------------------------------------------------------------

def lesson_sources():
    """The Python of each lesson app, taken from src/lib/lesson-apps/sources.ts."""
    text = LESSON_APPS_TS.read_text(encoding="utf-8")
    found = re.findall(r"const (\w+)_PY = `(.*?)`;", text, flags=re.DOTALL)
    return {name.lower().replace("_", "-"): source for name, source in found}


CAPTURED = {}


def record_exception(sender, exception, **extra):
    """Flask's got_request_exception signal: the exception behind a 500, and the line of the
    lesson app's source that raised it (its innermost frame in the exec'd `<app-id>` source)."""
    frames = [f for f in traceback.extract_tb(exception.__traceback__)
              if f.filename.startswith("<")]
    error = {"class": type(exception).__name__, "message": str(exception)}
    if frames:
        error["line"] = frames[-1].lineno
    CAPTURED.setdefault("error", error)


flask.got_request_exception.connect(record_exception, weak=False)


def instrument(app):
    """Record the session as the view left it (before save_session), without touching it."""

    @app.after_request
    def capture(response):
        current = session._get_current_object()
        if current is None:
            CAPTURED.update(present=False)
        else:
            CAPTURED.update(present=True, accessed=current.accessed, modified=current.modified,
                            repr=dict.__repr__(current), value=describe_or_none(dict(current.items())),
                            repr_comparable=repr_comparable(dict(current.items())))
        return response

    return app


class RecordingSigner(TimestampSigner):
    """itsdangerous' own signer, noting which key its `verify_signature` loop accepted: the
    keys it derived before returning True, counted from the newest (`reversed(secret_keys)`)."""

    def verify_signature(self, value, sig):
        tried = []
        derive = self.derive_key

        def counting(secret_key=None):
            tried.append(secret_key)
            return derive(secret_key)

        self.derive_key = counting
        try:
            verified = super().verify_signature(value, sig)
        finally:
            del self.derive_key
        if verified:
            CAPTURED["verified_by"] = len(self.secret_keys) - len(tried)
        return verified


class FallbackInterface(SecureCookieSessionInterface):
    """Flask >= 3.1.1's key list: fallbacks first, SECRET_KEY last (it signs). With no fallbacks
    it is Flask 2.2's interface exactly (one key)."""

    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        keys = [*app.config.get("SECRET_KEY_FALLBACKS", []), app.secret_key]
        return URLSafeTimedSerializer(
            keys, salt=self.salt, serializer=self.serializer, signer=RecordingSigner,
            signer_kwargs={"key_derivation": self.key_derivation,
                           "digest_method": self.digest_method})


def lesson_app(app_id, config=None):
    namespace = {"__name__": f"lesson_{app_id.replace('-', '_')}"}
    exec(compile(LESSONS[app_id], f"<{app_id}>", "exec"), namespace)  # noqa: S102
    app = namespace["app"]
    app.session_interface = FallbackInterface()
    app.config.update(config or {})
    return instrument(app)


def scenario_app(config=None):
    """Small views, one Flask behaviour each; tests/conformance/scenario-views.ts mirrors them."""
    app = Flask("scenarios")
    app.session_interface = FallbackInterface()
    app.config.update(config or {})

    views = {
        "noop": lambda: "ok",
        "read_x": lambda: f"x={session.get('x')}",
        "contains_x": lambda: f"{'x' in session}",
        "len": lambda: f"{len(session)}",
        "iterate": lambda: ",".join(session),
        "set_x": lambda: (session.__setitem__("x", 1), "set")[1],
        "set_modified": lambda: (setattr(session, "modified", True), "modified")[1],
        "clear": lambda: (session.clear(), "cleared")[1],
        "getitem_missing": lambda: f"{session['missing']}",
        "set_then_keyerror": lambda: (session.__setitem__("x", 1), session["missing"])[1],
        "pop_missing_default": lambda: f"{session.pop('x', None)}",
        "pop_x": lambda: f"{session.pop('x')}",
        "popitem": lambda: f"{session.popitem()}",
        "del_x": lambda: (session.__delitem__("x"), "deleted")[1],
        "setdefault_x": lambda: f"{session.setdefault('x', 0)}",
        "update_empty": lambda: (session.update({}), "updated")[1],
        "same_value": lambda: (session.__setitem__("x", session["x"]), "same")[1],
        "append_nested": lambda: (session["cart"].append("x"), f"{session['cart']}")[1],
        "read_permanent": lambda: f"{session.permanent}",
        "make_permanent": lambda: (setattr(session, "permanent", True),
                                   session.__setitem__("x", 1), "permanent")[2],
        "unmake_permanent": lambda: (setattr(session, "permanent", False), "not permanent")[1],
        "store_set": lambda: (session.__setitem__("s", {1, 2}), "stored")[1],
        "store_big": lambda: (session.__setitem__("big", BIG_VALUE), "big")[1],
        "store_repetitive": lambda: (session.__setitem__("big", "ab" * 5000), "big")[1],
        "store_nested_300": lambda: (session.__setitem__("a", nested(299)), "nested")[1],
        "store_nested_400": lambda: (session.__setitem__("a", nested(399)), "nested")[1],
        "unicode_body": lambda: "z\u00f6\u00eb \U0001f600",
        "status_404": lambda: ("nope", 404),
    }
    for name, view in views.items():
        app.add_url_rule(f"/{name}", name, view)
    return instrument(app)


def nested(levels):
    value = 1
    for _ in range(levels):
        value = [value]
    return value


BIG_VALUE = "".join(random.Random(7).choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(3100))


def run(app, endpoint, args, cookie_header, now):
    CLOCK.now = now
    url = app.url_map.bind("localhost").build(endpoint, args)  # without APPLICATION_ROOT
    headers = [] if cookie_header is None else [
        ("Cookie", cookie_header.encode("utf-8").decode("latin1"))]
    CAPTURED.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        response = app.test_client(use_cookies=False).get(url, headers=headers)
    return {
        "endpoint": endpoint, "args": args, "url": url, "cookie_header": cookie_header,
        "now": now,
        "response": {"status": response.status,
                     "headers": [[k, v] for k, v in response.headers.items()],
                     "body": response.get_data(as_text=True)},
        "warnings": [str(w.message) for w in caught if issubclass(w.category, UserWarning)],
        "session": dict(CAPTURED),
    }


def set_cookie_pair(step, name="session"):
    """The `name=value` a browser would send back after this response, or the old one."""
    for key, value in step["response"]["headers"]:
        if key == "Set-Cookie" and value.startswith(f"{name}="):
            pair = value.split(";")[0]
            return None if pair == f"{name}=" else pair
    return step["cookie_header"]


def sequence(name, kind, overrides, visits, follow=True):
    """Visits in order; with `follow`, each sends the cookie the previous response set.

    `kind` is "lesson:<id>" (that app's exact source) or "scenario"; `overrides` is the app
    config given on top of Flask's defaults. A visit is (endpoint, args[, cookie header or
    "follow"[, now]]).
    """
    if kind == "scenario":
        app = scenario_app(overrides)
    else:
        app = lesson_app(kind.split(":")[1], overrides)
    steps = []
    header = None
    for visit in visits:
        endpoint, args = visit[0], visit[1]
        explicit = visit[2] if len(visit) > 2 else "follow"
        now = visit[3] if len(visit) > 3 else T0
        step = run(app, endpoint, args, header if explicit == "follow" else explicit, now)
        steps.append(step)
        if follow:
            header = set_cookie_pair(step, app.config["SESSION_COOKIE_NAME"])
    return {"name": name, "app": kind, "config": config_json(app, overrides), "steps": steps}


def config_json(app, overrides):
    """The config as TypeScript gets it: the overrides plus the app's effective secret key."""
    config = {key: value for key, value in overrides.items() if key != "SECRET_KEY"}
    config["SECRET_KEY"] = None if app.secret_key is None else secret(app.secret_key)
    if "SECRET_KEY_FALLBACKS" in config:
        config["SECRET_KEY_FALLBACKS"] = [secret(k) for k in config["SECRET_KEY_FALLBACKS"]]
    return config


def requests_section():
    key = {"SECRET_KEY": KEY}
    no_key = {"SECRET_KEY": None}
    short = {**key, "PERMANENT_SESSION_LIFETIME": 60}
    hour = 3600
    c_count = dumps({"count": 1})
    c_x = dumps({"x": 1})
    c_cart = dumps({"cart": ["apple"]})
    c_perm = dumps({"_permanent": True, "x": 1})
    crafted = ("abc", 1.5, True, 2**53 - 1, None, [1], 2**64, -1.0, (1,), b"x", {})
    out = [
        sequence("counter_seed_secret", "lesson:counter", {}, [("index", {})] * 5),
        sequence("counter_dev_key", "lesson:counter", key, [("index", {})] * 5),
        sequence("counter_one_hour_apart", "lesson:counter", key,
                 [("index", {}, "follow", T0 + i * hour) for i in range(5)]),
        sequence("counter_no_secret_key", "lesson:counter", no_key,
                 [("index", {}), ("index", {}, f"session={c_count}")]),
        sequence("counter_expired_cookie", "lesson:counter", key,
                 [("index", {}, f"session={c_count}", T0 + MAX_AGE + 1)]),
        sequence("counter_short_lifetime", "lesson:counter", short,
                 [("index", {}, f"session={c_count}", T0 + 60),
                  ("index", {}, f"session={c_count}", T0 + 61)], follow=False),
        sequence("counter_tampered", "lesson:counter", key,
                 [("index", {}, f"session={tamper(c_count, 3, 'k')}")]),
        sequence("counter_crafted_values", "lesson:counter", key,
                 [("index", {}, f"session={dumps({'count': v})}") for v in crafted],
                 follow=False),
        sequence("counter_bad_payload", "lesson:counter", key,
                 [("index", {}, f"session={json_cookie('{x')}"),
                  ("index", {}, f"session={json_cookie('[1,2]')}"),
                  ("index", {}, f"session={json_cookie('null')}"),
                  ("index", {}, f"session={sign_payload(b64(b'{}'), ts=2**40)}")],
                 follow=False),
        sequence("counter_rotated_keys", "lesson:counter",
                 {"SECRET_KEY": "newest", "SECRET_KEY_FALLBACKS": ["oldest", "old"]},
                 [("index", {}, f"session={dumps({'count': n}, key=k)}")
                  for n, k in ((1, "oldest"), (2, "old"), (3, "newest"), (4, "unknown"))],
                 follow=False),
        sequence("counter_key_also_a_fallback", "lesson:counter",
                 {"SECRET_KEY": "shared", "SECRET_KEY_FALLBACKS": ["shared", "old"]},
                 [("index", {}, f"session={dumps({'count': 1}, key='shared')}"),
                  ("index", {}, f"session={dumps({'count': 1}, key='old')}")],
                 follow=False),
        sequence("login_logout", "lesson:login", key,
                 [("login", {"name": "alice"}), ("logout", {}), ("logout", {}),
                  ("login", {"name": "zo\u00eb"})]),
        sequence("login_no_secret_key", "lesson:login", no_key,
                 [("login", {"name": "alice"}), ("logout", {})]),
        sequence("cart_lost_update", "lesson:cart-lost-update", key,
                 [("add", {"item": "apple"}), ("add", {"item": "pear"}, f"session={c_cart}"),
                  ("add", {"item": "banana"}, f"session={c_cart}")], follow=False),
        sequence("cart_lost_update_followed", "lesson:cart-lost-update", key,
                 [("add", {"item": "apple"}), ("add", {"item": "pear"}),
                  ("add", {"item": "banana"})]),
        sequence("cart_modified", "lesson:cart-modified", key,
                 [("add", {"item": "apple"}), ("add", {"item": "pear"}),
                  ("add", {"item": "banana"})]),
        sequence("cart_not_a_list", "lesson:cart-modified", key,
                 [("add", {"item": "x"}, f"session={dumps({'cart': 'text'})}")]),
        sequence("read_only", "lesson:read-only", key,
                 [("index", {}), ("index", {}, f"session={c_count}")], follow=False),
        sequence("read_only_no_secret_key", "lesson:read-only", no_key,
                 [("index", {}), ("index", {}, f"session={c_count}")], follow=False),
        sequence("permanent", "lesson:permanent", key,
                 [("remember", {"name": "alice"}), ("hello", {}, "follow", T0 + hour),
                  ("hello", {}, "follow", T0 + 2 * hour)]),
        sequence("permanent_no_refresh", "lesson:permanent",
                 {**key, "SESSION_REFRESH_EACH_REQUEST": False},
                 [("remember", {"name": "alice"}), ("hello", {}, "follow", T0 + hour)]),
        sequence("permanent_no_secret_key", "lesson:permanent", no_key,
                 [("remember", {"name": "alice"}), ("hello", {})]),
    ]
    single = [
        ("noop", None), ("noop", c_x), ("read_x", None), ("read_x", c_x), ("contains_x", c_x),
        ("len", c_x), ("iterate", c_x), ("set_x", None), ("set_x", c_x), ("set_modified", None),
        ("set_modified", c_x), ("clear", None), ("clear", c_x), ("getitem_missing", None),
        ("set_then_keyerror", None), ("pop_missing_default", None), ("pop_x", c_x),
        ("pop_x", None), ("popitem", None), ("popitem", c_x), ("del_x", c_x), ("del_x", None),
        ("setdefault_x", None), ("setdefault_x", c_x), ("update_empty", None),
        ("update_empty", c_x), ("same_value", c_x), ("append_nested", c_cart),
        ("read_permanent", c_x), ("read_permanent", c_perm), ("noop", c_perm),
        ("make_permanent", None), ("unmake_permanent", c_perm), ("store_set", None),
        ("store_big", None), ("store_repetitive", None), ("store_nested_300", None),
        ("store_nested_400", None), ("unicode_body", None), ("status_404", c_x),
    ]
    for endpoint, cookie in single:
        which = {None: "no_cookie", c_perm: "permanent_cookie"}.get(cookie, "with_cookie")
        header = None if cookie is None else f"session={cookie}"
        out.append(sequence(f"{endpoint}_{which}", "scenario", key, [(endpoint, {}, header)]))
    options = {**key, "SESSION_COOKIE_NAME": "sid", "SESSION_COOKIE_DOMAIN": "example.com",
               "SESSION_COOKIE_PATH": "/app", "SESSION_COOKIE_SECURE": True,
               "SESSION_COOKIE_HTTPONLY": False, "SESSION_COOKIE_SAMESITE": "Lax"}
    delete_options = {**key, "SESSION_COOKIE_DOMAIN": ".example.com",
                      "SESSION_COOKIE_SECURE": True, "SESSION_COOKIE_SAMESITE": "Strict"}
    old_x = dumps({"x": 1}, key="old-key")
    out += [
        sequence("cookie_options", "scenario", options,
                 [("make_permanent", {}), ("noop", {}), ("clear", {})]),
        sequence("cookie_options_delete", "scenario", delete_options,
                 [("set_x", {}), ("clear", {})]),
        sequence("application_root_path", "scenario", {**key, "APPLICATION_ROOT": "/shop"},
                 [("set_x", {})]),
        sequence("short_lifetime_permanent", "scenario", short,
                 [("make_permanent", {}), ("noop", {}, "follow", T0 + 30),
                  ("noop", {}, "follow", T0 + 91)]),
        sequence("max_cookie_size_small", "scenario", {**key, "MAX_COOKIE_SIZE": 60},
                 [("set_x", {}), ("make_permanent", {})], follow=False),
        sequence("max_cookie_size_off", "scenario", {**key, "MAX_COOKIE_SIZE": 0},
                 [("store_big", {})]),
        sequence("fallback_keys", "scenario",
                 {"SECRET_KEY": "new-key", "SECRET_KEY_FALLBACKS": ["old-key"]},
                 [("read_x", {}, f"session={old_x}"), ("set_x", {}, f"session={old_x}"),
                  ("read_x", {}, f"session={dumps({'x': 1}, key='unknown-key')}")],
                 follow=False),
        sequence("cookie_header_variants", "scenario", key,
                 [("read_x", {}, h) for h in (
                     f"session={c_x}; session=garbage", f"session=garbage; session={c_x}",
                     f'session="{c_x}"', f"Session={c_x}", f"=x; session={c_x}",
                     f"  session = {c_x} ;", "session=", f"session={c_x[:-1]}\u00e9")],
                 follow=False),
    ]
    return out


# --- main ---------------------------------------------------------------------------------

LESSONS = lesson_sources()


def as_lines(vectors):
    """JSON with one vector per line, so a diff names exactly the vectors that changed."""
    compact = lambda value: json.dumps(value, ensure_ascii=True, separators=(",", ":"))  # noqa: E731
    parts = []
    for key, value in vectors.items():
        if isinstance(value, list):
            items = ",\n".join(f"  {compact(item)}" for item in value)
            parts.append(f" {compact(key)}: [\n{items}\n ]")
        else:
            parts.append(f" {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "vectors.json"
    vectors = {
        "meta": {
            "generator": "tests/conformance/gen_vectors.py",
            "flask": flask.__version__, "itsdangerous": itsdangerous.__version__,
            "werkzeug": werkzeug.__version__, "markupsafe": markupsafe.__version__,
            "python": sys.version.split()[0], "zlib": zlib.ZLIB_RUNTIME_VERSION,
            "clock": T0, "secret_key": KEY, "max_age": MAX_AGE,
        },
        "lesson_apps": {app_id: {"source": source} for app_id, source in LESSONS.items()},
        "fixtures": {"big_value": BIG_VALUE},
        "cookies": cookies_section(),
        "loads": loads_section(),
        "cookie_headers": cookie_headers_section(),
        "requests": requests_section(),
    }
    out.write_text(as_lines(vectors), encoding="utf-8")
    counts = {k: len(v) for k, v in vectors.items() if isinstance(v, list)}
    steps = sum(len(r["steps"]) for r in vectors["requests"])
    print(f"wrote {out}: {counts}, {steps} request steps", file=sys.stderr)


if __name__ == "__main__":
    main()
