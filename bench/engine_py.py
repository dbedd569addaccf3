#!/usr/bin/python3
"""The Python half of bench/engine.ts: Flask's own session serializer (itsdangerous).

Line protocol on stdin/stdout, one JSON object per line, so the Node side can alternate
Python and Node batches and both see the same background load:
  first line  {"secret_key": ..., "workloads": {name: session}}
      reply   {"python", "flask", "itsdangerous", "cookies": {name: cookie}}
  then        {"workload": name, "operation": "sign" | "verify", "seconds": s}
      reply   {"per_second": rate}   (operations per CPU second)
Signing uses a fixed timestamp, so the cookies can be compared with the engine's.
"""

import json
import sys
import time

import flask
import itsdangerous
import itsdangerous.timed
from flask import Flask
from flask.sessions import SecureCookieSessionInterface

TIMESTAMP = 1700000000
MAX_AGE = 2678400
itsdangerous.timed.TimestampSigner.get_timestamp = lambda self: TIMESTAMP


def rate(operation, seconds):
    """Operations per CPU second (process time, so other load on the machine barely counts)
    over a batch of about `seconds` of CPU time."""
    count = 0
    start = time.process_time()
    while True:
        for _ in range(100):
            operation()
        count += 100
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return count / elapsed


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    setup = json.loads(sys.stdin.readline())
    app = Flask("bench")
    app.secret_key = setup["secret_key"]
    with app.test_request_context():  # Flask's JSON provider sorts keys inside an app context
        serializer = SecureCookieSessionInterface().get_signing_serializer(app)
        sessions = setup["workloads"]
        cookies = {name: serializer.dumps(session) for name, session in sessions.items()}
        reply({"python": sys.version.split()[0], "flask": flask.__version__,
               "itsdangerous": itsdangerous.__version__, "cookies": cookies})
        for line in sys.stdin:
            request = json.loads(line)
            name = request["workload"]
            if request["operation"] == "sign":
                session = sessions[name]
                operation = lambda: serializer.dumps(session)  # noqa: E731
            else:
                cookie = cookies[name]
                operation = lambda: serializer.loads(cookie, max_age=MAX_AGE)  # noqa: E731
            reply({"per_second": rate(operation, request["seconds"])})


if __name__ == "__main__":
    main()
