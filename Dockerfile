# imagine-bot: slim Python 3.11, non-root, SQLite file on the /data volume.
FROM python:3.11-slim

# METRICS_PORT: Prometheus /metrics and /healthz; 0.0.0.0 so Prometheus in another container can scrape it
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_URL=sqlite:////data/imagine-bot.db \
    HEALTH_FILE=/data/health \
    METRICS_PORT=9100 \
    METRICS_HOST=0.0.0.0

# the usage chart's fonts (Pillow's own draws ASCII only): Noto Sans CJK for Japanese, Chinese and Korean, DejaVu
# Sans for the Latin and Cyrillic languages (Noto Sans CJK lacks Polish letters); the base image's Debian release
# decides their versions
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-cjk fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin imagine \
    && mkdir /data && chown imagine:imagine /data

WORKDIR /app
# the locked dependencies first, every file checked against its hash (a layer kept while only the code changes);
# pip check fails the build if the lock misses a package one of them needs
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock && pip check
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY cogs ./cogs
COPY playground ./playground
# then the bot alone, built by the locked setuptools (as the README installs it, without the editable flag)
RUN pip install --no-cache-dir --no-deps --no-build-isolation .

USER 10001:10001
VOLUME ["/data"]
EXPOSE 9100

# `imagine-bot health` asks http://127.0.0.1:$METRICS_PORT/healthz: 200 while every shard is connected
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["imagine-bot", "health"]

CMD ["imagine-bot", "run"]
