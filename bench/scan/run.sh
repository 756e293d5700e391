#!/usr/bin/env bash
# Browser scan benchmark (not a test): 100 generated pages on 127.0.0.1, each setting cookies from a script. One run
# times the static crawl alone, then the scan as the service runs it (static crawl + headless Chromium pass), and
# samples the resident memory of the JVM and of every Chromium process every 200 ms. Needs Debian's chromium.
#   bench/scan/run.sh    (JAVA_OPTS="-Dpages=N -Dtabs=N" for another size or number of tabs)
# Targets: browser scan <= 60 s, JVM + browsers <= 1.5 GB resident, every page's cookies found.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -Dwidget.skip test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec java -Xmx256m ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.akkoord.scan.bench.BrowserScanBenchmark "$@"
