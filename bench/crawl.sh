#!/usr/bin/env bash
# Crawl benchmark (not a test): 1,000 generated pages served on 127.0.0.1 with 20 ms latency each, crawled with a
# 1,000-page limit by a JVM whose heap is capped at 256 MB (server and crawler share it).
#   bench/crawl.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Dwidget.skip test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx256m -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.akkoord.scan.bench.CrawlBenchmark "$@"
