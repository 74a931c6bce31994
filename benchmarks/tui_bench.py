"""The app's speed as a user sees it: start-up to the first records on screen, a filter
keystroke to its diagnostic, and a prefetched next page on screen.

1. Start-up, read off a terminal: each program starts in a pseudo-terminal of 140×40 whose
   output feeds a terminal emulator (pyte); the time runs from starting the process until a
   known text is on the emulated screen. Median of 5 runs, interleaved round by round (the
   order turning each round) after one warm-up each, so all see the same machine:
   - `elx --sandbox` until the sandbox's first ticket's title shows (the database is seeded
     by the warm-up, so it is warm);
   - the floor: a bare Textual app (`benchmarks/bare_app.py`) until its one label shows;
   - the peer: Harlequin on an in-memory DuckDB until its first frame shows its query editor
     (installed into `.bench-venvs/harlequin` by `make bench`; left out when missing).
   Target: elx ≤ 1.5× the bare Textual app. Each line also shows the CPU time the program's
   own process had used by then (its threads, not its children), which a busy machine
   disturbs far less than the wall clock: the figure to compare two versions by.
   `--compare LABEL=DIR` adds the elx of another source tree to the same rounds.
2. The filter bar's work for one keystroke on a 20-clause filter: the check and repaint of
   the diagnostic (median). Target ≤ 16 ms.
3. `]` with the next page already prefetched: from the key reaching the app to the end of
   the screen refresh that shows the page (median of 9). Target ≤ 30 ms.

Usage: python benchmarks/tui_bench.py [--runs N]
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

import pyte
from bench_rows import Row, report

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
COLUMNS, LINES = 140, 40
ELX = str(Path(sys.executable).parent / "elx")
HARLEQUIN = ROOT / ".bench-venvs" / "harlequin" / "bin" / "harlequin"
# The sandbox seeds the same records every time: this is the first ticket's title.
FIRST_TITLE = "Laptop reset needed in São Paulo"
BARE_LABEL = "Bare Textual app on screen"  # benchmarks/bare_app.py shows it
HARLEQUIN_TEXT = "Query Editor"  # the title of its editor pane, in its first frame
STARTUP_RATIO = 1.5
KEYSTROKE_MS = 16.0
PAGE_TURN_MS = 30.0


@dataclass(frozen=True)
class Program:
    """A program to start and the text whose appearance on the screen ends the timing."""

    name: str
    command: list[str]
    text: str


def _screen_text(screen: pyte.Screen) -> str:
    return "\n".join(screen.display)


def _descendants(pid: int) -> list[int]:
    """The processes `pid` started, and theirs (Linux: read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        kids = children.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _cpu_seconds(pid: int) -> float:
    """CPU time the process has used so far, all its threads (not its children): the work
    on its own critical path, which a busy machine disturbs far less than the wall clock."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e9


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the program (its process group), then wait until what it started has ended too
    (`elx --sandbox`'s server, in a session of its own, ends when the app's pipe closes), so
    no run shares the machine with the last one's leftovers."""
    leftovers = _descendants(process.pid)
    _end(process)
    deadline = time.monotonic() + 10
    while not all(_gone(pid) for pid in leftovers) and time.monotonic() < deadline:
        time.sleep(0.01)


def _end(process: subprocess.Popen[bytes]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=3)
            return
        except subprocess.TimeoutExpired:
            continue
    process.wait()


def time_to_screen(
    program: Program, env: dict[str, str], cwd: Path, timeout: float = 60.0
) -> tuple[float, float]:
    """Seconds from starting `program` in a 140×40 terminal until its text is on the screen.

    `cwd` is kept out of the source tree: `python -m` puts it first on the path."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.ByteStream(screen)
    env = {**env, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(LINES)}
    started = time.perf_counter()
    process = subprocess.Popen(
        program.command,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=cwd,
        start_new_session=True,
    )
    os.close(follower)
    try:
        while True:
            left = started + timeout - time.perf_counter()
            if left <= 0:
                raise RuntimeError(f"{program.name}: no {program.text!r} after {timeout:.0f} s")
            ready, _, _ = select.select([leader], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(leader, 1 << 16)
            except OSError:  # the terminal closes when the program ends
                data = b""
            if not data:
                shown = _screen_text(screen)
                raise RuntimeError(f"{program.name} ended before showing its text:\n{shown}")
            stream.feed(data)
            if program.text in _screen_text(screen):
                return time.perf_counter() - started, _cpu_seconds(process.pid)
    finally:
        _stop(process)
        os.close(leader)


Times = dict[str, list[float]]


def startup(runs: int, compare: dict[str, Path], *, peer: bool = True) -> tuple[Times, Times]:
    """Start-up times of each program, `runs` each, interleaved after one warm-up each, and
    the CPU time each had used by then.

    `compare` adds `elx --sandbox` from other source trees (label → the folder holding their
    `explorer` package), run as `python -m explorer` with that folder first on the path.
    """
    programs = [
        Program("elx --sandbox", [ELX, "--sandbox"], FIRST_TITLE),
        Program("bare Textual", [sys.executable, str(BENCH / "bare_app.py")], BARE_LABEL),
    ]
    programs += [
        Program(
            label,
            ["env", f"PYTHONPATH={source}", sys.executable, "-m", "explorer", "--sandbox"],
            FIRST_TITLE,
        )
        for label, source in compare.items()
    ]
    if not peer:
        pass
    elif HARLEQUIN.exists():
        programs.append(Program("Harlequin", [str(HARLEQUIN)], HARLEQUIN_TEXT))
    else:
        print(f"Harlequin is not installed in {HARLEQUIN.parent.parent} (make bench does it)")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {
            **os.environ,
            "ELX_SANDBOX_DB": str(root / "sandbox.sqlite3"),
            "ELX_STATE_DIR": str(root / "state"),
            "ELX_CONFIG": str(root / "config.toml"),
            "HOME": str(root),  # no user's config or history for any program
        }
        # A user's warm start reads bytecode that the first run wrote.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for program in programs:  # the warm-up seeds the sandbox's database
            time_to_screen(program, env, root, timeout=300)
        times: Times = {program.name: [] for program in programs}
        cpu: Times = {program.name: [] for program in programs}
        for round_ in range(runs):
            turn = round_ % len(programs)
            for program in programs[turn:] + programs[:turn]:
                wall, used = time_to_screen(program, env, root)
                times[program.name].append(wall)
                cpu[program.name].append(used)
    return times, cpu


async def keystroke_and_paging() -> tuple[float, float]:
    from textual import events
    from textual.app import App, ComposeResult

    from explorer.kinds import FieldKind
    from explorer.sandbox import SandboxOptions, start_sandbox
    from explorer.tui.filter import FilterBar
    from explorer.tui.screenshots import screenshot_app, settle

    clauses = [f"Field{i % 7}=={'Open' if i % 2 else 42}" for i in range(20)]
    text = ";".join(clauses)
    fields = {f"Field{i}": FieldKind.TEXT for i in range(7)}

    class BarApp(App[None]):
        def compose(self) -> ComposeResult:
            yield FilterBar(id="filter-bar", state_dir=Path(tempfile.mkdtemp()))

    bar_app = BarApp()
    async with bar_app.run_test(size=(140, 40)) as pilot:
        bar = bar_app.query_one(FilterBar)
        bar.set_context("bench:tasks/x", fields, {}, {})
        bar.value = text
        bar.focus()
        await pilot.pause()
        samples = []
        for i in range(40):
            bar.input.value = text[: len(text) - (i % 3)]
            started = time.perf_counter()
            bar.validate_now()
            samples.append(time.perf_counter() - started)
        keystroke = statistics.median(samples)

    with tempfile.TemporaryDirectory() as tmp:
        options = SandboxOptions(db_path=Path(tmp) / "sandbox.sqlite3", records=500)
        with start_sandbox(options) as server:
            app = screenshot_app(server, Path(tmp) / "state")
            async with app.run_test(size=(140, 40)) as pilot:
                await settle(app, pilot)
                times = []
                painted: list[float] = []
                for _ in range(9):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                    painted.clear()
                    shown = app.table.records
                    started = time.perf_counter()
                    # The page comes from the prefetch; the table has the focus.
                    app.post_message(events.Key("right_square_bracket", "]"))
                    while app.table.records is shown:
                        await asyncio.sleep(0)
                    # The page is in the table: the next screen refresh shows it.
                    app.call_after_refresh(lambda: painted.append(time.perf_counter()))
                    while not painted:
                        await asyncio.sleep(0.001)
                    times.append(painted[0] - started)
                    await settle(app, pilot)
                    await pilot.press("home")
                    await settle(app, pilot)
                paging = statistics.median(times)
    return keystroke, paging


def _ms(times: list[float], cpu: list[float]) -> str:
    low, high = min(times) * 1000, max(times) * 1000
    used = statistics.median(cpu) * 1000
    return (
        f"{statistics.median(times) * 1000:6.0f} ms  (runs {low:.0f}–{high:.0f}; CPU {used:.0f} ms)"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="LABEL=DIR",
        help="also time elx from the source tree DIR (e.g. an earlier commit's), interleaved",
    )
    parser.add_argument("--no-peer", action="store_true", help="leave Harlequin out")
    parser.add_argument("--startup-only", action="store_true", help="skip the in-app timings")
    args = parser.parse_args()
    compare = dict(item.split("=", 1) for item in args.compare)
    times, cpu = startup(
        args.runs, {label: Path(folder) for label, folder in compare.items()}, peer=not args.no_peer
    )
    app, bare = times["elx --sandbox"], times["bare Textual"]
    print(f"start-up in a {COLUMNS}×{LINES} terminal, median of {args.runs}:")
    print(f"  elx --sandbox, first records on screen  {_ms(app, cpu['elx --sandbox'])}")
    print(f"  bare Textual app, its label (floor)     {_ms(bare, cpu['bare Textual'])}")
    harlequin = times.get("Harlequin")
    if harlequin:
        print(f"  Harlequin, its first frame (peer)       {_ms(harlequin, cpu['Harlequin'])}")
    app_s, bare_s = statistics.median(app), statistics.median(bare)
    ratio = app_s / bare_s
    startup_ok = ratio <= STARTUP_RATIO
    print(f"  elx / bare Textual  {ratio:5.2f}×  "
          f"(target ≤ {STARTUP_RATIO}×): {verdict(startup_ok)}")  # fmt: skip
    peer = f"bare {bare_s * 1000:.0f} ms"
    if harlequin:
        harlequin_s = statistics.median(harlequin)
        print(f"  elx / Harlequin     {app_s / harlequin_s:5.2f}×")
        peer += f", Harlequin {harlequin_s * 1000:.0f} ms ({app_s / harlequin_s:.2f}×)"
    for label in compare:
        other = statistics.median(times[label])
        print(
            f"  elx {label:<34s}  {_ms(times[label], cpu[label])}  ({other / app_s:.2f}× this tree)"
        )
    report(
        Row(
            "startup",
            f"{app_s * 1000:.0f} ms",
            peer,
            f"{ratio:.2f}× bare",
            f"≤ {STARTUP_RATIO}× bare Textual",
            startup_ok,
        )
    )
    if args.startup_only:
        return 0 if startup_ok else 1

    keystroke, paging = asyncio.run(keystroke_and_paging())
    keystroke_ok, paging_ok = keystroke * 1000 <= KEYSTROKE_MS, paging * 1000 <= PAGE_TURN_MS
    print(f"keystroke to diagnostic, 20 clauses: {keystroke * 1000:7.2f} ms  "
          f"(target ≤ {KEYSTROKE_MS:.0f} ms): {verdict(keystroke_ok)}")  # fmt: skip
    print(f"prefetched next page on screen:      {paging * 1000:7.1f} ms  "
          f"(target ≤ {PAGE_TURN_MS:.0f} ms): {verdict(paging_ok)}")  # fmt: skip
    report(
        Row(
            "page-turn",
            f"{paging * 1000:.1f} ms",
            "a 60 Hz frame: 16.7 ms",
            f"{paging * 1000 / (1000 / 60):.2f} frames",
            f"≤ {PAGE_TURN_MS:.0f} ms",
            paging_ok,
        )
    )
    return 0 if startup_ok and keystroke_ok and paging_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
