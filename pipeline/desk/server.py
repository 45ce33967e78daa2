"""Serving the desk on 127.0.0.1 only, on a free port unless one is asked for, one thread per request."""

from __future__ import annotations

import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from ..errors import PpidError
from . import peer
from .app import Desk

HOST = "127.0.0.1"


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args) -> None:  # requests are not the user's business in the terminal
        pass

    def get_environ(self) -> dict:
        environ = super().get_environ()
        environ[peer.ENVIRON_KEY] = peer.same_user(self.client_address[:2], self.server.server_address[:2])
        return environ


class Running:
    def __init__(self, server: WSGIServer, desk: Desk) -> None:
        self.server, self.desk = server, desk

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    def serve_forever(self) -> None:
        self.server.serve_forever()

    def start_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start(site_root: Path, port: int = 0, root_key: Path | None = None) -> Running:
    desk = Desk(site_root, root_key)
    try:
        server = make_server(HOST, port, desk.wsgi(), server_class=_Server, handler_class=_QuietHandler)
    except OSError as exc:
        raise PpidError(f"port {port} di {HOST} tidak dapat dipakai ({exc.strerror}); pilih port lain dengan --port "
                        "atau biarkan ppid memilih port yang bebas") from None
    desk.port = server.server_address[1]
    return Running(server, desk)
