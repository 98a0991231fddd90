"""Printing plans, the rendering half: one person's plan or crisis card, and the due batch.

Access, documents and audit come from :mod:`caseplan.services.printing.printing` (a lower layer);
this module decides how the pages look and how the batch uses the computer's cores.

The batch (``print_due``) builds every document in this process, renders chunks of plans in
worker processes (each chunk its own PDF, each plan numbered page X of Y on its own, handed
back as bytes), joins the chunks in order in memory, and writes the result only when
everything worked, in the same transaction that audits one PRINT event per person. No page
of a plan is ever in a temporary file: a batch killed half-way leaves nothing on disk.
"""

from __future__ import annotations

import base64
import binascii
import io
import multiprocessing
import uuid
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from caseplan.errors import tr_noop
from caseplan.reports.cover_page import render_cover
from caseplan.reports.crisis_card import render_crisis_card
from caseplan.reports.document import open_plan, to_date
from caseplan.reports.fonts import register_fonts
from caseplan.reports.i18n import format_date, normalise_language, t
from caseplan.reports.meeting_summary import render_meeting_summary
from caseplan.reports.merge import Joiner, merge_pdfs
from caseplan.reports.shared_plan import (
    PlanOptions,
    PrintCancelled,
    batch_info,
    render_many,
    render_shared_plan,
)
from caseplan.services.context import Context
from caseplan.services.printing import printing
from caseplan.services.printing.cover import cover_rows
from caseplan.storage.files import check_output, write_atomically
from caseplan.storage.process import harden_process

