# Shared by the benchmarks (source it): the packaged service started against the machine's PostgreSQL and Redis, in a
# schema of its own so test runs that clean "public" never get in the way. Expects ROOT and WORK to be set.
# The service runs its migrations and itself as one role (PG_USER), not as the owner and service roles of a real
# installation: the privileges do not change the work measured, and its startup WARN about that role is expected.

PG_HOST=127.0.0.1
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-test}
PG_USER=${PG_USER:-postgres}
REDIS_PORT=${REDIS_PORT:-6379}
ADMIN_TOKEN="bench-$(date +%s)-$$"
SERVICE_PID=""

say() { printf '== %s %s\n' "$(date +%T)" "$*" >&2; }
psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qAt "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }

wait_for_port() {
    for _ in $(seq 1 50); do
        (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return
        sleep 0.1
    done
    echo "nothing listens on 127.0.0.1:$1" >&2
    return 1
}

build_service() {
    if [[ "${BENCH_SKIP_BUILD:-0}" != "1" || ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ]]; then
        say "building target/quarkus-app"
        (cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dwidget.skip)
    fi
}

# start_service SCHEMA [extra java options...]: sets BASE, MANAGEMENT and SERVICE_PID.
start_service() {
    local schema=$1; shift
    (exec 3<>/dev/tcp/127.0.0.1/"$REDIS_PORT") 2>/dev/null || { echo "no Redis on 127.0.0.1:$REDIS_PORT" >&2; exit 1; }
    psql_q -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" >/dev/null
    local port management_port
    port=$(free_port)
    management_port=$(free_port)
    BASE="http://127.0.0.1:$port"
    MANAGEMENT="http://127.0.0.1:$management_port"
    say "starting the service on $BASE (log: $WORK/service.log)"
    QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT=$port \
    QUARKUS_MANAGEMENT_PORT=$management_port \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$schema" \
    QUARKUS_FLYWAY_SCHEMAS=$schema \
    QUARKUS_DATASOURCE_USERNAME=$PG_USER \
    QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT" \
    AKKOORD_ADMIN_TOKEN=$ADMIN_TOKEN \
    AKKOORD_CONSENT_RATE_LIMIT_PER_MINUTE=1000000000 \
    AKKOORD_DATA_DIR="$WORK/data" \
        java ${JAVA_OPTS:-} "$@" -Dquarkus.datasource.reactive.additional-properties.search_path="$schema" \
            -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
    SERVICE_PID=$!
    for _ in $(seq 1 120); do
        if curl -fs "$MANAGEMENT/q/health/ready" >/dev/null 2>&1; then return; fi
        kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "service not ready" >&2
    tail -50 "$WORK/service.log" >&2
    exit 1
}

stop_service() {
    if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID" && wait "$SERVICE_PID" 2>/dev/null || true
    fi
    SERVICE_PID=""
}

drop_bench_schema() { psql_q -c "DROP SCHEMA IF EXISTS $1 CASCADE" >/dev/null 2>&1 || true; }

# A site with one domain, www.example.test; prints the API's JSON answer.
create_bench_site() {
    curl -fs -X POST "$BASE/api/v1/sites" -H "Authorization: Bearer $ADMIN_TOKEN" \
        -H 'Content-Type: application/json' -d '{"name": "Benchmark", "domains": ["www.example.test"]}'
}
