"""Handheld scanners: how soon a code is a scan, over a real pseudo-terminal, and the cost of
the keyboard wedge's shape check (it runs on the window's thread once per pause).

    .venv/bin/python -m bench.bench_scanner [--codes 50]

Figures go to bench/results/scanner.txt. The serial figures are from the last byte written
to the scan handed over; with CR/LF that is the reader's own delay, without a terminator it
adds the silence that ends the code (100 ms), which is the price of a scanner set to send
nothing.
"""

from __future__ import annotations

import argparse
import os
import queue
import statistics
import tempfile
import threading
import time
from pathlib import Path

from desk_app.scanning.code_shape import looks_like_code
from desk_app.scanning.serial_scanner import CONNECTED, SerialScan, SerialScannerReader
from tests.serial_pty import PtyScanner

RESULTS = Path(__file__).with_name("results")
CCCD = "001090012345||Nguyễn Văn An|14031990|Nam|Số 12 phố Hoa Sữa, Hà Nội|15082021"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"


def serial_latency(codes: int) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        port = PtyScanner(Path(folder) / "ttyACM0")
        scans: queue.Queue[tuple[float, SerialScan]] = queue.Queue()
        connected = threading.Event()
        stop = threading.Event()
        reader = SerialScannerReader(str(port.path))
        thread = threading.Thread(
            target=reader.run,
            args=(
                stop.is_set,
                lambda scan: scans.put((time.perf_counter(), scan)),
                lambda status, _d: connected.set() if status == CONNECTED else None,
            ),
        )
        thread.start()
        connected.wait(10)
        lines = []
        data = CCCD.encode()
        for label, ending in (("CR LF", b"\r\n"), ("no terminator", b"")):
            times = []
            for _ in range(codes):
                port.write(data[:40])
                sent = time.perf_counter()
                port.write(data[40:] + ending)
                at, scan = scans.get(timeout=10)
                assert scan.text == CCCD
                times.append((at - sent) * 1000)
                time.sleep(0.15)  # apart from the next code, as a person scans
            lines.append(f"serial scan ({label}), {codes} codes in 2 chunks: {summary(times)}")
        stop.set()
        thread.join()
        port.close()
    return lines


def shape_check(repeat: int) -> list[str]:
    lines = []
    for label, text in (
        ("a card", CCCD),
        ("typing with |", "họp|phòng 2|14h|mang hồ sơ"),
        ("typing", "Nguyễn Văn An"),
    ):
        t0 = time.perf_counter()
        for _ in range(repeat):
            looks_like_code(text)
        per_call = (time.perf_counter() - t0) * 1e6 / repeat
        lines.append(f"wedge shape check ({label}): {per_call:.1f} µs per call")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--codes", type=int, default=50)
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    load = os.getloadavg()[0]
    header = (
        f"$ .venv/bin/python -m bench.bench_scanner --codes {args.codes}"
        f"   ({os.cpu_count()} cores, load {load:.1f} at the start)"
    )
    lines = [*serial_latency(args.codes), *shape_check(2000)]
    (RESULTS / "scanner.txt").write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
