"""The desk's routes. Each action parses the form, calls the library's operation, and shows its outcome or its
refusal as a message (post → message → redirect). Sessions and CSRF are checked before any handler runs."""

from __future__ import annotations

import json
import re
import traceback
from pathlib import Path
from typing import Callable
from urllib.parse import quote

import bottle
from bottle import HTTPResponse, redirect, request, response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..errors import PpidError, write_error_log
from ..preview.builder import Preview, build_preview
from ..release.preview import build_release_preview
from ..release import approval as release_approval
from ..release.inputs import RELEASES
from ..release.publishing import publish
from ..signing import public_key_line
from ..site import Site
from ..trust import operations
from ..trust.chains import STATE_NAMES
from ..trust.errors import DecisionRefused, IdentityError
from ..trust.identity import Signer
from ..trust.state import SiteState
from . import drafts, form, render, views
from .actions import commit, is_repository, one_at_a_time
from .guard import SAFE_METHODS, guarded
from .attempts import Attempts
from .identity import unlock
from .memo import Memo
from .sessions import COOKIE, Session, Sessions
from .settings import remember_key, remembered_key

STATIC = Path(__file__).parent / "static"
# Bottle refuses url-encoded forms above this size; a page may be up to site.yml's page_bytes (1 MB by default).
bottle.BaseRequest.MEMFILE_MAX = 8_000_000
ERRORS = {404: "Halaman meja kerja ini tidak ada.", 405: "Cara permintaan ini tidak didukung di alamat ini.",
          413: "Isian terlalu besar untuk meja kerja."}
# Where a form may send the person back to: a path on this desk, nothing a browser could read as another host.
_BACK = re.compile(r"/(?![/\\])[A-Za-z0-9._~/%-]*")
VERDICTS = {"setuju": True, "perbaikan": False}
FORM_ROOM = 1_000_000  # the form fields sent along with an attachment


