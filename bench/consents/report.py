"""Summary of bench/consents/run.sh.

Reads the raw wrk, pgbench, CPU and metrics files that one run left in its work directory and prints consents/s,
latency, the ratio to pgbench and the CPU each side used per operation. Exits 1 unless every answer was a 201,
no request was lost, every 201 is a stored row and the chain verifies.
"""
import glob
import re
import statistics
import sys

work, rounds, warm, stored, intact, conns, slice_s, load, hz = sys.argv[1:10]
rounds, warm, stored, slice_s, hz = int(rounds), int(warm), int(stored), int(slice_s), int(hz)
ROUNDS = range(1, rounds + 1)


def read(name):
    with open(f'{work}/{name}') as f:
        return f.read()


def cpu(side, r):
    """CPU seconds of one side in round r: the load generator's own (time -f) plus the servers' (clock ticks)."""
    user, system = map(float, read(f'{side}-{r}.time').split()[-2:])
    return user + system + int(read(f'{side}-{r}.ticks')) / hz


def wrk(r):
    """The BENCH lines the Lua script's done() hook printed: created, non201, errors, rate, percentiles."""
    lines = ' '.join(re.findall(r'^BENCH (.*)$', read(f'wrk-{r}.txt'), re.M))
    return {k: float(v) for k, v in re.findall(r'(\w+)=([0-9.]+)', lines)}


def pgbench(r):
    text = read(f'pgbench-{r}.txt')
    return {'tps': float(re.search(r'^tps = ([0-9.]+)', text, re.M).group(1)),
            'txns': float(re.search(r'^number of transactions actually processed: (\d+)', text, re.M).group(1)),
            'p99_ms': pgbench_p99(r)}


def pgbench_p99(r):
    """99th percentile of the transaction latencies pgbench logged (a 10% sample; the third field, in us)."""
    latencies = sorted(int(line.split()[2]) for name in glob.glob(f'{work}/pglog-{r}.*')
                       for line in open(name) if line.strip())
    return latencies[int(len(latencies) * 0.99)] / 1000 if latencies else float('nan')


w = [wrk(r) for r in ROUNDS]
paced = wrk('paced')
p = [pgbench(r) for r in ROUNDS]
created = sum(x['created'] for x in w)
non201 = sum(x['non201'] for x in w)
errors = sum(x['errors'] for x in w)
rate = statistics.mean(x['rate'] for x in w)
# Answers of the paced round count for the checks (every 201 stored, none refused), not for the rate.
non201 += paced['non201']
errors += paced['errors']
receipts = created + warm + paced['created']
tps = statistics.mean(x['tps'] for x in p)

print()
print(f'Akkoord consent benchmark: {conns} connections / pgbench clients, {rounds} x {slice_s}s each, '
      f'PostgreSQL fsync=on synchronous_commit=on, load average at start {load}')
print('  round   consents/s   p50 ms   p99 ms   pgbench tps   pgbench p99 ms   ratio   CPU us/consent   CPU us/INSERT')
for r, x, t in zip(ROUNDS, w, p):
    print(f'  {r:>5}   {x["rate"]:>10.0f}   {x["p50_ms"]:>6.2f}   {x["p99_ms"]:>6.2f}   {t["tps"]:>11.0f}   '
          f'{t["p99_ms"]:>14.2f}   {x["rate"] / t["tps"]:>5.2f}x   {cpu("wrk", r) / x["created"] * 1e6:>14.0f}   '
          f'{cpu("pgbench", r) / t["txns"] * 1e6:>13.0f}')
print(f'  consents/s (201 only)          {rate:.0f}')
print(f'  latency p50 / p99              {statistics.median(x["p50_ms"] for x in w):.2f} ms / '
      f'{max(x["p99_ms"] for x in w):.2f} ms  (median of rounds / worst round)')
print(f'  non-201 answers                {non201:.0f} (socket errors and timeouts: {errors:.0f})')
print(f'  stored vs answered 201         {stored} rows for {receipts:.0f} receipts (warm-up and paced round included); '
      f'chain intact: {intact}')
print(f'  pgbench single-row INSERT tps  {tps:.0f}')
print(f'  ratio consents/s : pgbench     {rate / tps:.2f}x')
print(f'  at pgbench\'s rate (paced)      {paced["rate"]:.0f} consents/s offered {tps:.0f}/s: p50 {paced["p50_ms"]:.2f} ms, '
      f'p99 {paced["p99_ms"]:.2f} ms, max {paced["max_ms"]:.2f} ms')

service_cpu = sum(cpu('wrk', r) for r in ROUNDS)
pgbench_cpu = sum(cpu('pgbench', r) for r in ROUNDS)
wall = rounds * slice_s
print(f'  CPU per operation              consent {service_cpu / created * 1e6:.0f} us (service, PostgreSQL, '
      f'Redis, wrk; {service_cpu / wall:.2f} cores busy) vs INSERT {pgbench_cpu / sum(x["txns"] for x in p) * 1e6:.0f}'
      f' us (PostgreSQL, pgbench; {pgbench_cpu / wall:.2f} cores busy)')

metrics = dict(re.findall(r'^(\S+) ([0-9.eE+-]+)$', read('metrics.txt'), re.M))
batches = float(metrics.get('akkoord_ledger_batch_size_count', 0))
if batches:
    paths = ', '.join(f'{name.split(chr(34))[1]} {float(value):.0f}' for name, value in metrics.items()
                      if name.startswith('akkoord_ledger_appends_total'))
    print(f'  ledger                         {float(metrics["akkoord_ledger_batch_size_sum"]) / batches:.1f} '
          f'records per commit on average; appends: {paths}; rate limit failed open '
          f'{float(metrics.get("akkoord_ratelimit_fail_open_total", 0)):.0f} times')

sys.exit(0 if non201 == 0 and errors == 0 and stored >= receipts and intact == 'True' else 1)
