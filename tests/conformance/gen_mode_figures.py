#!/usr/bin/python3
"""The figures of the lesson's Learn, Why, Deep Dive and Performance modes, measured on real Flask.

Usage: /usr/bin/python3 tests/conformance/gen_mode_figures.py [OUTPUT]  (default:
mode-figures.json next to this script). Same Flask, fixed clock and helpers as gen_vectors.py
(imported from it). The output has exactly the shape of `computeFlaskSessionFigures()` in
src/lib/figures/flask-session/index.ts, and tests/unit/figures/flask-session.test.ts requires
the engine's object to equal it.
"""

import base64
import json
import re
import sys
import textwrap
import zlib
from pathlib import Path

from itsdangerous.encoding import base64_encode, int_to_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_vectors as gv  # noqa: E402  (patches Flask's clock on import)

HERE = Path(__file__).resolve().parent
FIGURES = HERE.parent.parent / "src" / "lib" / "figures" / "flask-session"
KEY = "secret"
T0 = gv.T0

# The same inputs as the TypeScript modules (why.ts, deep-dive.ts, performance.ts); the equality
# test fails if they drift apart.
VISITS = ["A", "A", "B", "A", "B"]
QUERY_VISITS = [2, 999999]
COMPRESSION_SESSIONS = [{"count": 1}, {"cart": ["apple", "pear", "banana"]},
                        {"cart": ["apple", "pear", "banana"] * 5}]
SIZE_STEPS = [10, 250, 500, 1000, 1100]


def app_sources():
    text = (FIGURES / "apps.ts").read_text(encoding="utf-8")
    found = re.findall(r"const (\w+)_PY = `(.*?)`;", text, flags=re.DOTALL)
    return {name.lower().replace("_", "-"): source for name, source in found}


def build_app(source, name):
    namespace = {"__name__": name}
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102
    return gv.instrument(namespace["app"])


def view_app(body):
    """A Flask app whose `/` view is `body` (the lesson's key), as the figure shows it."""
    source = ("from flask import Flask, session\napp = Flask(__name__)\n"
              f"app.secret_key = {KEY!r}\n\n@app.route('/')\ndef index():\n"
              + textwrap.indent(body, "    ") + "\n")
    return build_app(source, "figure")


def exchange(app, cookie, endpoint="index", args=None):
    step = gv.run(app, endpoint, args or {}, None if cookie is None else f"session={cookie}", T0)
    headers = step["response"]["headers"]
    vary = [v for k, v in headers if k == "Vary"]
    return {
        "status": step["response"]["status"],
        "body": step["response"]["body"],
        "setCookie": [v for k, v in headers if k == "Set-Cookie"],
        "vary": vary[0] if vary else None,
        "error": step["session"].get("error", {}).get("class"),
        "warnings": step["warnings"],
    }


def cookie_value(set_cookie):
    return set_cookie.split(";")[0].split("=", 1)[1]


def load(cookie, keys):
    try:
        return repr(gv.serializer(keys).loads(cookie, max_age=gv.MAX_AGE))
    except Exception as error:  # noqa: BLE001 - the exception is the measured outcome
        return type(error).__name__


def tagged_json(session):
    with gv.APP.test_request_context():
        return gv.serializer([KEY]).serializer.dumps(session)


def spaced_hex(data):
    return " ".join(f"{b:02x}" for b in data)


def learn():
    examples = json.loads((FIGURES / "examples.json").read_text(encoding="utf-8"))
    out = {}
    for example_id, example in examples.items():
        incoming = example["incoming"]
        cookie = gv.dumps(incoming, KEY) if incoming else None
        with gv.APP.test_request_context():  # repr of the session as loaded (sorted keys)
            loaded = gv.serializer([KEY]).loads(cookie) if cookie else {}
        out[example_id] = {"incoming": repr(loaded),
                           "response": exchange(view_app(example["code"]), cookie)}
    return out


def why(apps):
    shared = build_app(apps["global-counter"], "global_counter")
    counter = gv.lesson_app("counter")
    jars = {"A": None, "B": None}
    rows = []
    for visitor in VISITS:
        global_body = exchange(shared, None)["body"]
        response = exchange(counter, jars[visitor])
        if response["setCookie"]:
            jars[visitor] = cookie_value(response["setCookie"][0])
        rows.append({"visitor": visitor, "globalBody": global_body,
                     "sessionBody": response["body"]})
    query = build_app(apps["query-counter"], "query_counter")
    query_rows = [{"url": f"/?count={count}",
                   "body": exchange(query, None, args={"count": str(count)})["body"]}
                  for count in QUERY_VISITS]
    cookie = gv.dumps({"count": 3}, KEY)
    forged_json = '{"count":1000000}'
    _, stamp, signature = cookie.split(".")
    forged = f"{base64_encode(forged_json.encode()).decode()}.{stamp}.{signature}"
    return {
        "twoVisitors": rows,
        "queryString": query_rows,
        "forged": {"cookie": cookie, "forgedJson": forged_json, "forgedCookie": forged,
                   "rejectedWith": load(forged, [KEY]),
                   "body": exchange(counter, forged)["body"]},
    }


