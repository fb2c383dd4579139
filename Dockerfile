# One image for both roles: `api` (HTTP + dashboard) and `worker` (crawl jobs); compose picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# patches/ before the install: npm ci applies them to node_modules (patch-package, the postinstall script).
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
USER node
EXPOSE 3000
CMD ["npm", "run", "api"]
