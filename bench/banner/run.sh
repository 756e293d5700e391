#!/usr/bin/env bash
# The banner's hot paths under load, beside nginx serving the same bytes from files (one worker, access log off), in
# alternating rounds so drift on this shared machine hits both alike:
#   script   GET /akkoord/site/<id>.js, gzip     (every page view of every client site that uses the per-site tag)
#   config   GET /api/v1/sites/<id>/banner, gzip (the plain tag's second request)
#   304      the script revalidated by If-None-Match (a browser whose cached copy is stale)
#
#   bench/banner/run.sh                            # 64 connections, 3 rounds of 10 s per path and side
#   CONNECTIONS=128 SLICE=20 ROUNDS=2 bench/banner/run.sh
#   BENCH_SKIP_BUILD=1 bench/banner/run.sh         # reuse target/quarkus-app
#   PROFILE=1 bench/banner/run.sh                  # also a JFR recording of the script rounds: hot methods, allocation
#   KEEP_LOGS=1 bench/banner/run.sh                # keep the service log, nginx files and raw wrk output
#
# Everything runs on 127.0.0.1: the service against the machine's PostgreSQL (database "test", its own schema, dropped
# after) and Redis, nginx from Debian's package, wrk.
set -euo pipefail

CONNECTIONS=${CONNECTIONS:-64}
SLICE=${SLICE:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10}
WRK_THREADS=${WRK_THREADS:-2}
SCHEMA=akkoord_bench_banner
REFERER="https://www.example.test/products/42"
NGINX=${NGINX:-/usr/sbin/nginx}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/banner"
WORK=$(mktemp -d /tmp/akkoord-bench-banner.XXXXXX)
source "$ROOT/bench/service.sh"

NGINX_PID=""
cleanup() {
    [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
    stop_service
    drop_bench_schema "$SCHEMA"
    if [[ "${KEEP_LOGS:-0}" == "1" ]]; then echo "logs: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

for tool in java wrk curl python3 "$NGINX" psql; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install wrk nginx)" >&2; exit 1; }
done

JFR_OPTS=""
build_service
start_service "$SCHEMA"
SITE_JSON=$(create_bench_site)
SITE_ID=$(json_field id <<<"$SITE_JSON")
say "site $SITE_ID"

SCRIPT_PATH="/akkoord/site/$SITE_ID.js"
CONFIG_PATH="/api/v1/sites/$SITE_ID/banner"

# --- nginx with the same bytes ----------------------------------------------------------------------------------
chmod 755 "$WORK"  # nginx workers run as an unprivileged user
mkdir -p "$WORK/nginx/root/akkoord/site" "$WORK/nginx/root$CONFIG_PATH" "$WORK/nginx/logs"
curl -fs "$BASE$SCRIPT_PATH" -H "Referer: $REFERER" -o "$WORK/nginx/root$SCRIPT_PATH"
curl -fs "$BASE$SCRIPT_PATH" -H "Referer: $REFERER" -H 'Accept-Encoding: gzip' -o "$WORK/nginx/root$SCRIPT_PATH.gz"
curl -fs "$BASE$CONFIG_PATH" -H "Referer: $REFERER" -o "$WORK/nginx/root$CONFIG_PATH/index.json"
curl -fs "$BASE$CONFIG_PATH" -H "Referer: $REFERER" -H 'Accept-Encoding: gzip' -o "$WORK/nginx/root$CONFIG_PATH/index.json.gz"
NGINX_PORT=$(free_port)
sed -e "s|@PORT@|$NGINX_PORT|" -e "s|@ROOT@|$WORK/nginx/root|" -e "s|@SITE@|$SITE_ID|" "$HERE/nginx.conf" >"$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g "daemon off; pid $WORK/nginx/nginx.pid;" \
    2>"$WORK/nginx/logs/stderr" &
NGINX_PID=$!
wait_for_port "$NGINX_PORT"
NGINX_BASE="http://127.0.0.1:$NGINX_PORT"

# Both sides must answer with the same bodies, or the comparison means nothing.
for path in "$SCRIPT_PATH" "$CONFIG_PATH"; do
    for coding in identity gzip; do
        a=$(curl -fs "$BASE$path" -H "Referer: $REFERER" -H "Accept-Encoding: $coding" | sha256sum)
        n=$(curl -fs "$NGINX_BASE$path" -H "Accept-Encoding: $coding" | sha256sum)
        [[ "$a" == "$n" ]] || { echo "nginx and Akkoord differ on $path ($coding)" >&2; exit 1; }
    done
done
AKKOORD_ETAG=$(curl -fsI "$BASE$SCRIPT_PATH" -H "Referer: $REFERER" -H 'Accept-Encoding: gzip' | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
NGINX_ETAG=$(curl -fsI "$NGINX_BASE$SCRIPT_PATH" -H 'Accept-Encoding: gzip' | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
SCRIPT_GZIP_BYTES=$(stat -c %s "$WORK/nginx/root$SCRIPT_PATH.gz")
CONFIG_GZIP_BYTES=$(stat -c %s "$WORK/nginx/root$CONFIG_PATH/index.json.gz")

run_wrk() { # name side base path extra-header...
    local name=$1 side=$2 base=$3 path=$4; shift 4
    local headers=() header
    for header in "$@"; do headers+=(-H "$header"); done
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SLICE}s" --latency "${headers[@]}" "$base$path" \
        >>"$WORK/$name-$side.txt"
}

round() { # the three paths on one side
    local side=$1 base=$2 etag=$3
    local referer=() ; [[ "$side" == akkoord ]] && referer=("Referer: $REFERER")
    run_wrk script "$side" "$base" "$SCRIPT_PATH" 'Accept-Encoding: gzip' "${referer[@]}"
    run_wrk config "$side" "$base" "$CONFIG_PATH" 'Accept-Encoding: gzip' "${referer[@]}"
    run_wrk 304 "$side" "$base" "$SCRIPT_PATH" 'Accept-Encoding: gzip' "If-None-Match: $etag" "${referer[@]}"
}

say "warm-up: ${WARMUP}s per path on each side"
SAVED_SLICE=$SLICE; SLICE=$WARMUP
round akkoord "$BASE" "$AKKOORD_ETAG"; round nginx "$NGINX_BASE" "$NGINX_ETAG"
rm -f "$WORK"/*-akkoord.txt "$WORK"/*-nginx.txt
SLICE=$SAVED_SLICE

[[ "${PROFILE:-0}" == "1" ]] && jcmd "$SERVICE_PID" JFR.start name=bench settings=profile >/dev/null
for r in $(seq 1 "$ROUNDS"); do
    say "round $r/$ROUNDS: Akkoord, then nginx (${SLICE}s per path, $CONNECTIONS connections)"
    round akkoord "$BASE" "$AKKOORD_ETAG"
    round nginx "$NGINX_BASE" "$NGINX_ETAG"
done
if [[ "${PROFILE:-0}" == "1" ]]; then
    jcmd "$SERVICE_PID" JFR.stop name=bench filename="$WORK/bench.jfr" >/dev/null
    python3 "$HERE/hot.py" "$WORK/bench.jfr" >"$WORK/profile.txt" || true
fi

python3 "$HERE/report.py" "$WORK" "$ROUNDS" "$CONNECTIONS" "$SLICE" "$SCRIPT_GZIP_BYTES" "$CONFIG_GZIP_BYTES" "$(nproc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
[[ -f "$WORK/profile.txt" ]] && cat "$WORK/profile.txt"
true
