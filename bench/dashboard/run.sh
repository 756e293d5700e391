#!/usr/bin/env bash
# Dashboard benchmark (not a test) for issue 14's target: every dashboard page answers in < 100 ms at p95 with
# 100 sites and 1,000,000 consent records.
#
#   bench/dashboard/run.sh            (from the project root; builds the jar first if it is missing)
#   RUNS=50 RECORDS=1000000 SITES=100 bench/dashboard/run.sh
#
# It registers SITES sites through the API, gives each a year of daily finished scans (with pages and cookies for
# the last month's of the biggest site and the last three of the others; put in with SQL: the API can only start a
# real scan), and spreads RECORDS consent records over them: 55 % on the biggest site, 15 %, 10 % and 5 % on the next three, the rest evenly over
# the others. Signed in as the operator it then times
# every page a user opens, for the biggest site and a small one, RUNS requests each after warm-ups, and as the
# anchor nginx serving the same page's bytes as a static file in the same run.
#
# It uses the machine's PostgreSQL on 127.0.0.1:5432 (database akkoord_dashboard_bench, dropped and created anew)
# and the platform's embedded Redis; nginx must be installed. The records go in with INSERT ... SELECT
# generate_series, so the statement-level trigger of V31 aggregates them as it aggregates the ledger's batches.
# Their hash chains are not real (the benchmark measures reads). Times are curl's time_total over loopback, so
# they are upper bounds of the server time. The daily scan is off: the sites' domains are not real.
#
# On 2026-12-06, 2 cores otherwise idle (load average 1.8 at the start, 1.7 at the end), PostgreSQL 15, defaults
# (RUNS=50, 100 sites, 1,000,000 records: 550,048 on the big site, 1,562 on the small one); cpu_ms is the platform
# process's CPU per request, GC and JIT included. README.md, "Dashboard benchmark", has the same table and what
# changed for it. On the same day with load averages of 9 to 12 the p95 of the heavier pages went to 100-280 ms (and
# nginx's to 6-30 ms). The build before V65 and the shared scan reads, same data (load average 6.7): list of sites
# p50 115, p95 219 ms; big site's Scans 19.0 / 62.2 ms.
#   page                                 p50_ms   p95_ms   max_ms  cpu_ms    bytes nginx_p95   ratio
#   list of sites (100)                    16.2     28.1     34.7    39.8    86750      0.41     68x
#   account                                 2.4      6.7      7.1     7.0     2095      0.38     18x
#   accounts                                6.9     10.6     13.1    21.0     2536      0.32     34x
#   big: overview + settings               10.6     14.2     17.8    23.7    11023      0.68     21x
#   big: cookies                            8.1     13.0     16.8    22.3    58083      0.58     23x
#   big: scans                             10.0     15.2     15.8    16.0    28838      0.41     37x
#   big: one scan                           4.6      9.1     12.3    12.0    12025      0.61     15x
#   big: alerts                             2.6      6.1      8.1     4.8     3816      0.36     17x
#   big: analytics (30 days)                9.2     13.1     18.0    14.3    46515      0.40     33x
#   big: analytics (90 days)               20.2     24.0     26.6    24.3   123191      0.48     50x
#   big: consent log                        4.1      7.6     10.0     5.3    39050      0.38     20x
#   big: consent-id search                  2.7      3.0      4.7     4.2     4210      0.36      8x
#   big: banner editor                      2.4      5.0      6.0     4.8    10837      0.41     12x
#   big: preview                            1.8      3.5      6.8     2.3      799      0.42      8x
#   small: overview + settings              8.3     15.9     17.3     9.2    11036      1.16     14x
#   small: cookies                          6.8     10.0     10.8     8.0    58093      0.44     22x
#   small: scans                            8.8     20.6     21.7     8.2    29428      0.47     43x
#   small: one scan                         4.3      6.3     11.0     4.5    12055      0.58     11x
#   small: alerts                           3.0      8.3      9.4     4.8     3822      1.19      7x
#   small: analytics (30 days)              8.6     12.6     17.0    14.0    45730      0.41     31x
#   small: analytics (90 days)             19.2     24.8     26.4    18.2   120827      0.39     63x
#   small: consent log                      3.8      4.7      7.3     4.3    39156      0.38     12x
#   small: consent-id search                2.5      5.4      8.9     3.3     4218      0.33     16x
#   small: banner editor                    2.8      3.9      5.0     3.7    10843      0.41      9x
#   small: preview                          2.0      2.7      5.6     5.3      803      0.43      6x
set -euo pipefail
cd "$(dirname "$0")/../.."

