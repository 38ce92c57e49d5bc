"""The lab host's HTTPS identity: a self-signed certificate made at start, never written anywhere lasting."""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class Certificate:
    der: bytes
    pem: bytes
    key_pem: bytes

    @property
    def thumbprint(self) -> str:
        """SHA-256 of the DER certificate, hex: what a client pins."""
        return hashlib.sha256(self.der).hexdigest()

    @property
    def channel_binding(self) -> bytes:
        """RFC 5929 tls-server-end-point data, as pypsrp sends it for an ECDSA-SHA256 certificate."""
        return b"tls-server-end-point:" + hashlib.sha256(self.der).digest()

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        # load_cert_chain reads files only; the key lives there for a moment, readable by us alone.
        with tempfile.TemporaryDirectory(prefix="iis-access-lab-tls-") as folder:
            cert_path, key_path = Path(folder, "cert.pem"), Path(folder, "key.pem")
            cert_path.write_bytes(self.pem)
            key_path.write_bytes(self.key_pem)
            context.load_cert_chain(cert_path, key_path)
        return context


def self_signed(host: str, *, valid_from: datetime.datetime | None = None) -> Certificate:
    """An ECDSA P-256 certificate for ``host`` (fast to make, so startup stays well under a second),
    valid for 30 days from ``valid_from`` (default: five minutes ago; tests pass an older time)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    try:
        alternative: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        alternative = x509.DNSName(host)
    now = datetime.datetime.now(datetime.timezone.utc)
    start = valid_from if valid_from is not None else now - datetime.timedelta(minutes=5)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=30, minutes=5))
        .add_extension(x509.SubjectAlternativeName([alternative]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return Certificate(
        der=certificate.public_bytes(serialization.Encoding.DER),
        pem=certificate.public_bytes(serialization.Encoding.PEM),
        key_pem=key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
    )
