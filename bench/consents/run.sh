#!/usr/bin/env bash
# Load test of POST /api/v1/consents against the machine's PostgreSQL (fsync on) and Redis, compared with pgbench
# doing one single-row INSERT per transaction on the same database with the same number of clients.
#
#   bench/consents/run.sh                 # 64 connections/clients, 30 s each side (3 alternating rounds of 10 s)
#   CONNECTIONS=32 DURATION=60 ROUNDS=2 PACED=20 bench/consents/run.sh
#
# After the alternating rounds at full speed, a paced round (PACED seconds) offers the service pgbench's measured
# rate and reports the latency at that rate.
#   BENCH_SKIP_BUILD=1 bench/consents/run.sh   # reuse target/quarkus-app
#   KEEP_LOGS=1 bench/consents/run.sh          # keep the service log and raw wrk/pgbench output
#
# Everything runs on 127.0.0.1: PostgreSQL 127.0.0.1:5432 database "test" (user postgres), Redis 127.0.0.1:6379,
# and the service on a free loopback port. Both sides write into their own schema "akkoord_bench" (dropped before
# and after; consent records cannot be deleted otherwise), so test runs that clean "public" never get in the way.
# The service is stopped at the end. It runs its migrations and itself as one role (PG_USER, like pgbench), not as
# the owner and service roles of a real installation: the privileges do not change the work measured, and the
# service's startup WARN that its role could rewrite the ledger is expected here.
set -euo pipefail

CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-30}
ROUNDS=${ROUNDS:-3}
PACED=${PACED:-10}
WRK_THREADS=${WRK_THREADS:-2}
ORIGIN="https://www.example.test"
SCHEMA=akkoord_bench
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/consents"
WORK=$(mktemp -d /tmp/akkoord-bench.XXXXXX)
source "$ROOT/bench/service.sh"

cleanup() {
    stop_service
    drop_bench_schema "$SCHEMA"
    if [[ "${KEEP_LOGS:-0}" == "1" ]]; then echo "logs: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

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
build_service
start_service "$SCHEMA"
SITE_JSON=$(create_bench_site)
json() { json_field "$1"; }
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
        -c "$CONNECTIONS" -j "$WRK_THREADS" -T "$SLICE" -f "$HERE/pgbench-insert.sql" \
        -l --sampling-rate=0.1 --log-prefix="$WORK/pglog-$round" "$PG_DB" \
        >"$WORK/pgbench-$round.txt" 2>&1
    echo "$(( $(cpu_ticks) - before ))" >"$WORK/pgbench-$round.ticks"
    grep -E '^(tps|latency average|number of failed)' "$WORK/pgbench-$round.txt" >&2
done

# Latency at pgbench's rate, as the target asks: a paced round offering pgbench's mean rate of the rounds above.
PGBENCH_RATE=$(cat "$WORK"/pgbench-*.txt | sed -n 's/^tps = \([0-9]*\).*/\1/p' | awk '{ s += $1; n++ } END { print int(s / n) }')
say "paced round: wrk offering pgbench's ${PGBENCH_RATE}/s, $CONNECTIONS connections, ${PACED}s"
BENCH_RATE=$PGBENCH_RATE BENCH_THREADS=$WRK_THREADS \
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${PACED}s" --timeout 10s -s "$HERE/consent.lua" "$BASE" >"$WORK/wrk-paced.txt"
grep '^BENCH' "$WORK/wrk-paced.txt" >&2

# Every 201 must be a committed row: after the run the table holds at least as many records as were answered
# 201 (a request wrk gave up on at the very end may still have been stored), and the chain verifies.
STORED=$(psql_q -c "SELECT count(*) FROM $SCHEMA.consent_records WHERE site_id = '$SITE_ID'")
VERIFY=$(curl -fs "$BASE/api/v1/sites/$SITE_ID/consents/verify" -H "Authorization: Bearer $SITE_KEY")
INTACT=$(json intact <<<"$VERIFY")
curl -fs "$MANAGEMENT/q/metrics" | grep -E '^akkoord_(ledger|ratelimit)' >"$WORK/metrics.txt" || true
kill "$SERVICE_PID" && wait "$SERVICE_PID" 2>/dev/null || true
SERVICE_PID=""

python3 "$HERE/report.py" "$WORK" "$ROUNDS" "$WARM_CREATED" "$STORED" "$INTACT" "$CONNECTIONS" "$SLICE" \
    "$LOAD_AT_START" "$(getconf CLK_TCK)"
