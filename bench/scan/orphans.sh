#!/usr/bin/env bash
# No orphan browsers (not a test; NoOrphanBrowserIT does 3 kills): the packaged service scans a slow 60-page site on
# 127.0.0.1 and is killed with kill -9 once its headless Chromium loads pages, 20 times (each at a random moment of
# the scan). After each kill, no Chromium process of the service may still run 5 s later (zombies, which this
# sandbox's PID 1 does not reap, do not count). Prints "N of 20 kills left a browser". Needs Debian's chromium.
#   bench/scan/orphans.sh [kills]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -Dwidget.skip package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    -Dakkoord.jar=target/quarkus-app/quarkus-run.jar dev.akkoord.embedded.OrphanKills "${1:-20}"