class Desk:
    """One desk for one site, served on 127.0.0.1:port."""

    def __init__(self, root: Path, root_key: Path | None = None) -> None:
        self.root, self.root_key, self.port = root, root_key, 0
        self.sessions = Sessions()
        self.attempts = Attempts()
        self.memo = Memo(root, root_key)
        self.templates = Environment(loader=PackageLoader("pipeline.desk", "templates"),
                                     autoescape=select_autoescape(default=True))
        self.app = bottle.Bottle()
        self.app.config["catchall"] = False
        self.app.default_error_handler = _error_page
        self._routes()

    def wsgi(self) -> Callable:
        return guarded(self._errors, lambda: self.port)

    def _errors(self, environ: dict, start_response: Callable):
        """Our bug, not the user's: a message in the page, the traceback in a log file only this user can read."""
        try:
            return self.app(environ, start_response)
        except Exception:
            log = write_error_log(traceback.format_exc(), Site(self.root).work_dir)
            body = f"Kesalahan internal meja kerja (bukan kesalahan Anda); rincian di {log}. Mohon laporkan.\n".encode()
            start_response("500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8")])
            return [body]

    # --- sessions, pages, forms -------------------------------------------------------------------------

    def session(self) -> Session | None:
        found = self.sessions.get(request.get_cookie(COOKIE))
        if found is None and request.method in SAFE_METHODS:
            found = self.sessions.new()
            response.set_cookie(COOKIE, found.id, httponly=True, samesite="strict", path="/")
        return found

    def page(self, name: str, session: Session, **context) -> str:
        hidden = Markup(f'<input type="hidden" name="csrf" value="{escape(session.csrf)}">'
                        f'<input type="hidden" name="kembali" value="{escape(request.fullpath)}">')
        commit_box = Markup('<p class="pilihan"><label><input type="checkbox" name="commit" value="1" checked> '
                            'Commit rekaman ke git</label></p>') if is_repository(Site(self.root)) else Markup("")
        return self.templates.get_template(name).render(
            me=session.signer.person if session.signer else None, roles=session.roles, steps=session.steps,
            csrf=session.csrf, messages=session.take_messages(), hidden=hidden, commit_box=commit_box, quote=quote,
            **context)

    def forms(self) -> bottle.FormsDict:
        """The submitted form as text, decoded once per request; bytes that are not UTF-8 are refused."""
        if "meja.forms" not in request.environ:
            try:
                request.environ["meja.forms"] = request.forms.decode()
            except ValueError:  # text that is not UTF-8, or an upload part whose header holds control characters
                raise form.FormError("isian formulir tidak dapat dibaca (teks bukan UTF-8, atau nama berkas unggahan "
                                     "berisi karakter kendali); kirim formulir dari halaman meja kerja") from None
        return request.environ["meja.forms"]

    def verdict(self) -> bool:
        """The button the person pressed: setuju or perbaikan, never a default."""
        chosen = self.forms().get("keputusan", "")
        if chosen not in VERDICTS:
            raise form.FormError("pilih keputusan dengan salah satu tombolnya (setuju atau perbaikan)")
        return VERDICTS[chosen]

    def back(self) -> str:
        target = self.forms().get("kembali") or "/"
        return target if _BACK.fullmatch(target) else "/"

    def state(self) -> SiteState:
        return self.memo.state()

    def signer(self, session: Session, state: SiteState) -> Signer:
        """The unlocked key, matched again against the registry as it is now (a revoked key stops at once)."""
        if session.signer is None:
            raise IdentityError("buka kunci Anda dulu (halaman Masuk)")
        person = state.registry.by_key(public_key_line(session.signer.key))
        if person is None:
            raise IdentityError("kunci Anda tidak lagi terdaftar di site_config/reviewers.yml")
        return Signer(person, session.signer.key)

    def get(self, path: str, needs_signer: bool = True):
        def register(handler: Callable) -> Callable:
            def wrapped(**kw):
                session = self.session()
                if needs_signer and session.signer is None:
                    redirect("/masuk")
                try:
                    return handler(session, **kw)
                except PpidError as exc:
                    session.say("galat", str(exc))
                    return self.page("galat.html", session)
            self.app.get(path)(wrapped)
            return handler
        return register

    def post(self, path: str, needs_signer: bool = True):
        """A state-changing request: only with this session's cookie, its CSRF token and (but to sign in or out) an
        unlocked key; refusals as messages."""
        def register(handler: Callable) -> Callable:
            def wrapped(**kw):
                session = self.sessions.get(request.get_cookie(COOKIE))
                if session is None:
                    return _refused("tidak ada sesi meja kerja (keluar, atau lama tidak dipakai); buka halaman meja lagi")
                limit, page_limit = self._limits()
                if request.content_length > max(limit, 3 * page_limit) + FORM_ROOM:  # a page travels %-encoded
                    return _refused(f"kiriman terlalu besar (batas lampiran {drafts.size_text(limit)}, "
                                    "site_config/site.yml limits.attachment_bytes)", 413)
                try:
                    token = self.forms().get("csrf") or request.get_header("X-CSRF-Token")
                except PpidError as exc:
                    return _refused(str(exc), 400)
                if not session.token_matches(token):
                    return _refused("token formulir (CSRF) tidak ada atau salah; muat ulang halaman")
                if needs_signer and session.signer is None:
                    return _refused("buka kunci Anda dulu di halaman Masuk (/masuk); tanpa kunci meja kerja tidak "
                                    "mengubah apa pun")
                try:
                    result = handler(session, **kw)
                except PpidError as exc:
                    session.say("galat", str(exc))
                    result = None
                if result is None:
                    redirect(self.back(), 303)
                return result
            self.app.post(path)(wrapped)
            return handler
        return register

    def _limits(self) -> tuple[int, int]:
        """The largest attachment and page the site accepts: a body far above them is refused unread."""
        try:
            limits = Site(self.root).limits
        except PpidError:
            return bottle.BaseRequest.MEMFILE_MAX, bottle.BaseRequest.MEMFILE_MAX
        return limits.attachment_bytes, limits.page_bytes

    def build_preview(self, builder: Callable[[Site, Path], Preview]) -> Preview:
        site = Site(self.root)
        with one_at_a_time(site):
            return builder(site, site.root / views.PREVIEW_DIR)

    def decide(self, session: Session, action: Callable[[SiteState, Signer], operations.Outcome],
               extra: Callable[[SiteState], list[Path]] = lambda state: []) -> None:
        """Derive afresh under the site lock, run the operation, report, and commit when asked."""
        site = Site(self.root)
        with one_at_a_time(site):
            state = self.memo.state()  # the key is taken under the lock: any write before it gives a new state
            signer = self.signer(session, state)
            paths = extra(state)
            outcome = action(state, signer)
            session.say("ok", f"{outcome.summary}. Rekaman: {site.rel(outcome.record)}")
            for note in outcome.notes:
                session.say("ok", note)
            if self.forms().get("commit"):
                session.say("ok", commit(site, [outcome.record, *outcome.files, *paths],
                                         f"{outcome.summary} ({signer.person.name}, lewat ppid meja)"))
        self.memo.refresh_soon()

    # --- routes ------------------------------------------------------------------------------------------

    def _routes(self) -> None:  # noqa: C901 - a flat list of routes reads best in one place
        app = self.app

        @app.get("/aset/<name>")
        def asset(name: str):
            return bottle.static_file(name, root=str(STATIC))

        @self.get("/masuk", needs_signer=False)
        def sign_in(session: Session):
            return self.page("masuk.html", session, key_path=remembered_key())

        @self.post("/masuk", needs_signer=False)
        def do_sign_in(session: Session):
            data = self.forms()
            state = self.state()
            signer, path = unlock(state.registry, data.get("kunci", ""), data.get("frasa", ""), self.attempts,
                                  session.id)
            session = self.sessions.renew(session)  # a new id once signed in: a planted cookie is worth nothing
            response.set_cookie(COOKIE, session.id, httponly=True, samesite="strict", path="/")
            session.signer = signer
            session.roles = views.role_names(signer.person, state.policy)
            session.steps = views.my_steps(signer.person, state.policy)
            remember_key(path.resolve())
            session.say("ok", f"Selamat datang, {signer.person.name}.")
            redirect("/", 303)

        @self.post("/keluar", needs_signer=False)
        def sign_out(session: Session):
            fresh = self.sessions.renew(session)  # the old id and token die with the key
            response.set_cookie(COOKIE, fresh.id, httponly=True, samesite="strict", path="/")
            fresh.say("ok", "Anda telah keluar; kunci tidak lagi tersimpan di meja kerja.")
            redirect("/masuk", 303)

        @self.get("/")
        def home(session: Session):
            person = session.signer.person
            return self.page("antrean.html", session,
                             queue=self.memo.remember(("antrean", person.id), lambda state: views.queue(state, person)))

        @self.get("/ubah")
        def open_existing(session: Session):
            redirect(f"/draf/{quote(drafts.page_key(request.query.getunicode('halaman') or ''))}")

        @self.get("/draf/baru")
        def new_draft(session: Session):
            return self._editor(session, drafts.Draft(""), new=True)

        @self.get("/draf/<page:path>")
        def edit_draft(session: Session, page: str):
            site = Site(self.root)
            return self._editor(session, drafts.load(site, drafts.page_key(page)), new=False)

        @self.post("/draf")
        def save_draft(session: Session):
            site, data = Site(self.root), self.forms()
            fields = form.fields(site.root)
            try:
                page = drafts.editable(site, data.get("halaman", ""), new=not data.get("ada"))
                meta = form.parse(fields, data.get, data.getall, drafts.load(site, page).meta)
                with one_at_a_time(site):
                    decided = self._decided(page)
                    changed = drafts.save(site, page, meta, data.get("isi", ""))
            except PpidError as exc:  # the page is shown again with everything typed, never lost
                session.say("galat", str(exc))
                typed = drafts.Draft(data.get("halaman", ""), {}, data.get("isi", ""))
                return self._editor(session, typed, new=not data.get("ada"), typed=data)
            session.say("ok", f"Draf disimpan: drafts/{page}. Periksa temuan di bawah, lalu ajukan.")
            if decided and changed:
                _resubmit(session, page, decided)
            redirect(f"/draf/{quote(page)}", 303)

        @self.post("/lampiran/<page:path>")
        def upload(session: Session, page: str):
            site = Site(self.root)
            page = drafts.page_key(page)
            upload = request.files.get("berkas")
            if upload is None:
                raise drafts.DraftError("pilih berkas lampiran yang akan diunggah")
            with one_at_a_time(site):
                decided = self._decided(page)
                _, notes = drafts.add_attachment(site, page, upload.raw_filename, upload.file,
                                                 bool(self.forms().get("bersihkan")))
            for note in notes:
                session.say("ok", note)
            if decided:
                _resubmit(session, page, decided)
            redirect(f"/draf/{quote(page)}", 303)

        @self.post("/tampilan")
        def live_render(session: Session):
            """The typed Markdown rendered, and the findings on it, while the operator types (nothing saved)."""
            data = self.forms()
            text = data.get("isi", "")
            response.content_type = "application/json"
            return json.dumps({"html": str(render.to_html(text)),
                               "temuan": views.text_findings(Site(self.root), data.get("halaman", ""), text)})

        @self.post("/ajukan/<page:path>")
        def submit(session: Session, page: str):
            data = self.forms()
            self.decide(session, lambda state, signer: operations.submit(
                state, signer, page, comment=data.get("komentar", ""), with_findings=bool(data.get("dengan_temuan"))))

        @self.post("/ajukan-hapus/<page:path>")
        def submit_removal(session: Session, page: str):
            self.decide(session, lambda state, signer: operations.submit(
                state, signer, page, remove=True, comment=self.forms().get("komentar", "")))
            redirect("/", 303)

        @self.get("/perubahan/<page:path>")
        def change(session: Session, page: str):
            view = self.memo.remember(("perubahan", page), lambda state: views.change_view(state, page))
            return self.page("perubahan.html", session, view=view)

        @self.post("/pratinjau")
        def make_preview(session: Session):
            built = self.build_preview(build_preview)
            session.say("ok", f"Pratinjau luring {built.manifest.short} dibuat ({built.changes} perubahan tertunda). "
                              "Unduh zip-nya, ekstrak, buka MULAI-DI-SINI.html, lalu putuskan.")

        @self.post("/rilis/pratinjau")
        def make_release_preview(session: Session):
            built = self.build_preview(build_release_preview)
            session.say("ok", f"Pratinjau luring rilis {built.manifest.short} dibuat ({built.changes} berkas berubah). "
                              "Unduh zip-nya, ekstrak, buka MULAI-DI-SINI.html, lalu catat hasil pemeriksaan.")

        @self.get("/pratinjau/<name>", needs_signer=True)
        def preview_zip(session: Session, name: str):
            path = views.preview_file(Site(self.root), name)
            if path is None:
                raise DecisionRefused(f"pratinjau {name} tidak ada; buat pratinjau baru")
            return bottle.static_file(path.name, root=str(path.parent), download=path.name)

        @self.post("/tinjau/<page:path>")
        def review(session: Session, page: str):
            data, approve = self.forms(), self.verdict()
            if not data.get("pratinjau"):
                raise DecisionRefused("buat pratinjau luring dulu dan periksa isinya; keputusan tinjauan mengutip "
                                      "pratinjau yang Anda lihat")
            self.decide(session, lambda state, signer: operations.review(
                state, signer, page, approve=approve, comment=data.get("komentar", ""),
                preview_id=data.get("pratinjau"), seen=data.get("hash", "")))

        @self.post("/setujui/<page:path>")
        def approve(session: Session, page: str):
            data = self.forms()
            self.decide(session, lambda state, signer: operations.approve(
                state, signer, page, accept=data.getall("terima"), comment=data.get("komentar", ""),
                seen=data.get("hash", "")))

        @self.post("/tolak/<page:path>")
        def reject(session: Session, page: str):
            data = self.forms()
            self.decide(session, lambda state, signer: operations.reject(
                state, signer, page, comment=data.get("komentar", ""), seen=data.get("hash", "")))

        @self.post("/tarik")
        def withdraw(session: Session):
            data = self.forms()
            page = drafts.page_key(data.get("halaman", ""))
            self.decide(session, lambda state, signer: operations.withdraw(
                state, signer, page, comment=data.get("komentar", "")))

        @self.post("/promosi")
        def promote(session: Session):
            site = Site(self.root)
            with one_at_a_time(site):
                state = self.memo.state()
                self.signer(session, state)  # only someone signed in moves content/
                done = operations.promote(state)
                for item in done.promoted:
                    session.say("ok", f"{item.change.page}: dipromosikan ke content/")
                for page, left in done.held.items():
                    session.say("galat", f"{page}: DITAHAN — " + "; ".join(map(str, left)))
                if not done.promoted and not done.held:
                    session.say("ok", "Tidak ada perubahan yang siap dipromosikan.")
                if done.promoted and self.forms().get("commit"):
                    names = ", ".join(p.change.page for p in done.promoted)
                    session.say("ok", commit(site, done.files, f"Promosi ke content/: {names} (lewat ppid meja)"))

        @self.get("/rilis")
        def release(session: Session):
            return self.page("rilis.html", session, release=self.memo.remember("rilis", views.release_view))

        @self.post("/rilis/periksa")
        def release_check(session: Session):
            data, approve = self.forms(), self.verdict()
            self.decide(session, lambda state, signer: release_approval.check(
                state, signer, approve=approve, comment=data.get("komentar", "")),
                lambda state: [state.site.root / RELEASES])

        @self.post("/rilis/setujui")
        def release_approve(session: Session):
            self.decide(session, lambda state, signer: release_approval.approve(
                state, signer, comment=self.forms().get("komentar", "")))

        @self.post("/terbit")
        def do_publish(session: Session):
            site = Site(self.root)
            with one_at_a_time(site):
                self.signer(session, self.memo.state())
                result = publish(site, self.forms().get("target") or None, self.root_key)
            session.say("ok", result.message)

        @self.get("/berkas/<rel:path>")
        def attachment(session: Session, rel: str):
            site = Site(self.root)
            for folder in (site.drafts_dir, site.content_dir):
                try:
                    path = (folder / rel).resolve()
                    found = path.is_file() and path.is_relative_to(folder.resolve()) and path.suffix != ".md"
                except (OSError, ValueError):  # a name no file can have (NUL, too long)
                    found = False
                if found:
                    return bottle.static_file(path.name, root=str(path.parent), download=path.name)
            shown = rel.encode("unicode_escape").decode("ascii")[:drafts.MAX_PATH]
            raise DecisionRefused(f"{shown}: lampiran tidak ada di drafts/ maupun content/")

    def _decided(self, page: str) -> str:
        """The state of the page's pending change when people have already decided on it (else "")."""
        item = next((p for p in self.memo.state().pending if p.change.page == page), None)
        return STATE_NAMES[item.chain.state] if item and item.chain.state in ("submitted", "reviewed", "approved") else ""

    def _editor(self, session: Session, draft: drafts.Draft, new: bool, typed: bottle.FormsDict | None = None) -> str:
        site = Site(self.root)
        fields = form.fields(site.root)
        values = form.form_values(draft.meta, fields)
        if typed is not None:
            values = {f.name: typed.getall(f.name) if f.kind == "choices" else typed.get(f.name, "") for f in fields}
        lampiran = [str(x) for x in draft.meta.get("lampiran") or []]
        checks = self.memo.remember(("periksa", draft.page, tuple(lampiran)),
                                    lambda state: views.draft_checks(state.site, draft.page, lampiran)) \
            if draft.origin == "drafts" else None
        pending = None
        if draft.page and not new:
            pending = next((p for p in self.state().pending if p.change.page == draft.page), None)
        return self.page("draf.html", session, draft=draft, new=new, fields=fields, values=values,
                         rendered=render.to_html(draft.body), checks=checks, lampiran=lampiran, pending=pending)


def _error_page(res: bottle.HTTPError) -> str:
    res.content_type = "text/plain; charset=utf-8"
    return ERRORS.get(res.status_code, f"Permintaan tidak dapat dilayani ({res.status_code}).") + " Buka / untuk kembali.\n"


def _resubmit(session: Session, page: str, decided: str) -> None:
    session.say("peringatan", f"{page} sudah diajukan (status: {decided}); isinya kini berubah, jadi keputusan yang "
                              "sudah ada tidak berlaku untuk isi baru ini: periksa, lalu ajukan lagi")


def _refused(why: str, status: int = 403) -> HTTPResponse:
    return HTTPResponse(f"Ditolak: {why}.\n", status, {"Content-Type": "text/plain; charset=utf-8"})