def deep_dive():
    session = {"count": 1}
    text = tagged_json(session)
    serializer = gv.serializer([KEY])
    signer = serializer.make_signer(serializer.salt)
    payload = base64_encode(text.encode()).decode()
    stamp = base64_encode(int_to_bytes(T0)).decode()
    signed_value = f"{payload}.{stamp}"
    signature = signer.get_signature(signed_value.encode())  # base64url, as in the cookie
    raw_signature = base64.urlsafe_b64decode(signature + b"=" * (-len(signature) % 4))
    cookie = gv.dumps(session, KEY)
    assert cookie == f"{signed_value}.{signature.decode()}"
    anatomy = {
        "session": repr(session), "json": text, "jsonHex": spaced_hex(text.encode()),
        "payload": payload, "timestamp": T0, "timestampHex": spaced_hex(int_to_bytes(T0)),
        "timestampPart": stamp, "secretKey": KEY, "salt": serializer.salt.decode(),
        "derivedKeyHex": spaced_hex(signer.derive_key()), "signedValue": signed_value,
        "signatureHex": spaced_hex(raw_signature), "signaturePart": signature.decode(),
        "cookie": cookie,
    }
    compression = []
    for case in COMPRESSION_SESSIONS:
        data = tagged_json(case).encode()
        case_cookie = gv.dumps(case, KEY)
        compression.append({"session": repr(case), "jsonBytes": len(data),
                            "zlibBytes": len(zlib.compress(data)),
                            "compressed": case_cookie.startswith("."), "cookie": case_cookie})
    tagged_session = {"pair": (1, 2), "raw": b"hi"}
    tagged_cookie = gv.dumps(tagged_session, KEY)
    old_cookie = gv.dumps({"count": 1}, "old-secret")
    rotated = gv.lesson_app("counter", {"SECRET_KEY": "new-secret",
                                        "SECRET_KEY_FALLBACKS": ["old-secret"]})
    rotated.session_interface = gv.FallbackInterface()  # Flask >= 3.1.1's key list
    response = exchange(rotated, old_cookie)
    return {
        "anatomy": anatomy,
        "compression": compression,
        "tagged": {"session": repr(tagged_session), "json": tagged_json(tagged_session),
                   "loaded": load(tagged_cookie, [KEY])},
        "fallbacks": {"oldKey": "old-secret", "newKey": "new-secret", "cookie": old_cookie,
                      "withFallback": load(old_cookie, ["old-secret", "new-secret"]),
                      "withoutFallback": load(old_cookie, ["new-secret"]),
                      "body": response["body"],
                      "resigned": load(cookie_value(response["setCookie"][0]), ["new-secret"])},
    }


def visits(app, requests, cookie):
    responses = []
    for endpoint, args in requests:
        response = exchange(app, cookie, endpoint, args)
        if response["setCookie"]:
            cookie = cookie_value(response["setCookie"][0]) or None
        responses.append(response)
    return responses, cookie


def performance():
    sizes = []
    for items in SIZE_STEPS:
        app = view_app(f"session['viewed'] = [(i * 7919) % 100003 for i in range({items})]\n"
                       "return 'stored'")
        response = exchange(app, None)
        header = response["setCookie"][0]
        sizes.append({"items": items, "headerLength": len(header),
                      "compressed": cookie_value(header).startswith("."),
                      "warned": len(response["warnings"]) > 0})
    counter = gv.lesson_app("counter")
    cookie = cookie_value(exchange(counter, None)["setCookie"][0])
    writes, _ = visits(counter, [("index", {})] * 3, cookie)
    reads, _ = visits(gv.lesson_app("read-only"), [("index", {})] * 3, cookie)
    untouched = exchange(gv.scenario_app({"SECRET_KEY": KEY}), cookie, "noop")
    headers = {"writer": sum(len(r["setCookie"]) for r in writes),
               "reader": sum(len(r["setCookie"]) for r in reads),
               "readerVary": reads[0]["vary"], "untouchedVary": untouched["vary"]}
    in_place = {}
    for label, app_id in (("lost", "cart-lost-update"), ("kept", "cart-modified")):
        requests = [("add", {"item": item}) for item in ("apple", "pear", "banana")]
        responses, jar = visits(gv.lesson_app(app_id), requests, None)
        with gv.APP.test_request_context():
            stored = repr(gv.serializer([KEY]).loads(jar)["cart"]) if jar else "no cookie"
        in_place[label] = {"bodies": [r["body"] for r in responses], "stored": stored}
    return {"sizes": sizes, "headers": headers, "inPlace": in_place}


def predictions():
    def last_body(visits):
        jar, body = None, ""
        for app, endpoint, args in visits:
            response = exchange(app, jar, endpoint, args)
            if response["setCookie"]:
                jar = cookie_value(response["setCookie"][0]) or None
            body = response["body"]
        return body

    counter = gv.lesson_app("counter")
    rotated = gv.lesson_app("counter", {"SECRET_KEY": "new-secret"})
    kept = gv.lesson_app("counter", {"SECRET_KEY": "new-secret", "SECRET_KEY_FALLBACKS": [KEY]})
    kept.session_interface = gv.FallbackInterface()  # Flask >= 3.1.1's key list
    cart = gv.lesson_app("cart-lost-update")
    twice = [(counter, "index", {}), (counter, "index", {})]
    return {
        "key-changed-visit-3": last_body([*twice, (rotated, "index", {})]),
        "key-fallback-visit-3": last_body([*twice, (kept, "index", {})]),
        "cart-third-add": last_body([(cart, "add", {"item": item})
                                     for item in ("apple", "pear", "banana")]),
    }


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "mode-figures.json"
    figures = {"learn": learn(), "why": why(app_sources()), "deepDive": deep_dive(),
               "performance": performance(), "predictions": predictions()}
    out.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
