#!/usr/bin/python3
"""The Python side of bench/crack.ts: guessing a Flask session key in Python.

Usage: crack_py.py WORD_LIST
Prints three JSON lines on stdout:
  1. {"python", "flask", "itsdangerous", "cookie"}: a cookie real Flask signed (at the fixed
     clock 1700000000) with a random key that no word list holds, so every key gets tried;
  2. the itsdangerous loop, as flask-unsign runs it per key: a URLSafeTimedSerializer with
     Flask's salt, tagged JSON and HMAC-SHA1 key derivation, then loads() (BadSignature: next);
  3. the raw hmac loop: hmac.digest(key, b"cookie-session", "sha1") then hmac.digest of the signed
     part and hmac.compare_digest, the least work Python can do per key;
each {"tried", "found", "wall_seconds", "cpu_seconds"} for one pass over the list.
"""

import hashlib
import hmac
import json
import secrets
import sys
import time

import flask
import itsdangerous
import itsdangerous.timed
from flask import Flask
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature, URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode
from itsdangerous.timed import TimestampSigner

TIMESTAMP = 1700000000
itsdangerous.timed.TimestampSigner.get_timestamp = lambda self: TIMESTAMP


def signed_cookie():
    app = Flask("bench")
    app.secret_key = secrets.token_hex(32)
    with app.test_request_context():
        serializer = SecureCookieSessionInterface().get_signing_serializer(app)
        return serializer.dumps({"user": "alice"})


def timed(loop):
    wall, cpu = time.perf_counter(), time.process_time()
    tried, found = loop()
    return {
        "tried": tried,
        "found": found,
        "wall_seconds": time.perf_counter() - wall,
        "cpu_seconds": time.process_time() - cpu,
    }


def itsdangerous_loop(cookie, keys):
    tried = 0
    for key in keys:
        tried += 1
        # What flask-unsign does per key: a session serializer with Flask's signer settings,
        # then loads(), where any BadSignature means "not this key".
        serializer = URLSafeTimedSerializer(
            key, salt="cookie-session", serializer=TaggedJSONSerializer(),
            signer=TimestampSigner,
            signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1})
        try:
            serializer.loads(cookie)
        except BadSignature:
            continue
        return tried, key.decode("utf-8", "backslashreplace")
    return tried, None


def hmac_loop(value, signature, keys):
    tried = 0
    for key in keys:
        tried += 1
        derived = hmac.digest(key, b"cookie-session", "sha1")
        if hmac.compare_digest(hmac.digest(derived, value, "sha1"), signature):
            return tried, key.decode("utf-8", "backslashreplace")
    return tried, None


def main():
    with open(sys.argv[1], "rb") as file:
        keys = [line for line in file.read().split(b"\n") if line != b""]
    cookie = signed_cookie()
    print(json.dumps({"python": sys.version.split()[0], "flask": flask.__version__,
                      "itsdangerous": itsdangerous.__version__, "cookie": cookie}), flush=True)
    value, signature = cookie.encode().rsplit(b".", 1)
    signature = base64_decode(signature)
    print(json.dumps(timed(lambda: itsdangerous_loop(cookie, keys))), flush=True)
    print(json.dumps(timed(lambda: hmac_loop(value, signature, keys))), flush=True)


if __name__ == "__main__":
    main()
