# Passerelle production image: gunicorn for the web, the same image runs the Celery worker and beat.

# The H5P player (h5p-standalone), fetched by npm as pinned in package-lock.json; only its dist/ is kept.
FROM node:20-bookworm-slim AS npm
WORKDIR /build
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=lms.settings.production
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext fonts-noto-core fonts-dejavu-core \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 espeak-ng ffmpeg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
COPY --from=npm /build/node_modules/h5p-standalone/dist node_modules/h5p-standalone/dist
RUN export DJANGO_SECRET_KEY=build-only REDIS_URL=redis://build-only:6379/0 \
    && python manage.py compilemessages --ignore=.venv \
    && python manage.py collectstatic --noinput
RUN useradd --create-home passerelle && mkdir -p /app/media && chown passerelle /app/media
USER passerelle
EXPOSE 8000
CMD ["gunicorn", "lms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
