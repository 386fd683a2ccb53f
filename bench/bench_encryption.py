"""Encryption's costs: the KDF per unlock, an unlocked `diary mood 7` on an encrypted
ten-year diary, and the app's first paint once unlocked.

    python bench/bench_encryption.py                 # KDF 9 runs, commands 21, paint 11
    python bench/bench_encryption.py --skip-paint    # without tmux

Targets (encryption issue): the KDF at least 0.25 s (memory-hard, once per unlock);
median(unlocked encrypted `diary mood 7`) <= 3 x median(python -c pass); median(first paint,
encrypted and unlocked) <= 1.3 x median(first paint, the same diary plain). Runs alternate
so a slow patch of the machine hits every side. The unlock lives in a private runtime
folder made for the run (never the person's own).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_first_paint import DIARY_LABEL, Tmux  # noqa: E402
from build_db import TODAY, compile_package, demo_db, diary_command, fresh_copy  # noqa: E402

KDF_TARGET_S = 0.25
MOOD_TARGET = 3.0
PAINT_TARGET = 1.3


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, of the process) of one run, in seconds.

    CPU time is reported beside wall time because on a shared, loaded machine the wall
    time of a short process mostly measures waiting for a CPU."""
    import subprocess

    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        err = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed: {err.strip()}")
    return wall, usage.ru_utime + usage.ru_stime


def _median_line(name: str, values: list[float]) -> str:
    return (
        f"{name:<41} median {statistics.median(values) * 1000:7.1f} ms "
        f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}, n={len(values)})"
    )


def bench_kdf(n: int) -> float:
    from diary.store import cipher

    salt = os.urandom(cipher.KDF_SALT_BYTES)
    cipher.derive("warm up", salt)
    times = []
    for i in range(n):
        start = time.perf_counter()
        cipher.derive(f"a passphrase {i}", salt)
        times.append(time.perf_counter() - start)
    print(
        f"KDF: Argon2id t={cipher.KDF_TIME_COST}, m={cipher.KDF_MEMORY_KIB // 1024} MiB, "
        f"p={cipher.KDF_LANES}"
    )
    print(_median_line("derive (one unlock)", times))
    return statistics.median(times)


def encrypted_copy(source: Path, name: str, runtime: Path) -> Path:
    """A copy of source, encrypted, and unlocked for an hour in the runtime folder."""
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    from diary.actions import encryption, lock

    path = fresh_copy(source, name)
    new = encryption.new_key("a benchmark passphrase")
    encryption.encrypt(path, new)
    lock.keep(path, new.key, 3600)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kdf-n", type=int, default=9, help="KDF runs (default 9)")
    parser.add_argument("-n", type=int, default=21, help="runs of each command (default 21)")
    parser.add_argument("--paint-n", type=int, default=11, help="first paints (default 11)")
    parser.add_argument("--years", type=float, default=10.0, help="demo years (default 10)")
    parser.add_argument("--skip-paint", action="store_true", help="no first-paint runs")
    args = parser.parse_args()

    compile_package()
    runtime = Path(tempfile.mkdtemp(prefix="diary-bench-run-"))
    os.chmod(runtime, 0o700)
    ok = True
    try:
        kdf = bench_kdf(args.kdf_n)
        ok &= kdf >= KDF_TARGET_S
        verdict = "ok" if kdf >= KDF_TARGET_S else "TOO QUICK"
        print(f"KDF {kdf:.3f} s (target >= {KDF_TARGET_S} s): {verdict}")

        built = demo_db(args.years)
        plain = fresh_copy(built, "enc-plain.db")
        secret = encrypted_copy(built, "enc-encrypted.db", runtime)
        env = {k: v for k, v in os.environ.items() if k not in ("DIARY_DB", "DIARY_TODAY")}
        env["XDG_RUNTIME_DIR"] = str(runtime)
        sides = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "diary mood 7 (plain)": [*diary_command(), "mood", "7", "--db", str(plain)],
            "diary mood 7 (encrypted, unlocked)": [
                *diary_command(),
                "mood",
                "7",
                "--db",
                str(secret),
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in sides}
        cpu: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(2):
            for command in sides.values():
                timed(command, env)
        for _ in range(args.n):
            for name, command in sides.items():
                wall, used = timed(command, env)
                times[name].append(wall)
                cpu[name].append(used)
        print(f"\ndatabase: {built} ({args.years:g} years of demo data)")
        for label, figures in (("wall", times), ("cpu", cpu)):
            for name, values in figures.items():
                print(_median_line(f"{name} [{label}]", values))
            medians = {name: statistics.median(values) for name, values in figures.items()}
            ratio = medians["diary mood 7 (encrypted, unlocked)"] / medians["python -c pass"]
            if label == "wall":
                ok &= ratio <= MOOD_TARGET
            against_plain = (
                medians["diary mood 7 (encrypted, unlocked)"] / medians["diary mood 7 (plain)"]
            )
            print(
                f"[{label}] encrypted mood / bare interpreter {ratio:.2f}x (target <= "
                f"{MOOD_TARGET:g}x, wall); encrypted / plain mood {against_plain:.2f}x"
            )

        if not args.skip_paint:
            if shutil.which("tmux") is None:
                raise SystemExit("tmux is needed for the first-paint runs (or --skip-paint)")
            paint_env = {
                "DIARY_TODAY": TODAY,
                "TZ": "UTC",
                "TERM": "xterm-256color",
                "XDG_RUNTIME_DIR": str(runtime),
            }
            python = sys.executable
            paints = {
                "first paint (plain)": [python, "-m", "diary", "--db", str(plain)],
                "first paint (encrypted, unlocked)": [python, "-m", "diary", "--db", str(secret)],
            }
            painted: dict[str, list[float]] = {name: [] for name in paints}
            tmux = Tmux()
            try:
                for command in paints.values():
                    tmux.first_paint(command, DIARY_LABEL, paint_env)
                for _ in range(args.paint_n):
                    for name, command in paints.items():
                        painted[name].append(tmux.first_paint(command, DIARY_LABEL, paint_env))
            finally:
                tmux.close()
            print()
            for name, values in painted.items():
                print(_median_line(name, values))
            paint_medians = {name: statistics.median(v) for name, v in painted.items()}
            paint_ratio = (
                paint_medians["first paint (encrypted, unlocked)"]
                / paint_medians["first paint (plain)"]
            )
            ok &= paint_ratio <= PAINT_TARGET
            print(f"encrypted / plain first paint {paint_ratio:.2f}x (target <= {PAINT_TARGET}x)")
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
