"""Write the short outcome sounds (entry, exit, warning, rejected) as small WAV files.

Run: ``python scripts/make_sounds.py [--out DIR]`` (default ``resources/sounds``). The tones
are synthesised so that the repository carries no third-party audio: rising two-note chime for
an entry, falling for an exit, a double beep for a warning and a low buzz for a rejection.
"""

from __future__ import annotations

import argparse
import math
import struct
import wave
from pathlib import Path

RATE = 22050
ROOT = Path(__file__).resolve().parents[1]

# outcome -> list of (frequency Hz, seconds, waveform); 0 Hz is silence.
TONES: dict[str, list[tuple[float, float, str]]] = {
    "entry": [(660.0, 0.09, "sine"), (990.0, 0.14, "sine")],
    "exit": [(880.0, 0.09, "sine"), (587.0, 0.14, "sine")],
    "warning": [(740.0, 0.08, "sine"), (0.0, 0.05, "sine"), (740.0, 0.08, "sine")],
    "rejected": [(196.0, 0.28, "square")],
}


def _samples(freq: float, seconds: float, wave_kind: str, volume: float = 0.45) -> list[int]:
    count = int(RATE * seconds)
    fade = max(1, int(RATE * 0.01))  # 10 ms ramps: no clicks at the edges
    out = []
    for i in range(count):
        if freq <= 0:
            out.append(0)
            continue
        phase = math.sin(2 * math.pi * freq * i / RATE)
        value = (1.0 if phase >= 0 else -1.0) * 0.5 if wave_kind == "square" else phase
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        out.append(int(32767 * volume * value * envelope))
    return out


def write_sound(path: Path, tones: list[tuple[float, float, str]]) -> Path:
    data: list[int] = []
    for freq, seconds, kind in tones:
        data.extend(_samples(freq, seconds, kind))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(RATE)
        fh.writeframes(struct.pack(f"<{len(data)}h", *data))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "sounds")
    args = parser.parse_args()
    for name, tones in TONES.items():
        print(write_sound(args.out / f"{name}.wav", tones))


if __name__ == "__main__":
    main()