__all__ = [
    "PlanOptions",
    "PrintCancelled",
    "crisis_card_pdf",
    "meeting_summary_pdf",
    "plan_pdf",
    "print_due",
    "version_label",
    "version_pdf",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Below this many plans, worker processes cost more to start than they save.
POOL_FROM = 24
#: Plans per chunk handed to a worker process: small enough for smooth progress and a quick
#: cancel, large enough that each chunk's fonts and file overhead do not dominate.
CHUNK = 40


def _language(document: Mapping[str, Any], options: PlanOptions) -> str:
    person = document.get("person")
    preferred = person.get("preferred_language") if isinstance(person, Mapping) else None
    return normalise_language(options.language or (preferred if isinstance(preferred, str) else ""))


def version_label(document: Mapping[str, Any], language: str) -> str:
    """ "3, agreed 12.03.2026" for an agreed plan (its latest version); "" for a draft;
    "3, imported from a file on … by …, not agreed here" for a version read from a file.

    An empty label prints as "Draft — not agreed yet", as the batch prints drafts too.
    """
    plan = open_plan(document)
    versions = [v for v in plan.get("versions") or () if isinstance(v, Mapping)]
    if plan.get("status") != "agreed" or not versions:
        return ""

    def number(version: Mapping[str, Any]) -> int:
        value = version.get("number")
        return value if isinstance(value, int) else 0

    latest = max(versions, key=number)
    imported = to_date(latest.get("imported_on"))
    if imported is not None:  # read from a file: never shown as agreed here
        return t(
            "version_imported",
            language,
            number=latest.get("number", len(versions)),
            date=format_date(imported, language),
            account=str(latest.get("imported_by") or ""),
        )
    agreed = to_date(latest.get("agreed_on"))
    return t(
        "version_number",
        language,
        number=latest.get("number", len(versions)),
        date=format_date(agreed, language) if agreed else "",
    )


def _what(kind: str, options: PlanOptions, language: str) -> str:
    """The audit detail: what was printed, never any of the person's words."""
    parts = [kind, language]
    if options.bilingual:
        parts.append("bilingual")
    if options.easy_read:
        parts.append("easy-read")
    return ", ".join(parts)


def _print(
    ctx: Context,
    person_id: uuid.UUID,
    options: PlanOptions,
    kind: str,
    renderer: Callable[[Mapping[str, Any], Any, PlanOptions], None],
    audited: bool,
    for_participant: uuid.UUID | None = None,
) -> bytes:
    def render(document: dict[str, Any], demo: bool) -> tuple[bytes, str]:
        language = _language(document, options)
        final = replace(
            options,
            demo=demo,
            version_label=options.version_label or version_label(document, language),
            printed_on=options.printed_on or ctx.today(),
        )
        if for_participant is not None:
            final = _copy_options(final, document, for_participant)
        buffer = io.BytesIO()
        renderer(document, buffer, final)
        return buffer.getvalue(), _what(kind, options, language)

    return printing.print_person(
        ctx, person_id, render, audited=audited, for_participant=for_participant
    )


#: What a copy for a team member leaves out, by what their consent covers ("my_peer" too,
#: unless the copy is a peer's own).
_LEFT_OUT = {
    "own_part": frozenset({"about_me", "crisis_plan"}),
    "crisis_plan": frozenset({"about_me", "my_goals"}),
}


def _copy_options(
    options: PlanOptions, document: Mapping[str, Any], member_id: uuid.UUID
) -> PlanOptions:
    """A copy for ``member_id`` (the document already cut to their consent): whose it is,
    what it holds, and which sections say they are not in it."""
    members = open_plan(document).get("participants") or ()
    member = next((p for p in members if p.get("id") == str(member_id)), None)
    if member is None:
        return options
    scope = str((member.get("consent") or {}).get("scope") or "")
    left_out = _LEFT_OUT.get(scope, frozenset())
    if left_out and member.get("role") != "peer":
        left_out |= {"my_peer"}
    return replace(
        options, copy_for=str(member.get("name") or ""), copy_scope=scope, left_out=left_out
    )


def plan_pdf(
    ctx: Context,
    person_id: uuid.UUID,
    options: PlanOptions | None = None,
    *,
    audited: bool = True,
    for_participant: uuid.UUID | None = None,
) -> bytes:
    """The person's shared plan as PDF bytes; needs PRINT_PLAN; audited as a print.

    ``audited=False`` only for showing it on screen (the in-app preview). With
    ``for_participant``, a copy for that team member: only what their consent covers.
    """
    options = options or PlanOptions()
    return _print(
        ctx, person_id, options, "shared plan", render_shared_plan, audited, for_participant
    )


def version_pdf(
    ctx: Context,
    version_id: uuid.UUID,
    options: PlanOptions | None = None,
    *,
    audited: bool = True,
) -> bytes:
    """One agreed version reprinted exactly as it was agreed, with the signatures given
    then; needs PRINT_PLAN; audited as a print of that version."""
    options = options or PlanOptions()

    def render(document: dict[str, Any], demo: bool) -> tuple[bytes, str]:
        language = _language(document, options)
        final = replace(
            options,
            demo=demo,
            version_label=version_label(document, language),
            printed_on=options.printed_on or ctx.today(),
            signatures=_signatures(document),
        )
        buffer = io.BytesIO()
        render_shared_plan(document, buffer, final)
        return buffer.getvalue(), _what("shared plan", options, language)

    return printing.print_version(ctx, version_id, render, audited=audited)


def _signatures(document: Mapping[str, Any]) -> dict[str, bytes]:
    """The signatures kept in the version being reprinted (the last of its plan's versions)."""
    versions = open_plan(document).get("versions") or []
    snapshot = versions[-1].get("snapshot", {}) if versions else {}
    found = snapshot.get("signatures") if isinstance(snapshot, Mapping) else None
    result: dict[str, bytes] = {}
    if isinstance(found, Mapping):
        for key, value in found.items():
            try:
                result[str(key)] = base64.b64decode(str(value), validate=True)
            except (binascii.Error, ValueError):
                continue
    return result


def crisis_card_pdf(
    ctx: Context,
    person_id: uuid.UUID,
    options: PlanOptions | None = None,
    *,
    audited: bool = True,
) -> bytes:
    """A sheet of the person's wallet-size crisis cards; needs PRINT_PLAN; audited."""
    options = options or PlanOptions()
    return _print(ctx, person_id, options, "crisis card", render_crisis_card, audited)


def meeting_summary_pdf(
    ctx: Context,
    person_id: uuid.UUID,
    options: PlanOptions | None = None,
    meeting_id: uuid.UUID | None = None,
    *,
    audited: bool = True,
) -> bytes:
    """ "What we agreed today" for a meeting (the latest by default); needs PRINT_PLAN."""
    options = options or PlanOptions()
    key = str(meeting_id) if meeting_id is not None else None

    def render(document: Mapping[str, Any], out: Any, final: PlanOptions) -> None:
        render_meeting_summary(document, out, final, key)

    return _print(ctx, person_id, options, "meeting summary", render, audited)


def _stop(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise PrintCancelled(tr_noop("Printing was cancelled; no file was written."))


def render_chunk(documents: list[dict[str, Any]], options: PlanOptions) -> bytes:
    """One chunk of the batch as PDF bytes (run in a worker process; never on disk)."""
    buffer = io.BytesIO()
    render_many(documents, buffer, options)
    return buffer.getvalue()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Processes that render, each hardened as this program is (no core dump, no debugger
    attaching: they hold the people's words).

    Where the system has it, they are forked from a small server process that imported the
    renderer once ("forkserver"), so a batch does not pay a second of imports per worker, and a
    later batch none; elsewhere each is a fresh interpreter ("spawn"). Both are safe to start
    from a program with threads (the app); a plain fork is not.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        spawn = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(workers, mp_context=spawn, initializer=harden_process)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=harden_process)


def _render_pooled(
    documents: Iterator[dict[str, Any]],
    total: int,
    options: PlanOptions,
    target: io.BytesIO,
    workers: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
    cover: Callable[[], bytes],
) -> None:
    """Render chunks of plans in ``workers`` processes while more are still being read, and
    join the finished chunks, in order, in memory, as they come, after the ``cover`` (made
    by the first worker free, while this process reads the first plans)."""
    size = max(1, min(CHUNK, -(-total // (workers * 3))))
    state = {"done": 0, "joined": 0}

    with Joiner() as joiner, worker_pool(workers) as pool:
        chunks: list[tuple[Future[bytes], int]] = [(pool.submit(cover), 0)]

        def collect() -> None:
            """Join the chunks that are finished, in order (a failure fails the batch)."""
            _stop(cancelled)
            while state["joined"] < len(chunks) and chunks[state["joined"]][0].done():
                future, count = chunks[state["joined"]]
                joiner.add(future.result())
                chunks[state["joined"]] = (future, 0)
                state["joined"] += 1
                state["done"] += count
                if progress is not None:
                    progress(state["done"], total)
                _stop(cancelled)

        try:
            batch: list[dict[str, Any]] = []
            for document in documents:
                batch.append(document)
                if len(batch) == size:
                    chunks.append((pool.submit(render_chunk, batch, options), len(batch)))
                    batch = []
                    collect()
            if batch:
                chunks.append((pool.submit(render_chunk, batch, options), len(batch)))
            while state["joined"] < len(chunks):
                wait([chunks[state["joined"]][0]], timeout=0.2)
                collect()
        except BaseException:
            for future, _count in chunks:
                future.cancel()
            raise
        joiner.finish(target, batch_info(options))


def _writer(target: Path) -> Callable[[bytes], None]:
    def write(data: bytes) -> None:
        write_atomically(target, data)

    return write


def print_due(
    ctx: Context,
    until: date,
    out: Path | Callable[[bytes], None],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    practitioner: uuid.UUID | None = None,
    workers: int = 2,
    language: str = "nb",
) -> int:
    """Print, into one PDF, every plan due for review by ``until`` (PRINT_DUE).

    A cover list in ``language`` (the screens') comes first: whose plans follow, in order,
    their coordinator, and why each is due (:mod:`caseplan.reports.cover_page`).
    Each plan prints in its person's language and is numbered page X of Y on its own.
    ``progress(done, total)`` counts plans; when ``cancelled()`` turns true the work stops
    with :class:`PrintCancelled`. The pages are made in memory, never in a temporary file:
    ``out`` is the file to write (atomically, mode 0600), or a function handed the PDF (to
    send it to a printer). Nothing is written unless every plan printed; then one PRINT
    event per person is audited, in the transaction that writes the file. Returns how many
    plans were printed.
    """
    deliver = out if callable(out) else _writer(check_output(out, replace=True))
    due = printing.due_documents(ctx, until, practitioner)
    total = len(due.people)
    try:
        if progress is not None:
            progress(0, total)
        options = PlanOptions(demo=due.demo, printed_on=ctx.today())
        register_fonts()
        rows = cover_rows(ctx, due.people)
        cover = partial(render_cover, rows, until, ctx.today(), language=language, demo=due.demo)
        made = io.BytesIO()
        if workers > 1 and total >= POOL_FROM:
            _render_pooled(due.documents, total, options, made, workers, progress, cancelled, cover)
        else:
            render_many(list(due.documents), plans := io.BytesIO(), options, progress, cancelled)
            merge_pdfs([cover(), plans.getvalue()], made, batch_info(options))
        _stop(cancelled)
        ids = [person.id for person in due.people]
        printing.record_prints(ctx, ids, "plans due, batch", lambda: deliver(made.getvalue()))
    finally:
        due.documents.close()
    return total
