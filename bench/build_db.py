"""Build (or reuse) a demo diary of N years under bench/out/ for the benchmarks.

    python bench/build_db.py --years 10            # prints the path of the database

It runs the real command, `diary demo --no-open --db PATH --years N --seed S`, with today
pinned to 2026-11-20 so every build of the same years and seed holds the same records.
A database already built for those arguments is reused. Other benchmarks import
`demo_db(years)` and `diary_command()` from here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
TODAY = "2026-11-20"


def diary_command() -> list[str]:
    """How the README's user runs the diary: the `diary` console script beside this Python."""
    script = Path(sys.executable).with_name("diary")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = shutil.which("diary")
    return [found] if found else [sys.executable, "-m", "diary"]


def timed(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one run in seconds; the run must succeed."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode().strip()}")
    return elapsed


def bench_options(doc: str, runs: int, years: float = 10.0, json: bool = True):
    """The options every benchmark takes: -n runs, --years of demo data, --json."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("-n", type=int, default=runs, help=f"runs of each (default {runs})")
    parser.add_argument(
        "--years", type=float, default=years, help=f"demo years (default {years:g})"
    )
    if json:
        parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def compile_package() -> None:
    """Byte-compile the diary package, as `pip install .` does, so every timed start reads
    .pyc files: where PYTHONDONTWRITEBYTECODE is set (as on the development machine), an
    editable install would otherwise recompile each module at every start and the figures
    would time the compiler, which no installed copy pays."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("diary")
    for folder in spec.submodule_search_locations or []:
        compileall.compile_dir(folder, quiet=1)


def _looks_built(path: Path) -> bool:
    """True when path is a finished demo database (sessions and moods present)."""
    if not path.is_file():
        return False
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            sessions = db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
            moods = db.execute("SELECT COUNT(*) FROM moods").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False
    return sessions > 0 and moods > 0


def demo_db(years: float = 10, seed: int = 7, *, rebuild: bool = False) -> Path:
    """The path of a demo database of `years` years, built once and then reused."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"demo-{years:g}y-seed{seed}.db"
    if rebuild or not _looks_built(path):
        for stale in OUT.glob(path.name + "*"):
            stale.unlink()
        env = {**os.environ, "DIARY_TODAY": TODAY}
        env.pop("DIARY_DB", None)
        subprocess.run(
            [
                *diary_command(),
                "demo",
                "--no-open",
                "--db",
                str(path),
                "--years",
                f"{years:g}",
                "--seed",
                str(seed),
            ],
            check=True,
            env=env,
            stdout=sys.stderr,  # keep stdout for the path alone
        )
    return path


def fresh_copy(source: Path, name: str) -> Path:
    """A copy of a built database to run commands on, so the built one stays as it was."""
    target = OUT / name
    for stale in OUT.glob(name + "*"):
        stale.unlink()
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10.0, help="years of data (default 10)")
    parser.add_argument("--seed", type=int, default=7, help="demo seed (default 7)")
    parser.add_argument("--rebuild", action="store_true", help="build even when one exists")
    args = parser.parse_args()
    print(demo_db(args.years, args.seed, rebuild=args.rebuild))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