RECORDS=${RECORDS:-1000000}
RUNS=${RUNS:-50}
SITES=${SITES:-100}
WARMUPS=10
DB=akkoord_dashboard_bench
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
TOKEN=bench-operator-token
work=$(mktemp -d)
pid=""
nginx_pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
    rm -rf "$work"
    # KEEP_DB=1 keeps the loaded database for a look with psql.
    [ -n "${KEEP_DB:-}" ] || $PG -d postgres -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# JAR=... times another build (a copy of target/quarkus-app, say, to compare before and after a change).
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || ./mvnw -B -q -Dwidget.skip package -DskipTests
command -v nginx >/dev/null || { echo "nginx is needed for the anchor"; exit 1; }

$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
port=$(free_port)
url="http://127.0.0.1:$port"
management_port=$(free_port)
AKKOORD_DATA_DIR="$work/data" AKKOORD_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
QUARKUS_MANAGEMENT_PORT=$management_port AKKOORD_SCAN_CRON=off \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
QUARKUS_DATASOURCE_USERNAME=postgres \
    java -Xmx512m -jar "$JAR" > "$work/platform.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$management_port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$management_port/q/health/ready" >/dev/null || { tail -50 "$work/platform.log"; exit 1; }

echo "Registering $SITES sites ..."
: > "$work/sites.tsv"
for i in $(seq 1 "$SITES"); do
    curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"name\":\"Benchmark shop $i\",\"domains\":[\"shop$i.example.test\"],\"categories\":[\"functional\",\"analytical\",\"marketing\"]}" \
        "$url/api/v1/sites" | python3 -c "import json,sys; s=json.load(sys.stdin); print($i, s['id'], s['bannerVersion'], sep='\t')" \
        >> "$work/sites.tsv"
done

echo "Loading scans and $RECORDS consent records (spread over the last 90 days) ..."
load_started=$(date +%s.%N)
$PG -d $DB <<SQL
CREATE TEMP TABLE bench_sites (ord int PRIMARY KEY, id uuid NOT NULL, version text NOT NULL);
\copy bench_sites FROM '$work/sites.tsv'
-- How many records each site gets, and where its share starts in the one numbering of all records.
CREATE TEMP TABLE bench_shares AS
SELECT ord, id, version, n, sum(n) OVER (ORDER BY ord) - n AS first
  FROM (SELECT ord, id, version,
               CASE WHEN ord = 1 THEN 0 WHEN ord = 2 THEN $RECORDS * 15 / 100 WHEN ord = 3 THEN $RECORDS / 10
                    WHEN ord = 4 THEN $RECORDS / 20 ELSE $RECORDS * 15 / 100 / greatest($SITES - 4, 1) END AS n
          FROM bench_sites) AS planned;
UPDATE bench_shares SET n = $RECORDS - (SELECT sum(n) FROM bench_shares) WHERE ord = 1;
UPDATE bench_shares SET first = f.first FROM (SELECT ord, sum(n) OVER (ORDER BY ord) - n AS first FROM bench_shares) AS f
 WHERE f.ord = bench_shares.ord;

-- A year of daily finished scans for every site (scans are kept), one in 17 failed. The pages and cookies of the
-- recent ones are there: a month's for the big site, three for the others. The newest found two cookies more than
-- the one before, and that one two more than its predecessor, so the diffs show.
INSERT INTO scans (id, site_id, trigger, status, schedule_day, queued_at, started_at, finished_at, attempts, worker,
                   pages_done, pages_queued, resources, origins, method, headline, failure, failure_kind)
SELECT gen_random_uuid(), s.id, 'schedule', CASE WHEN k % 17 = 16 THEN 'failed' ELSE 'done' END,
       (now() - k * interval '1 day')::date, now() - k * interval '1 day',
       now() - k * interval '1 day' + interval '1 second', now() - k * interval '1 day' + interval '40 seconds', 1,
       'bench', CASE WHEN k % 17 = 16 THEN 0 ELSE 12 END, 0, 140, ARRAY['https://shop' || s.ord || '.example.test'],
       'static', NULL, CASE WHEN k % 17 = 16 THEN 'shop' || s.ord || '.example.test could not be reached' END,
       CASE WHEN k % 17 = 16 THEN 'unreachable' END
  FROM bench_sites s CROSS JOIN generate_series(0, 364) AS k;
CREATE TEMP TABLE bench_recent AS
SELECT sc.id, sc.origins, sc.newer FROM (
    SELECT id, site_id, origins, row_number() OVER (PARTITION BY site_id ORDER BY queued_at DESC) - 1 AS newer
      FROM scans WHERE status = 'done') AS sc JOIN bench_sites s ON s.id = sc.site_id
 WHERE sc.newer < CASE WHEN s.ord = 1 THEN 30 ELSE 3 END;
