#!/usr/bin/python3
"""Signatures made by itsdangerous for the guessing kernels' tests (src/lib/guess/).

Usage: gen_guess_vectors.py [OUT]  (default tests/conformance/guess-vectors.json)

Each case is a key (any bytes), a signed part (1 to 400 bytes) and the signature Flask's session
serializer would put after it: itsdangerous Signer(key, salt="cookie-session",
key_derivation="hmac", digest_method=hashlib.sha1).get_signature(signed_part), checked against
the same two HMACs computed with Python's hmac module. Keys cover the HMAC edge cases: empty,
1 byte, 55/56/63/64/65 bytes (SHA-1 padding and block boundaries), longer than 64 bytes (hashed
first), non-ASCII text as UTF-8 and arbitrary bytes. Fixed seed: the output is reproducible.
"""

import hashlib
import hmac
import json
import random
import sys

import itsdangerous
from itsdangerous.encoding import base64_decode
from itsdangerous.signer import Signer

SALT = b"cookie-session"
rng = random.Random(15)


def text_key(length):
    """Random non-ASCII text of `length` characters, as UTF-8."""
    ranges = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x4E00, 0x4FFF),
              (0x1F300, 0x1F5FF)]
    chars = []
    for _ in range(length):
        low, high = rng.choice(ranges)
        chars.append(chr(rng.randint(low, high)))
    return "".join(chars).encode("utf-8")


def key_of_kind(kind):
    if kind == "empty":
        return b""
    if kind == "boundary":
        return bytes(rng.randint(0x21, 0x7E) for _ in range(rng.choice([1, 55, 56, 63, 64, 65])))
    if kind == "long":
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(65, 300)))
    if kind == "utf8":
        return text_key(rng.randint(1, 40))
    if kind == "bytes":
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 64)))
    return bytes(rng.randint(0x21, 0x7E) for _ in range(rng.randint(1, 64)))


def signed_part(length):
    # Cookie values are ASCII; the kernels take any bytes.
    return bytes(rng.randint(0, 255) if rng.random() < 0.2 else rng.randint(0x21, 0x7E)
                 for _ in range(length))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/conformance/guess-vectors.json"
    lengths = [1, 2, 13, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 247, 400]
    lengths += [rng.randint(1, 400) for _ in range(100 - len(lengths))]
    kinds = ["empty", "boundary", "long", "utf8", "bytes", "ascii"]
    groups = []
    for length in lengths:
        part = signed_part(length)
        keys = []
        for i in range(30):
            key = key_of_kind(kinds[i % len(kinds)])
            signer = Signer(key, salt="cookie-session", key_derivation="hmac",
                            digest_method=hashlib.sha1)
            signature = base64_decode(signer.get_signature(part))
            derived = hmac.new(key, SALT, hashlib.sha1).digest()
            assert signature == hmac.new(derived, part, hashlib.sha1).digest()
            keys.append({"key": key.hex(), "signature": signature.hex()})
        groups.append({"signed_part": part.hex(), "keys": keys})
    data = {
        "generator": "tests/conformance/gen_guess_vectors.py",
        "itsdangerous": itsdangerous.__version__,
        "groups": groups,
    }
    with open(out, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=1)
        file.write("\n")


if __name__ == "__main__":
    main()
