"""Every benchmark on the ten- and forty-year demo diaries, as one Markdown table.

    python bench/bench_all.py                 # takes a few minutes
    python bench/bench_all.py --quick         # fewer runs: a smoke test of the scripts

Runs each benchmark script as its own process, once per diary size, and collects its
medians: bench_quick_log.py (`diary mood 7` against `python -c pass`),
bench_first_paint.py (the app's first paint in tmux against a minimal Textual app),
bench_trends.py (switching the Trends window and chart), bench_commands.py (export csv,
report html/pdf, backup, restore) and bench_memory.py (the app's peak memory). Prints the
table for the README's Performance section, with each figure's command and how it grows
from ten to forty years (the forty-year diary holds about four times the records, so a
40y/10y ratio at or under 4 is linear or better). Then, once, the speed issue's goals:
bench_release.py (a regular `pip install .` in a fresh venv: its size, `diary mood 7`
against `python -c pass` and against a bare one-row sqlite3 transaction, a year's report)
bench_encryption.py's encrypted quick log and bench_trends_tmux.py (a Trends switch in a real
terminal). Also writes bench/out/bench-all.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_db import OUT, demo_db  # noqa: E402

MISSING = "missing"


def run(script: str, *args: str) -> tuple[str, str]:
    """(stdout, the command as the README shows it) of one benchmark script."""
    command = f"python bench/{script} {' '.join(args)}".strip()
    path = HERE / script
    if not path.is_file():
        return MISSING, command
    print(f"running: {command}", file=sys.stderr, flush=True)
    done = subprocess.run(
        [sys.executable, str(path), *args], capture_output=True, text=True, timeout=3600
    )
    if done.returncode not in (0, 1):  # 1: ran, but a target was missed
        print(done.stderr, file=sys.stderr)
        return f"failed (exit {done.returncode})", command
    return done.stdout, command


def number(pattern: str, text: str) -> float | None:
    match = re.search(pattern, text, re.M)
    return float(match[1]) if match else None


FIGURES = {
    "bench_quick_log.py": {
        "bare_ms": r"^python -c pass\s+median\s+([\d.]+) ms",
        "mood_ms": r"^diary mood 7\s+median\s+([\d.]+) ms",
        "ratio": r"^ratio ([\d.]+)",
    },
    "bench_first_paint.py": (
        PAINT := {
            "diary_ms": r"^diary\s+median\s+([\d.]+) ms",
            "minimal_ms": r"^minimal\s+median\s+([\d.]+) ms",
            "ratio": r"^ratio\s+([\d.]+)x",
        }
    ),
    "bench_trends.py": {
        "window_ms": r"^switch window: median\s+([\d.]+) ms",
        "chart_ms": r"^switch chart\s*: median\s+([\d.]+) ms",
    },
}


def from_text(script: str, years: float, runs: int) -> dict[str, object]:
    """Run a benchmark that prints lines and read its figures by FIGURES' patterns."""
    out, command = run(script, "--years", f"{years:g}", "-n", str(runs))
    found: dict[str, object] = {k: number(p, out) for k, p in FIGURES[script].items()}
    return {"command": command, **found, "raw": out}


def from_json(script: str, years: float, runs: int) -> dict[str, object]:
    out, command = run(script, "--years", f"{years:g}", "-n", str(runs), "--json")
    try:
        found = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"command": command, "raw": out}
    return {**found, "command": command.replace(" --json", "")}


def records(years: float) -> str:
    db = sqlite3.connect(demo_db(years))
    try:
        moods, sessions, checkins = (
            db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("moods", "sessions", "checkins")
        )
    finally:
        db.close()
    return f"{moods:,} days logged, {sessions:,} sessions, {checkins:,} check-ins"


def ms(value: object) -> str:
    return "n/a" if not isinstance(value, int | float) else f"{value:,.0f} ms"


def growth(small: object, big: object) -> str:
    if not (isinstance(small, int | float) and isinstance(big, int | float)) or not small:
        return "n/a"
    ratio = big / small
    return f"{ratio:.2f}x ({'linear or better' if ratio <= 4 else 'WORSE than linear'})"


