"""WinRM authentication on the lab host: Basic, and NTLM / Negotiate through pyspnego's acceptor.

NTLM and Negotiate authenticate the *connection* (as HTTP.sys does): once the
handshake completes, later requests on the same keep-alive connection carry
no Authorization header, and over plain HTTP their bodies are sealed with the
session key (``multipart/encrypted`` with
``application/HTTP-SPNEGO-session-encrypted``, framed as pypsrp's
``encryption.py`` expects). Basic authenticates every request.

pyspnego's NTLM acceptor has no parameter for the accounts it accepts: it
looks the user up, at the last handshake leg, in the file named by the
``NTLM_USER_FILE`` environment variable (the interface it shares with
gss-ntlmssp). That file is therefore process-wide: the users of every running
lab host in this process share one private file (mode 0600) that this module
owns. Hosts with different users coexist; one user name can have only one
password per process, because the acceptor takes the first line that matches.

The file holds smbpasswd lines with the password's LM and NT hashes, made with
pyspnego's own (private) ``lmowfv1`` / ``ntowfv1``. The public alternative,
plain ``DOMAIN:USER:PASSWORD`` lines, cannot hold a password with a ``:`` in
it, and the NT hash is MD4, which hashlib no longer offers on OpenSSL 3.
``tests/lab/test_ntlm_users.py`` pins both functions to known test vectors, so
a pyspnego release that moves them fails there, by name.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import re
import struct
import tempfile
import threading
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import spnego
import spnego.channel_bindings
import spnego.exceptions
from spnego._ntlm_raw.crypto import lmowfv1, ntowfv1

AUTH_SCHEMES = ("basic", "ntlm", "negotiate")
SPNEGO_PROTOCOL = "application/HTTP-SPNEGO-session-encrypted"
BOUNDARY = "Encrypted Boundary"
ENCRYPTED_CONTENT_TYPE = f'multipart/encrypted;protocol="{SPNEGO_PROTOCOL}";boundary="{BOUNDARY}"'
_LENGTH = re.compile(rb"Length=(\d+)")
_OCTET_STREAM = b"\r\n\tContent-Type: application/octet-stream\r\n"
_NTLM_SIGNATURE = b"NTLMSSP\x00"


class AuthenticationFailed(Exception):
    """The request must be answered with HTTP 401 and a fresh challenge."""


class EncryptionError(Exception):
    """An encrypted body could not be unsealed (wrong framing, key or length)."""


def split_user(name: str) -> str:
    """``DOMAIN\\user`` and ``user@domain`` both name ``user`` on the lab's single machine."""
    return name.rsplit("\\", 1)[-1].split("@", 1)[0].casefold()


# ntlm-<pid>.txt, or writing-<pid>-<random>.txt while a process replaces its file.
_OWNER = re.compile(r"(?:ntlm-(\d+)|writing-(\d+)-[^.]*)\.txt")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def ntlm_directory() -> Path:
    """The directory, owned by this user and private to them, that holds the lab's NT-hash files."""
    return Path(tempfile.gettempdir()) / f"iis-access-lab-{getattr(os, 'getuid', lambda: 0)()}"


