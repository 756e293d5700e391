"""Summarises bench/banner/run.sh: per path and side, requests per second and p99 over the rounds, and the ratios."""
import re
import sys
from pathlib import Path
from statistics import median

work, rounds, connections, slice_s, script_bytes, config_bytes, cores, load = sys.argv[1:9]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def rounds_of(path):
    """Each wrk run appended to the file: (requests per second, p99 in ms, errors)."""
    found = []
    for run in Path(path).read_text().split("Running ")[1:]:
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", run).group(1))
        value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", run, re.M).groups()
        errors = sum(int(n) for n in re.findall(r"(?:Non-2xx or 3xx responses|Socket errors:.*?timeout)\s*:?\s*(\d+)", run))
        found.append((rps, float(value) * UNITS[unit], errors))
    return found


print(f"\nbanner serving, {connections} connections, {rounds} rounds of {slice_s} s per path and side, "
      f"{cores} cores, load at start {load}")
print(f"script gzip body {script_bytes} B, config gzip body {config_bytes} B; nginx: 1 worker, same bytes from files\n")
print(f"| path | Akkoord req/s | Akkoord p99 (median / worst round) | nginx req/s | nginx p99 (median / worst) "
      f"| req/s ratio | p99 ratio (worst) |")
print("|---|---|---|---|---|---|---|")
failed = False
for name, label in (("script", "site script, gzip"), ("config", "banner config, gzip"), ("304", "script, 304")):
    a, n = rounds_of(f"{work}/{name}-akkoord.txt"), rounds_of(f"{work}/{name}-nginx.txt")
    a_rps, n_rps = sum(r[0] for r in a) / len(a), sum(r[0] for r in n) / len(n)
    a_p99, n_p99 = [r[1] for r in a], [r[1] for r in n]
    errors = sum(r[2] for r in a) + sum(r[2] for r in n)
    failed |= errors > 0
    print(f"| {label} | {a_rps:,.0f} | {median(a_p99):.2f} / {max(a_p99):.2f} ms | {n_rps:,.0f} | "
          f"{median(n_p99):.2f} / {max(n_p99):.2f} ms | {a_rps / n_rps:.2f}x | {max(a_p99) / max(n_p99):.2f}x |"
          + (f" ({errors} errors)" if errors else ""))
if failed:
    print("\nsome answers were errors or timeouts: the figures above are not valid")
    sys.exit(1)