def table(results: dict[float, dict[str, dict]], sizes: list[float]) -> list[str]:
    small, big = sizes[0], sizes[-1]
    head = [f"{s:g} years" for s in sizes]
    lines = [
        f"| Figure | {' | '.join(head)} | {big:g}y / {small:g}y | Target | Command |",
        "|---" * (len(sizes) + 4) + "|",
    ]

    def row(name: str, cells: list[str], grow: str, target: str, command: str) -> None:
        lines.append(f"| {name} | {' | '.join(cells)} | {grow} | {target} | `{command}` |")

    def cmd(kind: str) -> str:
        return str(results[small][kind].get("command", "")).replace(
            f"--years {small:g}", "--years Y"
        )

    q = {s: results[s]["quick_log"] for s in sizes}
    row(
        "`diary mood 7` ÷ `python -c pass`",
        [
            f"{q[s]['ratio']:.2f}x ({ms(q[s]['mood_ms'])} ÷ {ms(q[s]['bare_ms'])})"
            if q[s]["ratio"]
            else "n/a"
            for s in sizes
        ],
        growth(q[small]["mood_ms"], q[big]["mood_ms"]),
        "≤ 5x",
        cmd("quick_log"),
    )
    f = {s: results[s]["first_paint"] for s in sizes}
    row(
        "App first paint ÷ minimal Textual app",
        [
            f"{f[s]['ratio']:.2f}x ({ms(f[s]['diary_ms'])} ÷ {ms(f[s]['minimal_ms'])})"
            if f[s]["ratio"]
            else MISSING
            for s in sizes
        ],
        growth(f[small]["diary_ms"], f[big]["diary_ms"]),
        "≤ 1.25x",
        cmd("first_paint"),
    )
    t = {s: results[s]["trends"] for s in sizes}
    for key, label in (("window_ms", "window (30/90/365/all days)"), ("chart_ms", "chart")):
        row(
            f"Trends: switch {label}",
            [ms(t[s][key]) for s in sizes],
            growth(t[small][key], t[big][key]),
            "< 100 ms",
            cmd("trends"),
        )
    c = {s: results[s]["commands"].get("commands", {}) for s in sizes}
    for name, label in (
        ("export csv", "`diary export csv` (every day)"),
        ("report html", "`diary report` HTML (last 90 days)"),
        ("report pdf", "`diary report` PDF (last 90 days)"),
        ("backup", "`diary backup` (whole diary to JSON)"),
        ("restore", "`diary restore` (that JSON into a new file)"),
    ):
        row(
            label,
            [ms(c[s].get(name, {}).get("median_s", 0) * 1000) for s in sizes],
            growth(c[small].get(name, {}).get("median_s"), c[big].get(name, {}).get("median_s")),
            "",
            cmd("commands"),
        )
    m = {s: results[s]["memory"] for s in sizes}
    row(
        "App peak memory (Today, History, Trends)",
        [
            f"{m[s]['diary_peak_mib']:.0f} MiB" if "diary_peak_mib" in m[s] else "n/a"
            for s in sizes
        ],
        growth(m[small].get("diary_peak_mib"), m[big].get("diary_peak_mib")),
        "< 150 MiB (10 years)",
        cmd("memory"),
    )
    return lines


PAINT_SIZES = ("80x24", "120x40")


