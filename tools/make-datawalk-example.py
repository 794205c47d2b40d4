"""Writes data/datawalk/example.csv, the stream DataWalk plays when nothing comes in.

It is the loudness envelope of a made-up 64-second piece at 120 bpm, twenty values a second on
DataWalk's 0..1 scale: a quiet intro, a kick on every beat under a slow swell, a break, and a
louder ending. Made, not recorded, so that it can be shipped under CC0; replace it with a
recording of your own (DataWalk --input FILE, lines of seconds,value).
"""
import math

rate, seconds, bpm = 20, 64, 120
lines = ["# seconds,value: DataWalk's example stream (tools/make-datawalk-example.py), CC0", "seconds,value"]
for i in range(rate * seconds + 1):
    t = i / rate
    beat = (t * bpm / 60) % 1                     # 0 at each beat
    section = t / seconds
    swell = 0.5 - 0.5 * math.cos(2 * math.pi * t / 16)
    if section < 0.125:                          # intro: swell only
        level = 0.15 + 0.2 * swell
    elif 0.5 <= section < 0.625:                 # break: the kick drops out
        level = 0.1 + 0.15 * swell
    else:
        loud = 0.35 if section < 0.5 else 0.5
        level = loud * math.exp(-beat * 6) + 0.2 + 0.3 * swell
    lines.append(f"{t:.2f},{min(1.0, level):.3f}")
with open("data/datawalk/example.csv", "w") as f:
    f.write("\n".join(lines) + "\n")
