#!/usr/bin/env bash
# End-to-end run of the banner: builds the platform jar if it is missing, starts it on a free port with a
# throw-away data directory (embedded PostgreSQL and Redis), waits until it is ready, runs the browser
# suite against it (npm run test:e2e) and stops it again, whatever happens.
#   web-widget/test/e2e/run.sh                     run the suite
#   web-widget/test/e2e/run.sh test/e2e/embed.test.mjs …   run only these files of it (paths from web-widget/)
#   web-widget/test/e2e/run.sh bench               run the paint benchmark (bench/paint.mjs) instead
#   web-widget/test/e2e/run.sh profile             break the banner's paint time down (bench/profile.mjs)
#   web-widget/test/e2e/run.sh compare a=A.js b=B.js   compare banner builds under the same load (bench/compare.mjs)
#   web-widget/test/e2e/run.sh reference           every tag form beside cookieconsent 3.1 and empty scripts (bench/reference.mjs)
#   web-widget/test/e2e/run.sh trace               main-thread time per tag form from a Chromium trace (bench/trace.mjs)
#   AKKOORD_REBUILD=1 web-widget/test/e2e/run.sh   rebuild the jar first
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"

if [[ ! -f "$JAR" || -n "${AKKOORD_REBUILD:-}" ]]; then
  echo "e2e: building the platform"
  ./mvnw -q -B package -DskipTests
fi
if [[ ! -d web-widget/node_modules/playwright-core ]]; then
  (cd web-widget && npm ci --no-audit --no-fund)
fi

DATA="$(mktemp -d -t akkoord-e2e.XXXXXX)"
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
TOKEN="e2e-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
URL="http://127.0.0.1:$PORT"
MANAGEMENT_PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
PID=""

stop() {
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap stop EXIT

echo "e2e: starting the platform on $URL (data in $DATA)"
AKKOORD_DATA_DIR="$DATA" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" AKKOORD_ADMIN_TOKEN="$TOKEN" \
  java -jar "$JAR" > "$DATA/platform.log" 2>&1 &
PID=$!

ready=""
for _ in $(seq 1 240); do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "e2e: the platform exited during start-up:"; cat "$DATA/platform.log"; exit 1
  fi
  if curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null 2>&1; then ready=1; break; fi
  sleep 0.5
done
if [[ -z "$ready" ]]; then
  echo "e2e: the platform was not ready after 120 s:"; tail -50 "$DATA/platform.log"; exit 1
fi

status=0
if [[ "${1:-}" == "bench" || "${1:-}" == "profile" || "${1:-}" == "compare" || "${1:-}" == "reference" || "${1:-}" == "trace" ]]; then
  script=bench/paint.mjs
  [[ "$1" == "profile" ]] && script=bench/profile.mjs
  [[ "$1" == "compare" ]] && script=bench/compare.mjs
  [[ "$1" == "reference" ]] && script=bench/reference.mjs
  [[ "$1" == "trace" ]] && script=bench/trace.mjs
  builds=()
  for build in "${@:2}"; do
    file="${build#*=}"
    [[ "$file" != platform && "$file" != direct ]] && file="$(cd "$ROOT" && realpath "$file")"
    builds+=("${build%%=*}=$file")
  done
  (cd web-widget && AKKOORD_URL="$URL" AKKOORD_ADMIN_TOKEN="$TOKEN" node "$script" "${builds[@]}") || status=$?
elif [[ "${1:-}" == *.test.mjs ]]; then
  (cd web-widget && AKKOORD_URL="$URL" AKKOORD_ADMIN_TOKEN="$TOKEN" node --test --test-concurrency=1 "$@") || status=$?
else
  AKKOORD_URL="$URL" AKKOORD_ADMIN_TOKEN="$TOKEN" npm --prefix web-widget run --silent test:e2e || status=$?
fi
if [[ $status -ne 0 ]]; then
  echo "e2e: platform log (last 40 lines):"; tail -40 "$DATA/platform.log"
fi
exit $status