def release_table(
    release: dict[str, object], encrypted: str, trends: str, paint: dict[str, str]
) -> list[str]:
    """The speed issue's goals beside this run's figures: a regular install, a year's report,
    the encrypted quick log, the first paint at two sizes (from bench_release.py,
    bench_encryption.py and bench_first_paint.py)."""
    if "mood_ms" not in release:
        return [f"bench_release.py: {release.get('raw', MISSING)}"]
    r = release
    tmux_ms = {
        kind: number(r"^switch " + kind + r"\s*: median\s+([\d.]+) ms", trends)
        for kind in ("window", "chart")
    }
    enc = number(r"^\[wall\] encrypted mood / bare interpreter ([\d.]+)x", encrypted)
    paints = {size: {k: number(p, out) for k, p in PAINT.items()} for size, out in paint.items()}
    return [
        "| Figure (regular `pip install .`, ten-year diary) | Measured | Goal |",
        "|---|---|---|",
        f"| `diary mood 7` ÷ `python -c pass` | {r['mood_over_bare']:.2f}x "
        f"({r['mood_ms']:.0f} ms ÷ {r['bare_ms']:.0f} ms) | ≤ 1.6x |",
        f"| `diary mood 7` ÷ the floor (one-row sqlite3 WAL transaction, bare script) | "
        f"{r['mood_over_floor']:.2f}x ({r['mood_ms']:.0f} ms ÷ {r['floor_ms']:.0f} ms) | ≤ 1.4x |",
        f"| `diary mood 7`, encrypted and unlocked ÷ `python -c pass` (editable install) | "
        f"{enc:.2f}x | ≤ 3x |"
        if enc is not None
        else "| encrypted quick log | n/a | ≤ 3x |",
        *(
            f"| App first paint ÷ minimal Textual app (ten years, {size} tmux, editable "
            f"install) | {f['ratio']:.2f}x ({ms(f['diary_ms'])} ÷ {ms(f['minimal_ms'])}) "
            "| ≤ 1.10x |"
            if f["ratio"] is not None
            else f"| App first paint ({size}) | n/a | ≤ 1.10x |"
            for size, f in paints.items()
        ),
        f"| `diary report` HTML, a year of demo data | {r['report_year_html_ms']:,} ms "
        "| ≤ 400 ms |",
        f"| `diary report` PDF, a year of demo data | {r['report_year_pdf_ms']:,} ms "
        "| ≤ 1,000 ms |",
        *(
            f"| Trends in tmux, key to redrawn screen: switch {kind} (ten years, 80x24, "
            f"editable install) | {ms(tmux_ms[kind])} | ≤ 150 ms |"
            for kind in ("window", "chart")
        ),
        f"| `pip install .` into a fresh venv | {r['install_venv_mb']:.0f} MB "
        f"({r['install_added_mb']:.0f} MB added to a bare venv) | ≤ 80 MB |",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, nargs="+", default=[10, 40])
    parser.add_argument("--quick", action="store_true", help="few runs each (a smoke test)")
    args = parser.parse_args()
    n = {"quick": 21, "paint": 11, "trends": 15, "commands": 7, "memory": 3}
    if args.quick:
        n = {"quick": 3, "paint": 1, "trends": 1, "commands": 1, "memory": 1}
    results: dict[float, dict[str, dict]] = {}
    for years in args.years:
        results[years] = {
            "records": {"text": records(years)},
            "quick_log": from_text("bench_quick_log.py", years, n["quick"]),
            "first_paint": from_text("bench_first_paint.py", years, n["paint"]),
            "trends": from_text("bench_trends.py", years, n["trends"]),
            "commands": from_json("bench_commands.py", years, n["commands"]),
            "memory": from_json("bench_memory.py", years, n["memory"]),
        }
    release_out, _ = run("bench_release.py", "-n", str(n["quick"]), "--json")
    try:
        release = json.loads(release_out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        release = {"raw": release_out}
    encrypted, _ = run("bench_encryption.py", "--skip-paint", "-n", str(n["quick"]))
    trends_tmux, _ = run("bench_trends_tmux.py", "-n", str(n["paint"]))
    paint = {
        size: run("bench_first_paint.py", "--years", "10", "--size", size, "-n", str(n["paint"]))[
            0
        ]
        for size in PAINT_SIZES
    }
    results[0] = {  # 0: once, not per size
        "release": release,
        "encrypted": {"raw": encrypted},
        "trends_tmux": {"raw": trends_tmux},
        "first_paint_sizes": {size: {"raw": out} for size, out in paint.items()},
    }
    (OUT / "bench-all.json").write_text(json.dumps(results, indent=2, default=str))
    print(
        f"Measured {dt.date.today()} on {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; medians of repeated runs.\n"
    )
    for years in args.years:
        print(f"- {years:g}-year demo diary: {results[years]['records']['text']}")
    print()
    for line in table(results, args.years):
        print(line)
    print(
        "\n`Y` is 10 or 40: each figure comes from its row's command with `--years Y`. "
        "Figures for the `diary` command include the interpreter's start.\n"
    )
    for line in release_table(release, encrypted, trends_tmux, paint):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