INSERT INTO scan_pages (scan_id, position, url, final_url, depth, status, content_type, parsed)
SELECT sc.id, p, sc.origins[1] || '/page/' || p, sc.origins[1] || '/page/' || p,
       least(p, 2), 200, 'text/html', true
  FROM bench_recent sc CROSS JOIN generate_series(1, 12) AS p;
INSERT INTO scan_cookies (scan_id, name, domain, found, host_only, path, lifetime_seconds, secure, http_only,
                          same_site, third_party, first_page, category, confidence, source, vendor, purpose, lifetime,
                          violation, evidence, reason)
SELECT sc.id, 'cookie_' || c, CASE WHEN c % 4 = 0 THEN 'tracker.example.test' ELSE 'shop.example.test' END,
       CASE WHEN c % 3 = 0 THEN 'inferred' ELSE 'observed' END, c % 2 = 0, '/', 86400 * c, true, c % 2 = 1, 'Lax',
       c % 4 = 0, 'https://shop.example.test/', (ARRAY['functional','analytical','marketing','unclassified'])[1 + c % 4],
       0.9, 'rule', 'Vendor ' || (c % 5), 'Keeps a benchmark value ' || c, c || ' days', c % 4 IN (1, 2) AND c % 3 <> 0,
       'Set-Cookie on https://shop.example.test/', 'Name rule cookie_*'
  FROM bench_recent sc CROSS JOIN generate_series(1, 20) AS c
 WHERE c <= 20 - 2 * least(sc.newer, 2);
INSERT INTO consent_records (site_id, seq, consent_id, recorded_at, action, analytical, marketing, banner_version,
                             language, page_url, gpc, ip_truncated, user_agent, prev_hash, hash)
SELECT s.id, g - s.first, md5('consent-' || g),
       now() - ((g::bigint * 7919) % (90 * 86400)) * interval '1 second',
       (ARRAY['accept_all','accept_all','accept_all','accept_all','reject_all','reject_all','reject_all',
              'custom','withdraw','gpc'])[1 + g % 10],
       g % 10 IN (0, 1, 2, 3, 7), g % 10 IN (0, 1, 2, 3),
       s.version, 'nl', 'https://shop' || s.ord || '.example.test/page/' || (g % 500), g % 10 = 9, '192.0.2.0',
       'Mozilla/5.0 (benchmark)', md5('prev-' || g), md5('hash-' || g)
  FROM bench_shares s CROSS JOIN LATERAL generate_series(s.first + 1, s.first + s.n) AS g;
INSERT INTO consent_chain_heads (site_id, seq, hash)
SELECT id, n, md5('hash-' || (first + n)) FROM bench_shares WHERE n > 0;
ANALYZE;
SQL
load_seconds=$(python3 -c "import time; print(round(time.time() - $load_started, 1))")
big=$(awk -F'\t' '$1 == 1 { print $2 }' "$work/sites.tsv")
small=$(awk -F'\t' -v n="$SITES" '$1 == n { print $2 }' "$work/sites.tsv")
big_records=$($PG -d $DB -t -A -c "SELECT sum(count) FROM consent_daily_counts WHERE site_id = '$big'")
small_records=$($PG -d $DB -t -A -c "SELECT sum(count) FROM consent_daily_counts WHERE site_id = '$small'")
echo "Loaded in ${load_seconds}s: $($PG -d $DB -t -A -c 'SELECT count(*) FROM consent_records') records," \
    "$big_records on the big site, $small_records on the small one"

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

# The anchor: nginx serving each page's own bytes, saved as a static file, on a free port of loopback.
mkdir -p "$work/nginx/logs" "$work/static"
nginx_port=$(free_port)
{
    [ "$(id -u)" != 0 ] || echo "user $(id -un) $(id -gn);"
    cat <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 64; }
http {
    types { text/html html; }
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
CONF
} > "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" && break; sleep 0.1; done

