# syntax=docker/dockerfile:1
# Assure's production image. Build: docker build -t assure .   Run: see docker-compose.yml and README.md.

# Build with the project's own wrapper (pinned Maven 3.9.11) on a Maven + Temurin 17 image.
FROM maven:3.9-eclipse-temurin-17 AS build
# mvnw unpacks its pinned Maven with unzip, which this image lacks.
RUN apt-get update \
 && apt-get install -y --no-install-recommends unzip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY . .
# The cache mount keeps downloaded dependencies (and the wrapper's Maven) between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

# Run on a JRE only, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 assure \
 && useradd --system --uid 10001 --gid assure --home-dir /app --shell /usr/sbin/nologin assure \
 && mkdir -p /app/data \
 && chown assure:assure /app/data
WORKDIR /app
COPY --from=build /build/target/assure.jar /app/assure.jar
USER assure
# MICRONAUT_ENVIRONMENTS is left to the deployment: docker-compose.yml sets prod. Without it the
# container runs in local mode (H2 in /app/data, demo data), which suits a quick look only.
ENV ASSURE_DATA_DIR=/app/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# /health is public and reports DOWN (503) when the database cannot be reached. curl is in the base image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/assure.jar"]
