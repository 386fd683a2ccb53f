"""`diary export fhir`: the diary's records for a range as one FHIR R4 Bundle (JSON)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diary import clock
from diary.actions import ranges
from diary.domain.counts import counted
from diary.files.writing import check_target
from diary.store import Store


def export_fhir(
    store: Store,
    target: Path,
    since: dt.date | None,
    until: dt.date | None,
    *,
    replace: bool = False,
) -> str:
    """Every record from since to until (by default the whole diary) as a FHIR Bundle of
    type collection; returns a one-line account of what was written. A file already there
    is replaced only when told; `-` is standard output."""
    from diary.files.fhir import bundle_json, fhir_bundle
    from diary.files.writing import write_atomically

    target = check_target(target, protect=store.path, replace=replace)
    start, end = ranges.whole_diary(since, until, clock.today(), store)
    standalone = [
        v
        for v in store.standalone_vitals()
        if v.taken_at is None or start <= v.taken_at.date() <= end
    ]
    bundle = fhir_bundle(
        settings=store.settings(),
        moods=store.moods_between(start, end),
        sessions=store.sessions_between(start, end),
        standalone=standalone,
        checkins=store.checkins_between(start, end),
        symptoms=store.symptoms(),
        numbers=store.session_numbers(),
        made=clock.now(),
        medicines=store.medicine_events(),
        mornings=store.mornings_between(start, end),
        span=(start, end),
    )
    write_atomically(target, bundle_json(bundle))
    count = len(bundle["entry"])
    return f"Wrote a FHIR R4 bundle of {counted(count, 'resource')} ({start} to {end}) to {target}"
