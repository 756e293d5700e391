"""Top frames of a JFR recording (bench/banner/run.sh PROFILE=1): where CPU samples and allocations land."""
import collections
import json
import subprocess
import sys

recording = sys.argv[1]


def events(kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "3", "--events", kind, recording],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(frame):
    method = frame["method"]
    return f'{method["type"]["name"]}.{method["name"]}'


for kind, title, weight in (("jdk.ExecutionSample", "CPU samples (top frame)", None),
                            ("jdk.ObjectAllocationSample", "allocation (sampled bytes, top frame)", "weight")):
    counts = collections.Counter()
    total = 0
    for event in events(kind):
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        w = event["values"][weight] if weight else 1
        total += w
        counts[frame_name(frames[0]) if frames else "?"] += w
    print(f"\n{title}: {total:,} in all")
    for name, count in counts.most_common(20):
        print(f"  {100 * count / total:5.1f}%  {name}")
