#!/usr/bin/env bash
# Load test of POST /api/v1/consents against the machine's PostgreSQL (fsync on) and Redis, compared with pgbench
# doing one single-row INSERT per transaction on the same database with the same number of clients.
#
#   bench/consents/run.sh                 # 64 connections/clients, 30 s each side (3 alternating rounds of 10 s)
#   CONNECTIONS=32 DURATION=60 ROUNDS=2 bench/consents/run.sh
#   BENCH_SKIP_BUILD=1 bench/consents/run.sh   # reuse target/quarkus-app
#
# Everything runs on 127.0.0.1: PostgreSQL 127.0.0.1:5432 database "test" (user postgres), Redis 127.0.0.1:6379,
# and the service on a free loopback port. Both sides write into their own schema "akkoord_bench" (dropped before
# and after; consent records cannot be deleted otherwise), so test runs that clean "public" never get in the way.
# The service is stopped at the end.
set -euo pipefail

CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-30}
ROUNDS=${ROUNDS:-3}
WRK_THREADS=${WRK_THREADS:-2}
PG_HOST=127.0.0.1
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-test}
PG_USER=${PG_USER:-postgres}
REDIS_PORT=${REDIS_PORT:-6379}
ADMIN_TOKEN="bench-$(date +%s)-$$"
ORIGIN="https://www.example.test"
SCHEMA=akkoord_bench
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/consents"
WORK=$(mktemp -d /tmp/akkoord-bench.XXXXXX)
SERVICE_PID=""

psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

