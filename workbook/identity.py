"""Personal sign-in codes: easy to read aloud, hard to guess, never stored in clear.

A code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U),
shown in groups of four: about 59 bits, so guessing is hopeless even without the
attempt limit. The store keeps only an scrypt hash. The salt is fixed because the
hash doubles as the lookup key; what protects the code is its entropy, and scrypt
makes trying many codes against a stolen database expensive.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

__all__ = [
    "hash_code",
    "hash_passcode",
    "looks_like_code",
    "new_code",
    "normalise_code",
    "same_code",
    "verify_passcode",
]

ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
_LENGTH: Final = 12
_SALT: Final = b"workbook/sign-in-code/v1"


def new_code() -> str:
    """A fresh code such as ``K7QD-M2XH-9RTB``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, _LENGTH, 4))


def normalise_code(code: str) -> str:
    """Forgive what people do when typing a code: lower case, spaces, dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def looks_like_code(code: str) -> bool:
    cleaned = normalise_code(code)
    return len(cleaned) == _LENGTH and all(ch in ALPHABET for ch in cleaned)


def hash_code(code: str) -> str:
    """The scrypt hash of a code, as stored (hex)."""
    digest = hashlib.scrypt(normalise_code(code).encode(), salt=_SALT, n=2**14, r=8, p=1, dklen=32)
    return digest.hex()


def same_code(code: str, stored_hash: str) -> bool:
    """Compare in constant time, so response times reveal nothing."""
    return hmac.compare_digest(hash_code(code), stored_hash)


def hash_passcode(passcode: str) -> str:
    """Hash a coach passcode with a random salt: ``scrypt$<salt hex>$<hash hex>``.

    Unlike sign-in codes, a passcode is chosen by a person and may be weak, so it
    gets its own salt and is never used as a lookup key.
    """
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(passcode.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_passcode(passcode: str, stored: str) -> bool:
    """Whether ``passcode`` matches a :func:`hash_passcode` result (constant time)."""
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(passcode.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return hmac.compare_digest(digest.hex(), digest_hex)
