"""Local servers (127.0.0.1, real HTTP) implementing the request side of IndexNow and of Google's OAuth token
endpoint + Indexing API batch endpoint. They check what a real service checks (method, path, headers, JSON body
shape, batch limits, bearer token, signed JWT) and answer with whatever status a test scripts."""

from __future__ import annotations

import functools
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from google.auth import jwt

INDEXNOW_LIMIT = 10_000
GOOGLE_BATCH_LIMIT = 100
SCOPE = "https://www.googleapis.com/auth/indexing"
# google-auth signs the assertion for Google's token endpoint whichever token_uri it posts to; Google checks it.
GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token"


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class _Server:
    """A ThreadingHTTPServer on a free port, serving `handle(request) -> (status, headers, body)`."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                                   self.rfile.read(length))
                owner.requests.append(request)
                status, headers, body = owner.handle(request)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = _any

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=lambda: self.httpd.serve_forever(poll_interval=0.05), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def handle(self, request: Recorded) -> tuple[int, dict[str, str], bytes]:
        raise NotImplementedError

    def __enter__(self) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _json(status: int, payload: Any) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json"}, json.dumps(payload).encode()


class IndexNowServer(_Server):
    """POST /indexnow as the protocol defines it; `statuses` scripts the answers (then 200)."""

    def __init__(self, host: str, key: str, statuses: list[int] | None = None) -> None:
        super().__init__()
        self.host, self.key = host, key
        self.statuses: deque[int] = deque(statuses or [])
        self.problems: list[str] = []

    @property
    def endpoint(self) -> str:
        return f"{self.url}/indexnow"

    def handle(self, request: Recorded) -> tuple[int, dict[str, str], bytes]:
        problem = self.validate(request)
        if problem:
            self.problems.append(problem)
            return 422 if "host" in problem or "key" in problem else 400, {}, problem.encode()
        return (self.statuses.popleft() if self.statuses else 200), {}, b""

    def validate(self, request: Recorded) -> str | None:
        if request.method != "POST" or urlsplit(request.path).path != "/indexnow":
            return f"{request.method} {request.path}: expected POST /indexnow"
        if request.headers.get("content-type") != "application/json; charset=utf-8":
            return f"content-type {request.headers.get('content-type')!r}"
        body = request.json()
        if set(body) != {"host", "key", "keyLocation", "urlList"}:
            return f"body keys {sorted(body)}"
        if body["host"] != self.host or body["key"] != self.key:
            return f"host or key mismatch: {body['host']} {body['key']}"
        if not body["keyLocation"].endswith(f"/{self.key}.txt"):
            return f"keyLocation {body['keyLocation']}"
        urls = body["urlList"]
        if not 1 <= len(urls) <= INDEXNOW_LIMIT:
            return f"{len(urls)} URLs in one request"
        if any(urlsplit(u).hostname != self.host for u in urls):
            return "URL not on host"
        return None

    def url_lists(self) -> list[list[str]]:
        return [r.json()["urlList"] for r in self.requests]


@functools.cache
def _test_rsa_key() -> rsa.RSAPrivateKey:
    """One RSA key per test session, generated here (never a key from a file)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class ServiceAccount:
    """A test service account: a fresh RSA key, and its JSON key pointing at the local token endpoint."""

    token_uri: str
    email: str = "careers-notify@test-project.iam.gserviceaccount.com"
    private_pem: str = ""
    public_pem: bytes = b""

    def __post_init__(self) -> None:
        key = _test_rsa_key()
        self.private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption()).decode()
        self.public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                                        serialization.PublicFormat.SubjectPublicKeyInfo)

    def info(self) -> dict[str, str]:
        return {"type": "service_account", "project_id": "test-project", "private_key_id": "test-key-1",
                "private_key": self.private_pem, "client_email": self.email, "client_id": "1",
                "token_uri": self.token_uri}


@dataclass
class Publish:
    url: str
    type: str