class _NtlmUserFile:
    """The process-wide NTLM_USER_FILE that pyspnego's acceptor reads, in smbpasswd format.

    It lives in a directory of its own, one file per process (``ntlm-<pid>.txt``): a lab that was
    killed cannot remove its file, so every lab removes the files of dead processes when it starts.
    """

    _VARIABLE = "NTLM_USER_FILE"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users: Counter[tuple[str, str]] = Counter()
        self._path: Path | None = None

    def register(self, user: str, password: str) -> None:
        # The file's fields are colon-separated lines: such a name could not be read back.
        if any(char in user for char in ":\r\n"):
            raise ValueError("an NTLM lab user name cannot contain ':' or a line break")
        with self._lock:
            name = split_user(user)
            if any(known == name and secret != password for known, secret in self._users):
                raise ValueError(
                    f"another lab host in this process serves user {user!r} with a different password; "
                    "NTLM lab hosts in one process must use one password per user name"
                )
            self._users[(name, password)] += 1
            self._sweep()
            self._write()

    def unregister(self, user: str, password: str) -> None:
        with self._lock:
            key = (split_user(user), password)
            self._users[key] -= 1
            if self._users[key] <= 0:
                del self._users[key]
            self._write()

    def _write(self) -> None:
        if not self._users:
            # The last NTLM host stopped: leave no password file behind.
            if self._path is not None:
                self._path.unlink(missing_ok=True)
                if os.environ.get(self._VARIABLE) == str(self._path):
                    del os.environ[self._VARIABLE]
                self._path = None
            return
        folder = self._directory()
        # mkstemp makes it 0600; replacing the file whole means an acceptor reading it
        # mid-update sees the old list or the new one, never half a line.
        handle, name = tempfile.mkstemp(prefix=f"writing-{os.getpid()}-", suffix=".txt", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.writelines(
                f"{user}:0:{base64.b16encode(lmowfv1(password)).decode()}:"
                f"{base64.b16encode(ntowfv1(password)).decode()}:[U]:LCT-00000000\n"
                for user, password in self._users
            )
        self._path = folder / f"ntlm-{os.getpid()}.txt"
        os.replace(name, self._path)
        os.environ[self._VARIABLE] = str(self._path)

    def _directory(self) -> Path:
        folder = ntlm_directory()
        folder.mkdir(mode=0o700, exist_ok=True)
        status = folder.lstat()
        if folder.is_symlink() or (hasattr(os, "getuid") and status.st_uid != os.getuid()):
            raise ValueError(f"{folder} is not a directory of this user's; remove it and start again")
        return folder

    def _sweep(self) -> None:
        """Remove the files of labs that were killed: done whenever a host starts (not only the
        first of this process, which may run for days). Only files named for a process are judged:
        another lab may be writing its own right now."""
        for stale in self._directory().glob("*.txt"):
            owner = _OWNER.fullmatch(stale.name)
            if owner is not None and not _process_alive(int(owner[1] or owner[2])):
                stale.unlink(missing_ok=True)


NTLM_USERS = _NtlmUserFile()


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    schemes: frozenset[str]
    channel_binding: bytes | None = None

    def challenges(self) -> list[str]:
        """The WWW-Authenticate values of a 401, in the order Windows lists them."""
        offered = []
        if "negotiate" in self.schemes:
            offered.append("Negotiate")
        elif "ntlm" in self.schemes:
            offered.append("NTLM")
        if "basic" in self.schemes:
            offered.append('Basic realm="WSMAN"')
        return offered


@dataclass
class ConnectionAuth:
    """Authentication state of one keep-alive connection."""

    credentials: Credentials
    user: str | None = None
    sealing: spnego.ContextProxy | None = None
    _pending: spnego.ContextProxy | None = field(default=None, repr=False)

    def authenticate(self, header: str | None) -> tuple[str | None, str | None]:
        """Check one request's Authorization header.

        Returns ``(user, reply)``: ``user`` is set once the caller is known,
        ``reply`` is the WWW-Authenticate value to send back (a handshake leg
        or the final token). Raises AuthenticationFailed for a bad attempt.
        """
        if not header:
            if self.sealing is not None and self.user is not None:
                return self.user, None
            raise AuthenticationFailed("no credentials")
        scheme, _, token_text = header.strip().partition(" ")
        try:
            token = base64.b64decode(token_text.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise AuthenticationFailed("malformed Authorization header") from None
        if scheme.lower() == "basic":
            return self._basic(token), None
        if scheme.lower() in ("negotiate", "ntlm"):
            return self._negotiate(scheme, token)
        raise AuthenticationFailed(f"scheme {scheme} is not offered")

    def _basic(self, token: bytes) -> str:
        if "basic" not in self.credentials.schemes:
            raise AuthenticationFailed("Basic is not offered")
        user, _, password = token.decode("utf-8", "replace").partition(":")
        user_ok = split_user(user) == split_user(self.credentials.user)
        password_ok = hmac.compare_digest(password.encode(), self.credentials.password.encode())
        if not (user_ok and password_ok):
            raise AuthenticationFailed("wrong user name or password")
        self.user = user
        self.sealing = None
        return user

    def _negotiate(self, scheme: str, token: bytes) -> tuple[str | None, str | None]:
        raw_ntlm = token.startswith(_NTLM_SIGNATURE)
        allowed = "negotiate" in self.credentials.schemes or (raw_ntlm and "ntlm" in self.credentials.schemes)
        if not allowed:
            raise AuthenticationFailed(f"{scheme} is not offered")
        if self._pending is None:
            self.user = None
            self.sealing = None
            bindings = (
                spnego.channel_bindings.GssChannelBindings(application_data=self.credentials.channel_binding)
                if self.credentials.channel_binding
                else None
            )
            self._pending = spnego.server(
                protocol="ntlm" if raw_ntlm else "negotiate", channel_bindings=bindings
            )
        context = self._pending
        try:
            answer = context.step(token)
        except Exception as error:
            # A hostile or garbled token breaks pyspnego's parser in any way (SpnegoError, ValueError,
            # struct.error, IndexError): Windows answers a failed sign-in, so the lab does too.
            self._pending = None
            raise AuthenticationFailed(f"{type(error).__name__}: {error}") from None
        reply = f"{scheme} {base64.b64encode(answer).decode()}" if answer else None
        if not context.complete:
            return None, reply
        self._pending = None
        principal = context.client_principal or ""
        if split_user(principal) != split_user(self.credentials.user):
            raise AuthenticationFailed("authenticated as a user this host does not serve")
        self.user = principal
        self.sealing = context
        return principal, reply


def unseal(context: spnego.ContextProxy, body: bytes) -> bytes:
    """Open a ``multipart/encrypted`` body sealed by the client."""
    parts = body.split(f"--{BOUNDARY}".encode())
    plain = bytearray()
    for index in range(1, len(parts) - 1, 2):
        meta, payload = parts[index], parts[index + 1]
        length = _LENGTH.search(meta)
        if length is None or not payload.startswith(_OCTET_STREAM):
            raise EncryptionError("unexpected multipart/encrypted framing")
        sealed = payload[len(_OCTET_STREAM) :]
        if len(sealed) < 4:
            raise EncryptionError("truncated encrypted part")
        (header_length,) = struct.unpack("<I", sealed[:4])
        header, data = sealed[4 : 4 + header_length], sealed[4 + header_length :]
        try:
            chunk = context.unwrap_winrm(header, data)
        except spnego.exceptions.SpnegoError as error:
            raise EncryptionError(str(error)) from None
        if len(chunk) != int(length.group(1)):
            raise EncryptionError("decrypted length does not match the declared length")
        plain += chunk
    if not plain:
        raise EncryptionError("no encrypted part")
    return bytes(plain)


def seal(context: spnego.ContextProxy, message: bytes) -> bytes:
    """Seal a response the way Windows does for a session-encrypted connection."""
    header, data, padding = context.wrap_winrm(message)
    return b"".join(
        [
            f"--{BOUNDARY}\r\n\tContent-Type: {SPNEGO_PROTOCOL}\r\n"
            f"\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length={len(message) + padding}\r\n"
            f"--{BOUNDARY}".encode(),
            _OCTET_STREAM,
            struct.pack("<I", len(header)),
            header,
            data,
            f"--{BOUNDARY}--\r\n".encode(),
        ]
    )


def credentials(
    user: str, password: str, schemes: Collection[str], *, channel_binding: bytes | None = None
) -> Credentials:
    chosen = frozenset(scheme.lower() for scheme in schemes)
    unknown = chosen - set(AUTH_SCHEMES)
    if unknown or not chosen:
        raise ValueError(f"auth must be some of {', '.join(AUTH_SCHEMES)}; got {sorted(schemes)}")
    return Credentials(user, password, chosen, channel_binding)
