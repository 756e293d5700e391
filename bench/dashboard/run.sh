#!/usr/bin/env bash
# Dashboard benchmark (not a test): with 1,000,000 consent records for one site, time the analytics page for a
# 90-day range and a consent-id search in the consent log.
#
#   bench/dashboard/run.sh            (from the project root; builds the jar first if it is missing)
#
# It uses the machine's PostgreSQL on 127.0.0.1:5432 (database akkoord_dashboard_bench, dropped and created anew)
# and the platform's embedded Redis. The records go in with one INSERT ... SELECT generate_series, so the
# statement-level trigger of V31 aggregates all of them exactly as it aggregates the ledger's batches. Their hash
# chain is not real (the benchmark measures reads, and chaining a million rows in SQL is beside the point).
# Times are measured by curl over loopback, so they are upper bounds of the server time. The 90-day range is
# the last 90 UTC days; the records span 90 x 24 hours back from now, so the few of the 91st day fall outside it.
set -euo pipefail
cd "$(dirname "$0")/../.."

RECORDS=${RECORDS:-1000000}
RUNS=${RUNS:-50}
DB=akkoord_dashboard_bench
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
TOKEN=bench-operator-token
work=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
    # KEEP_DB=1 keeps the loaded database for a look with psql.
    [ -n "${KEEP_DB:-}" ] || $PG -d postgres -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
}
trap cleanup EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
management_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
AKKOORD_DATA_DIR="$work/data" AKKOORD_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$management_port \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
QUARKUS_DATASOURCE_USERNAME=postgres \
    java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$work/platform.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$management_port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$management_port/q/health/ready" >/dev/null || { tail -50 "$work/platform.log"; exit 1; }

site=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"Benchmark shop","domains":["www.example.test"],"categories":["functional","analytical","marketing"]}' \
    "$url/api/v1/sites")
site_id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$site")
version=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["bannerVersion"])' "$site")

echo "Loading $RECORDS consent records for site $site_id (spread over the last 90 days) ..."
load_started=$(date +%s.%N)
$PG -d $DB <<SQL
INSERT INTO consent_records (site_id, seq, consent_id, recorded_at, action, analytical, marketing, banner_version,
                             language, page_url, gpc, ip_truncated, user_agent, prev_hash, hash)
SELECT '$site_id', g, md5('consent-' || g),
       now() - ((g::bigint * 7919) % (90 * 86400)) * interval '1 second',
       (ARRAY['accept_all','accept_all','accept_all','accept_all','reject_all','reject_all','reject_all',
              'custom','withdraw','gpc'])[1 + g % 10],
       g % 10 IN (0, 1, 2, 3, 7), g % 10 IN (0, 1, 2, 3),
       '$version', 'nl', 'https://www.example.test/page/' || (g % 500), g % 10 = 9, '192.0.2.0',
       'Mozilla/5.0 (benchmark)', md5('prev-' || g), md5('hash-' || g)
  FROM generate_series(1, $RECORDS) AS g;
INSERT INTO consent_chain_heads (site_id, seq, hash) VALUES ('$site_id', $RECORDS, md5('hash-$RECORDS'));
ANALYZE consent_records;
ANALYZE consent_daily_counts;
SQL
load_seconds=$(python3 -c "import time; print(round(time.time() - $load_started, 1))")
counted=$($PG -d $DB -t -A -c "SELECT sum(count) FROM consent_daily_counts WHERE site_id = '$site_id'")
rows=$($PG -d $DB -t -A -c "SELECT count(*) FROM consent_daily_counts WHERE site_id = '$site_id'")
echo "Loaded in ${load_seconds}s through the counting trigger: $counted records in $rows daily count rows"

# Sign in as the bootstrap admin, set the operator's own e-mail and password, keep the session cookie.
jar="$work/cookies"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }
login_csrf=$(curl -fsS -c "$jar" -b "$jar" "$url/dashboard/login" | csrf_of)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=admin" --data-urlencode "password=$TOKEN" \
    --data-urlencode "_csrf=$login_csrf" "$url/dashboard/login"
setup_csrf=$(curl -fsS -c "$jar" -b "$jar" "$url/dashboard/account" | csrf_of)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=bench@example.test" \
    --data-urlencode "newPassword=benchmark-password" --data-urlencode "confirmPassword=benchmark-password" \
    --data-urlencode "_csrf=$setup_csrf" "$url/dashboard/account"

to=$(date -u +%F)
from=$(date -u -d '89 days ago' +%F)
some_consent=$($PG -d $DB -t -A -c "SELECT md5('consent-' || ($RECORDS / 2))")

measure() { # name, url: RUNS timed requests after 20 warm-ups; prints median, p95, max in ms
    local name=$1 target=$2 status
    status=$(curl -s -o "$work/page.html" -w '%{http_code}' -b "$jar" "$target")
    [ "$status" = 200 ] || { echo "$name answered $status"; head -c 2000 "$work/page.html"; exit 1; }
    for _ in $(seq 1 20); do curl -s -o /dev/null -b "$jar" "$target"; done
    for _ in $(seq 1 "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$target"; done \
        | python3 -c "
import sys
times = sorted(float(line) * 1000 for line in sys.stdin)
p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
print(f'{sys.argv[1]:<44} median {times[len(times)//2]:6.1f} ms   p95 {p95:6.1f} ms   max {times[-1]:6.1f} ms   (n={len(times)})')
" "$name"
}

echo
echo "Server: $(nproc) cores; PostgreSQL $($PG -d $DB -t -A -c 'SHOW server_version'); $RUNS timed requests each"
measure "analytics, 90 days by day" "$url/dashboard/sites/$site_id/analytics?from=$from&to=$to&by=day"
grep -o '<strong id="total-records">[0-9]*' "$work/page.html" | sed 's/.*>/  records counted on the page: /'
measure "analytics, 90 days by week" "$url/dashboard/sites/$site_id/analytics?from=$from&to=$to&by=week"
measure "consent-id search" "$url/dashboard/sites/$site_id/consents?consentId=$some_consent"
echo "  rows found for the consent id: $(grep -o "consentId=$some_consent\"><code>" "$work/page.html" | wc -l)"
measure "consent log, newest 50 of 30 days" "$url/dashboard/sites/$site_id/consents"

