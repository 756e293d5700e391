#!/usr/bin/env bash
# Classifier benchmarks (not tests). Compiles without the banner build, then runs one benchmark on the test classpath.
#   bench/classify.sh cv [threshold] [name-only]   5-fold cross-validation over the knowledge base
#   bench/classify.sh speed                          100,000 cookies on one thread, after warm-up
#   bench/classify.sh eval [threshold] [wrong]       the independent evaluation set in bench/classify/ ("wrong" lists misses)
#   bench/classify.sh holdout [threshold] [wrong]    the second, held-out set (bench/classify/holdout.csv)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
    cv) main=CrossValidation ;;
    speed) main=ClassifySpeed ;;
    eval) main=Evaluation ;;
    holdout) main=Evaluation; holdout=true ;;
    *) echo "usage: $0 cv [threshold] [name-only] | speed | eval|holdout [threshold] [wrong]" >&2; exit 2 ;;
esac
shift
./mvnw -q -B -Dwidget.skip test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
# One core, as the targets say: the JIT and GC get no second one to hide work on.
exec taskset -c 0 java -XX:ActiveProcessorCount=1 -Dholdout="${holdout:-false}" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    "dev.akkoord.classify.bench.$main" "$@"
