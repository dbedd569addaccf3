#!/usr/bin/python3
"""The Python half of bench/crack.ts: guessing a Flask session key with itsdangerous.

Usage: crack_py.py WORD_LIST
Prints two JSON lines on stdout:
  1. {"python", "flask", "itsdangerous", "cookie"}: a cookie real Flask signed (at the fixed
     clock 1700000000) with a random key that no word list holds, so every key gets tried;
  2. {"tried", "found", "wall_seconds", "cpu_seconds"} for one pass over the list.

Each guess does what the inspector's worker does: derive the signing key from the candidate
(HMAC-SHA1 with the salt "cookie-session"), HMAC-SHA1 the signed value with it and compare with
the signature decoded once. itsdangerous' own Signer does the derivation and the comparison.
"""

import hashlib
import json
import secrets
import sys
import time

import flask
import itsdangerous
import itsdangerous.timed
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous.encoding import base64_decode
from itsdangerous.signer import Signer

TIMESTAMP = 1700000000
itsdangerous.timed.TimestampSigner.get_timestamp = lambda self: TIMESTAMP


def signed_cookie():
    app = Flask("bench")
    app.secret_key = secrets.token_hex(32)
    with app.test_request_context():
        serializer = SecureCookieSessionInterface().get_signing_serializer(app)
        return serializer.dumps({"user": "alice"})


def guess(cookie, keys):
    value, signature = cookie.encode().rsplit(b".", 1)
    signature = base64_decode(signature)
    wall, cpu = time.perf_counter(), time.process_time()
    found = None
    tried = 0
    for key in keys:
        tried += 1
        signer = Signer(key, salt="cookie-session", key_derivation="hmac", digest_method=hashlib.sha1)
        if signer.algorithm.verify_signature(signer.derive_key(), value, signature):
            found = key
            break
    return {
        "tried": tried,
        "found": found,
        "wall_seconds": time.perf_counter() - wall,
        "cpu_seconds": time.process_time() - cpu,
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        keys = file.read().split("\n")
    cookie = signed_cookie()
    print(json.dumps({"python": sys.version.split()[0], "flask": flask.__version__,
                      "itsdangerous": itsdangerous.__version__, "cookie": cookie}), flush=True)
    print(json.dumps(guess(cookie, [key for key in keys if key != ""])), flush=True)


if __name__ == "__main__":
    main()