cleanup() {
    if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID" && wait "$SERVICE_PID" 2>/dev/null || true
    fi
    psql_q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT

say() { printf '== %s\n' "$*" >&2; }

# CPU used so far (clock ticks) by PostgreSQL (every process of its user, plus the backends it already reaped),
# Redis and the given extra processes: the machine is shared, so CPU per operation is the figure that does not
# depend on what the others are doing.
cpu_ticks() {
    local total=0 pid
    for pid in $(pgrep -u postgres) $(pgrep -x redis-server) "$@"; do
        [[ -r /proc/$pid/stat ]] || continue
        total=$(( total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat") ))
    done
    echo "$total"
}

# --- preconditions -------------------------------------------------------------------------------------------
for tool in java wrk pgbench psql curl python3 /usr/bin/time pgrep; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
[[ "$(psql_q -c 'SHOW fsync')" == "on" ]] || { echo "PostgreSQL runs with fsync off: figures would lie" >&2; exit 1; }
[[ "$(psql_q -c 'SHOW synchronous_commit')" == "on" ]] || { echo "synchronous_commit is not on" >&2; exit 1; }
(exec 3<>/dev/tcp/127.0.0.1/"$REDIS_PORT") 2>/dev/null || { echo "no Redis on 127.0.0.1:$REDIS_PORT" >&2; exit 1; }

# --- build and start the packaged service ----------------------------------------------------------------------
if [[ "${BENCH_SKIP_BUILD:-0}" != "1" || ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ]]; then
    say "building target/quarkus-app"
    (cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dwidget.skip)
fi
psql_q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" -c "CREATE SCHEMA $SCHEMA" >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"

say "starting the service on $BASE (log: $WORK/service.log)"
QUARKUS_HTTP_HOST=127.0.0.1 \
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$SCHEMA" \
QUARKUS_FLYWAY_SCHEMAS=$SCHEMA \
QUARKUS_DATASOURCE_USERNAME=$PG_USER \
QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT" \
AKKOORD_ADMIN_TOKEN=$ADMIN_TOKEN \
AKKOORD_CONSENT_RATE_LIMIT_PER_MINUTE=1000000000 \
AKKOORD_DATA_DIR="$WORK/data" \
    java ${JAVA_OPTS:-} -Dquarkus.datasource.reactive.additional-properties.search_path=$SCHEMA \
        -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!

for _ in $(seq 1 120); do
    if curl -fs "$BASE/q/health/ready" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
    sleep 0.5
done
curl -fs "$BASE/q/health/ready" >/dev/null || { echo "service not ready" >&2; tail -50 "$WORK/service.log" >&2; exit 1; }

SITE_JSON=$(curl -fs -X POST "$BASE/api/v1/sites" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d '{"name": "Benchmark", "domains": ["www.example.test"]}')
json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
SITE_ID=$(json id <<<"$SITE_JSON")
SITE_KEY=$(json apiKey <<<"$SITE_JSON")
export BENCH_SITE_ID=$SITE_ID BENCH_ORIGIN=$ORIGIN
BENCH_BANNER_VERSION=$(json bannerVersion <<<"$SITE_JSON")
export BENCH_BANNER_VERSION
say "site $SITE_ID"

# --- the measurement: wrk against the service and pgbench against the database, in alternating rounds ----------
# The machine is shared, so the load from others drifts over minutes; alternating short rounds lets both sides
# see the same conditions. Totals are summed over the rounds.
say "warm-up: ${WARMUP}s"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/consent.lua" "$BASE" >"$WORK/warmup.txt"
WARM_CREATED=$(sed -n 's/^BENCH created=\([0-9]*\).*/\1/p' "$WORK/warmup.txt")
PGOPTIONS="-c search_path=$SCHEMA" psql_q -f "$HERE/pgbench-schema.sql" >/dev/null 2>&1

SLICE=$(( DURATION / ROUNDS ))
for round in $(seq 1 "$ROUNDS"); do
    say "round $round/$ROUNDS: wrk, $CONNECTIONS connections, ${SLICE}s"
    before=$(cpu_ticks "$SERVICE_PID")
    /usr/bin/time -f '%U %S' -o "$WORK/wrk-$round.time" \
        wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SLICE}s" --timeout 10s -s "$HERE/consent.lua" "$BASE" \
        >"$WORK/wrk-$round.txt"
    echo "$(( $(cpu_ticks "$SERVICE_PID") - before ))" >"$WORK/wrk-$round.ticks"
    grep '^BENCH' "$WORK/wrk-$round.txt" >&2
    say "round $round/$ROUNDS: pgbench, $CONNECTIONS clients, ${SLICE}s, one single-row INSERT per transaction"
    before=$(cpu_ticks)
    PGOPTIONS="-c search_path=$SCHEMA" /usr/bin/time -f '%U %S' -o "$WORK/pgbench-$round.time" \
        pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared \
        -c "$CONNECTIONS" -j "$WRK_THREADS" -T "$SLICE" -f "$HERE/pgbench-insert.sql" "$PG_DB" \
        >"$WORK/pgbench-$round.txt" 2>&1
    echo "$(( $(cpu_ticks) - before ))" >"$WORK/pgbench-$round.ticks"
    grep -E '^(tps|latency average|number of failed)' "$WORK/pgbench-$round.txt" >&2
done

# Every 201 must be a committed row: after the run the table holds at least as many records as were answered
# 201 (a request wrk gave up on at the very end may still have been stored), and the chain verifies.
STORED=$(psql_q -c "SELECT count(*) FROM $SCHEMA.consent_records WHERE site_id = '$SITE_ID'")
VERIFY=$(curl -fs "$BASE/api/v1/sites/$SITE_ID/consents/verify" -H "Authorization: Bearer $SITE_KEY")
INTACT=$(json intact <<<"$VERIFY")
curl -fs "$BASE/q/metrics" | grep -E '^akkoord_(ledger|ratelimit)' >"$WORK/metrics.txt" || true
kill "$SERVICE_PID" && wait "$SERVICE_PID" 2>/dev/null || true
SERVICE_PID=""

python3 - "$WORK" "$ROUNDS" "$WARM_CREATED" "$STORED" "$INTACT" "$CONNECTIONS" "$SLICE" "$LOAD_AT_START" \
    "$(getconf CLK_TCK)" <<'PY'
import re, statistics, sys
work, rounds, warm, stored, intact, conns, slice_s, load, hz = sys.argv[1:10]
rounds, warm, stored, hz = int(rounds), int(warm), int(stored), int(hz)
def cpu(side, r):
    """CPU seconds of one side in round r: the load generator's own, plus the servers' (ticks)."""
    user, system = map(float, open(f'{work}/{side}-{r}.time').read().split()[-2:])
    return user + system + int(open(f'{work}/{side}-{r}.ticks').read()) / hz
def bench(path):
    text = open(path).read()
    return {k: float(v) for k, v in re.findall(r'(\w+)=([0-9.]+)', ' '.join(re.findall(r'^BENCH (.*)$', text, re.M)))}
def tps(path):
    return float(re.search(r'^tps = ([0-9.]+)', open(path).read(), re.M).group(1))
w = [bench(f'{work}/wrk-{r}.txt') for r in range(1, rounds + 1)]
p = [tps(f'{work}/pgbench-{r}.txt') for r in range(1, rounds + 1)]
created = sum(x['created'] for x in w)
non201 = sum(x['non201'] for x in w)
errors = sum(x['errors'] for x in w)
rate = statistics.mean(x['rate'] for x in w)
pg = statistics.mean(p)
print()
print(f'Akkoord consent benchmark: {conns} connections / pgbench clients, {rounds} x {slice_s}s each, '
      f'PostgreSQL fsync=on synchronous_commit=on, load average at start {load}')
txns = [float(re.search(r'^number of transactions actually processed: (\d+)', open(f'{work}/pgbench-{r}.txt').read(),
                        re.M).group(1)) for r in range(1, rounds + 1)]
print(f'  round   consents/s   p50 ms   p99 ms   pgbench tps   ratio   CPU us/consent   CPU us/INSERT')
for r, (x, t) in enumerate(zip(w, p), 1):
    print(f'  {r:>5}   {x["rate"]:>10.0f}   {x["p50_ms"]:>6.2f}   {x["p99_ms"]:>6.2f}   {t:>11.0f}   {x["rate"] / t:>5.2f}x'
          f'   {cpu("wrk", r) / x["created"] * 1e6:>14.0f}   {cpu("pgbench", r) / txns[r - 1] * 1e6:>13.0f}')
print(f'  consents/s (201 only)          {rate:.0f}')
print(f'  latency p50 / p99              {statistics.median(x["p50_ms"] for x in w):.2f} ms / '
      f'{max(x["p99_ms"] for x in w):.2f} ms  (median of rounds / worst round)')
print(f'  non-201 answers                {non201:.0f} (socket errors: {errors:.0f})')
print(f'  stored vs answered 201         {stored} rows for {created + warm:.0f} receipts (warm-up included); '
      f'chain intact: {intact}')
print(f'  pgbench single-row INSERT tps  {pg:.0f}')
print(f'  ratio consents/s : pgbench     {rate / pg:.2f}x')
service_cpu = sum(cpu('wrk', r) for r in range(1, rounds + 1))
pgbench_cpu = sum(cpu('pgbench', r) for r in range(1, rounds + 1))
wall = rounds * int(slice_s)
print(f'  CPU per operation              consent {service_cpu / created * 1e6:.0f} us (service, PostgreSQL, Redis, '
      f'wrk; {service_cpu / wall:.2f} cores busy) vs INSERT {pgbench_cpu / sum(txns) * 1e6:.0f} us '
      f'(PostgreSQL, pgbench; {pgbench_cpu / wall:.2f} cores busy)')
metrics = dict(re.findall(r'^(\S+) ([0-9.eE+-]+)$', open(f'{work}/metrics.txt').read(), re.M))
batches = float(metrics.get('akkoord_ledger_batch_size_count', 0))
if batches:
    paths = ', '.join(f'{k.split(chr(34))[1]} {float(v):.0f}' for k, v in metrics.items()
                      if k.startswith('akkoord_ledger_appends_total'))
    print(f'  ledger                         {float(metrics["akkoord_ledger_batch_size_sum"]) / batches:.1f} records '
          f'per commit on average; appends: {paths}; rate limit failed open '
          f'{float(metrics.get("akkoord_ratelimit_fail_open_total", 0)):.0f} times')
ok = non201 == 0 and stored >= created + warm and intact == 'True'
sys.exit(0 if ok else 1)
PY
