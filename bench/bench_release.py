"""The speed issue's figures on a regular install: `pip install .` into a fresh venv, as a
user gets it (not the editable install the tests use).

    python bench/bench_release.py              # -n 21 quick-log runs, 7 report runs
    python bench/bench_release.py --json

Builds bench/out/release-venv (a fresh venv, then `pip install .` of this checkout; its
.pyc files compiled as pip does) and a bare venv beside it, then measures:
- install size: the venv's folder after the install, and what the install added to a bare
  venv (the README's 80 MB goal);
- `diary mood 7` on the ten-year demo diary against `python -c pass` and against the floor:
  a bare script of that venv that opens the same kind of file in WAL mode and saves one row
  in one transaction. Runs alternate, so a slow patch of the machine hits every side;
- `diary report` HTML and PDF of a whole year (the one-year demo diary, `--since` a year
  back), launch to exit.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_db import OUT, TODAY, bench_options, demo_db, fresh_copy, timed  # noqa: E402

ROOT = HERE.parent
VENV = OUT / "release-venv"
BARE = OUT / "bare-venv"
FLOOR = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE IF NOT EXISTS floor (day TEXT PRIMARY KEY, mood INTEGER)")
db.execute("BEGIN")
db.execute("INSERT OR REPLACE INTO floor VALUES ('2026-11-20', 7)")
db.execute("COMMIT")
print("Saved mood 7/10 for 2026-11-20.")
"""


def size_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def fresh_venv(folder: Path, *install: str) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    if install:
        pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, *install], check=True, cwd=ROOT)
        # pip compiles at install; where PYTHONDONTWRITEBYTECODE is set it may not have
        subprocess.run(
            [str(folder / "bin" / "python"), "-m", "compileall", "-q", str(folder / "lib")],
            check=False,
            stdout=subprocess.DEVNULL,
        )


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> int:
    parser = bench_options(__doc__, runs=21)
    parser.add_argument("--report-runs", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="keep an existing release venv")
    args = parser.parse_args()

    if not (args.reuse and (VENV / "bin" / "diary").exists()):
        print("installing: pip install . into a fresh venv", file=sys.stderr, flush=True)
        fresh_venv(VENV, ".")
        fresh_venv(BARE)
    python, diary = str(VENV / "bin" / "python"), str(VENV / "bin" / "diary")
    venv_mb, bare_mb = size_mb(VENV), size_mb(BARE)

    env = {k: v for k, v in os.environ.items() if k not in ("DIARY_DB", "DIARY_TODAY")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python reads and writes .pyc
    copy = fresh_copy(demo_db(args.years), "release-quick.db")
    floor_script = OUT / "floor.py"
    floor_script.write_text(FLOOR)
    floor_db = OUT / "floor.db"
    floor_db.unlink(missing_ok=True)
    sides = {
        "bare": [python, "-c", "pass"],
        "floor": [python, str(floor_script), str(floor_db)],
        "mood": [diary, "mood", "7", "--db", str(copy)],
    }
    for _ in range(2):
        for command in sides.values():
            timed(command, env)
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(args.n):
        for name, command in sides.items():
            times[name].append(timed(command, env))
    quick = {name: median_ms(t) for name, t in times.items()}

    year = fresh_copy(demo_db(1), "release-year.db")
    report_env = {**env, "DIARY_TODAY": TODAY, "TZ": "UTC"}
    reports = {}
    for fmt in ("html", "pdf"):
        target = OUT / f"release-year.{fmt}"
        command = [diary, "--db", str(year), "report", "--since", "2025-11-21"]
        command += ["-o", str(target), "--force"]
        timed(command, report_env)
        reports[fmt] = median_ms([timed(command, report_env) for _ in range(args.report_runs)])

    figures = {
        "install_venv_mb": round(venv_mb, 1),
        "install_added_mb": round(venv_mb - bare_mb, 1),
        "bare_ms": round(quick["bare"], 1),
        "floor_ms": round(quick["floor"], 1),
        "mood_ms": round(quick["mood"], 1),
        "mood_over_bare": round(quick["mood"] / quick["bare"], 2),
        "mood_over_floor": round(quick["mood"] / quick["floor"], 2),
        "floor_over_bare": round(quick["floor"] / quick["bare"], 2),
        "report_year_html_ms": round(reports["html"]),
        "report_year_pdf_ms": round(reports["pdf"]),
        "runs": args.n,
        "report_runs": args.report_runs,
    }
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"install: fresh venv {venv_mb:.1f} MB; the install added {venv_mb - bare_mb:.1f} MB")
    print(f"quick log, {args.n} alternating runs of each (regular install):")
    print(f"python -c pass      median {quick['bare']:7.1f} ms")
    print(f"floor (sqlite WAL)  median {quick['floor']:7.1f} ms")
    print(f"diary mood 7        median {quick['mood']:7.1f} ms")
    print(
        f"ratio mood/bare {figures['mood_over_bare']:.2f} (goal <= 1.6), "
        f"mood/floor {figures['mood_over_floor']:.2f} (goal <= 1.4), "
        f"floor/bare {figures['floor_over_bare']:.2f}"
    )
    print(
        f"report, a year of demo data: HTML {reports['html']:.0f} ms (goal <= 400), "
        f"PDF {reports['pdf']:.0f} ms (goal <= 1000)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
