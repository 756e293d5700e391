# Build: the Maven wrapper builds the platform, and with it the banner (web-widget) through npm.
FROM eclipse-temurin:17-jdk AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline || true
COPY web-widget web-widget
COPY src src
RUN ./mvnw -B -q package -DskipTests

# Run: Debian with its JRE and its Chromium (the scanner's browser; Ubuntu ships Chromium only as a snap, which
# does not run in a container), as an unprivileged user. Without database settings it starts embedded PostgreSQL
# and Redis with their data in /data; mount a volume there, or set QUARKUS_DATASOURCE_* and QUARKUS_REDIS_HOSTS.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless chromium curl \
        fonts-liberation ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 akkoord && mkdir /data && chown akkoord /data
WORKDIR /app
COPY --from=build --chown=akkoord /src/target/quarkus-app/ /app/
USER akkoord
# Health and metrics listen on 9000 (the management interface) on every interface of the container, so that a
# Prometheus elsewhere can scrape them once the port is published; leave 9000 unpublished to keep them private.
ENV AKKOORD_DATA_DIR=/data AKKOORD_SCAN_BROWSER_PATH=/usr/bin/chromium JAVA_OPTS="-XX:MaxRAMPercentage=50" \
    QUARKUS_MANAGEMENT_HOST=0.0.0.0
VOLUME /data
EXPOSE 8080 9000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:9000/q/health/ready || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