to=$(date -u +%F)
from90=$(date -u -d '89 days ago' +%F)
some_consent=$($PG -d $DB -t -A -c "SELECT consent_id FROM consent_records WHERE site_id = '$big' ORDER BY seq
                                      OFFSET (SELECT n / 2 FROM (SELECT count(*) AS n FROM consent_records
                                                                  WHERE site_id = '$big') c) LIMIT 1")
small_consent=$($PG -d $DB -t -A -c "SELECT consent_id FROM consent_records WHERE site_id = '$small' LIMIT 1")
scan_of() { $PG -d $DB -t -A -c "SELECT id FROM scans WHERE site_id = '$1' ORDER BY queued_at DESC LIMIT 1"; }
big_scan=$(scan_of "$big")
small_scan=$(scan_of "$small")

times() { # url [cookie jar]: RUNS timed requests after the warm-ups, one time_total in ms a line
    local target=$1 cookies=${2:-/dev/null}
    for _ in $(seq 1 "$WARMUPS"); do curl -s -o /dev/null -b "$cookies" "$target"; done
    for _ in $(seq 1 "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$cookies" "$target"; done
}
# CPU time the platform's process used so far, in clock ticks: unlike the latency it hardly changes when other work
# shares the cores, so it shows what a page costs on a busy machine too.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
n=0
echo
echo "Server: $(nproc) cores; PostgreSQL $($PG -d $DB -t -A -c 'SHOW server_version'); $RUNS timed requests each;" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %8s %8s %8s %7s %8s %9s %7s\n' page p50_ms p95_ms max_ms cpu_ms bytes nginx_p95 ratio
measure() { # name, path: the page's times, and nginx's for its bytes
    local name=$1 target=$url$2 status
    n=$((n + 1))
    status=$(curl -s -o "$work/static/$n.html" -w '%{http_code}' -b "$jar" "$target")
    [ "$status" = 200 ] || { echo "$name ($2) answered $status"; head -c 2000 "$work/static/$n.html"; exit 1; }
    local before after
    before=$(cpu_ticks)
    times "$target" "$jar" > "$work/page.times"
    after=$(cpu_ticks)
    times "http://127.0.0.1:$nginx_port/$n.html" > "$work/anchor.times"
    # The CPU time includes the warm-ups' (WARMUPS + RUNS requests in all).
    python3 - "$name" "$work/page.times" "$work/anchor.times" "$(stat -c %s "$work/static/$n.html")" \
        "$(( (after - before) ))" "$ticks_per_second" "$(( WARMUPS + RUNS ))" <<'PY'
import sys
def load(path):
    return sorted(float(line) * 1000 for line in open(path))
def p95(times):
    return times[max(0, int(round(0.95 * len(times))) - 1)]
page, anchor = load(sys.argv[2]), load(sys.argv[3])
cpu = int(sys.argv[5]) * 1000 / int(sys.argv[6]) / int(sys.argv[7])
print(f'{sys.argv[1]:<34} {page[len(page)//2]:8.1f} {p95(page):8.1f} {page[-1]:8.1f} {cpu:7.1f} {int(sys.argv[4]):8d} '
      f'{p95(anchor):9.2f} {p95(page) / p95(anchor):6.0f}x{"  OVER" if p95(page) >= 100 else ""}')
PY
}

names=() paths=()
page() { names+=("$1"); paths+=("$2"); }
page "list of sites ($SITES)" "/dashboard/sites"
page "account" "/dashboard/account"
page "accounts" "/dashboard/accounts"
for which in big small; do
    if [ $which = big ]; then site=$big scan=$big_scan consent=$some_consent; else site=$small scan=$small_scan consent=$small_consent; fi
    base="/dashboard/sites/$site"
    page "$which: overview + settings" "$base"
    page "$which: cookies" "$base/cookies"
    page "$which: scans" "$base/scans"
    page "$which: one scan" "$base/scans/$scan"
    page "$which: alerts" "$base/alerts"
    page "$which: analytics (30 days)" "$base/analytics"
    page "$which: analytics (90 days)" "$base/analytics?from=$from90&to=$to&by=day"
    page "$which: consent log" "$base/consents"
    page "$which: consent-id search" "$base/consents?consentId=$consent"
    page "$which: banner editor" "$base/banner"
    page "$which: preview" "$base/preview"
done
# The JIT compiles the pages' code during the first few hundred requests: every page is warmed up before any is
# timed, so the first pages timed are not the ones that pay for it.
for _ in $(seq 1 20); do
    for path in "${paths[@]}"; do curl -s -o /dev/null -b "$jar" "$url$path"; done
done
for i in "${!paths[@]}"; do
    measure "${names[$i]}" "${paths[$i]}"
    case ${names[$i]} in
        *consent-id*) grep -q "consentId=${paths[$i]##*consentId=}\"><code class=\"url\">" "$work/static/$n.html" \
                          || { echo "the search did not find ${paths[$i]##*consentId=}"; exit 1; } ;;
    esac
done
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). cpu_ms: the platform process's CPU per request."