@dataclass
class GoogleServer(_Server):
    """POST /token (JWT bearer grant, signature checked) and POST /batch (Indexing API batch of publish calls).

    `part_status(publish)` scripts each notification's answer; `batch_statuses` scripts whole-batch answers.
    """

    part_status: Callable[[Publish], int] = lambda publish: 200
    batch_statuses: list[int] = field(default_factory=list)
    token_status: int = 200

    def __post_init__(self) -> None:
        _Server.__init__(self)
        self.account = ServiceAccount(token_uri=f"{self.url}/token")
        self.tokens: set[str] = set()
        self.batches: list[list[Publish]] = []
        self.problems: list[str] = []
        self._batch_statuses = deque(self.batch_statuses)

    @property
    def endpoint(self) -> str:
        return self.url

    def published(self) -> list[tuple[str, str]]:
        return [(p.type, p.url) for batch in self.batches for p in batch]

    def handle(self, request: Recorded) -> tuple[int, dict[str, str], bytes]:
        if request.path == "/token":
            return self._token(request)
        if request.path == "/batch":
            return self._batch(request)
        return 404, {}, b"not found"

    def _token(self, request: Recorded) -> tuple[int, dict[str, str], bytes]:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        if request.method != "POST" or form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
            return _json(400, {"error": "unsupported_grant_type"})
        try:
            claims = jwt.decode(form["assertion"], certs=self.account.public_pem, audience=GOOGLE_TOKEN_AUDIENCE)
        except (ValueError, KeyError) as exc:
            self.problems.append(f"bad assertion: {exc}")
            return _json(400, {"error": "invalid_grant"})
        if claims.get("iss") != self.account.email or claims.get("scope") != SCOPE:
            self.problems.append(f"claims {claims}")
            return _json(400, {"error": "invalid_scope"})
        if self.token_status != 200:
            return _json(self.token_status, {"error": "invalid_grant", "error_description": "scripted"})
        token = f"ya29.test-{len(self.tokens)}-{time.monotonic_ns()}"
        self.tokens.add(token)
        return _json(200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"})

    def _batch(self, request: Recorded) -> tuple[int, dict[str, str], bytes]:
        auth = request.headers.get("authorization", "")
        if request.method != "POST" or not auth.startswith("Bearer ") or auth[7:] not in self.tokens:
            return _json(401, {"error": {"code": 401, "message": "Request had invalid authentication credentials."}})
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("multipart/mixed; boundary="):
            return _json(400, {"error": {"code": 400, "message": f"content type {content_type}"}})
        message = BytesParser().parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + request.body)
        parts = message.get_payload()
        if not isinstance(parts, list) or not 1 <= len(parts) <= GOOGLE_BATCH_LIMIT:
            return _json(400, {"error": {"code": 400, "message": "batch size"}})
        if self._batch_statuses:
            status = self._batch_statuses.popleft()
            if status != 200:
                return _json(status, {"error": {"code": status, "message": "scripted batch failure"}})
        answers, publishes = [], []
        for part in parts:
            if part.get_content_type() != "application/http":
                return _json(400, {"error": {"code": 400, "message": "part is not application/http"}})
            http = part.get_payload(decode=True).decode().replace("\r\n", "\n")
            head, _, body = http.partition("\n\n")
            request_line = head.split("\n")[0]
            if request_line != "POST /v3/urlNotifications:publish HTTP/1.1" or "application/json" not in head:
                return _json(400, {"error": {"code": 400, "message": f"bad part {request_line}"}})
            payload = json.loads(body)
            if set(payload) != {"url", "type"} or payload["type"] not in ("URL_UPDATED", "URL_DELETED"):
                return _json(400, {"error": {"code": 400, "message": f"bad payload {payload}"}})
            publish = Publish(payload["url"], payload["type"])
            publishes.append(publish)
            status = self.part_status(publish)
            answer = ({"urlNotificationMetadata": {"url": publish.url}} if status == 200 else
                      {"error": {"code": status, "message": f"scripted {status} for {publish.url}"}})
            answers.append((part.get("Content-ID", "").strip("<>"), status, json.dumps(answer)))
        self.batches.append(publishes)
        boundary = "batch_test_answer"
        chunks = [f"--{boundary}\r\nContent-Type: application/http\r\nContent-ID: <response-{cid}>\r\n\r\n"
                  f"HTTP/1.1 {status} X\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{body}\r\n"
                  for cid, status, body in answers]
        text = "".join(chunks) + f"--{boundary}--\r\n"
        return 200, {"Content-Type": f"multipart/mixed; boundary={boundary}"}, text.encode()


class StaticSite(_Server):
    """A stand-in for the live site: GET serves files from a folder, anything missing is a 404."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def handle(self, request: Recorded) -> tuple[int, dict[str, str], bytes]:
        target = self.root / urlsplit(request.path).path.lstrip("/")
        if request.method != "GET" or not target.is_file():
            return 404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"
        return 200, {"Content-Type": "application/json"}, target.read_bytes()
