import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { requireChromiumInCi } from './chromium.ts';
import { serveStatic, type RunningServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    rootUrl: string;
    subPathUrl: string;
  }
}

export const SUB_PATH = '/explainers/leverage/';

export default async function setup(project: TestProject) {
  requireChromiumInCi();
  // E2E_DIST lets several people test their own builds side by side (vite build --outDir dist-x).
  const dist = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`))
    throw new Error(`${dist}/ is missing: run npm run build before the e2e tests`);
  await mkdir('test-results', { recursive: true });
  const servers: RunningServer[] = [await serveStatic(dist, '/'), await serveStatic(dist, SUB_PATH)];
  project.provide('rootUrl', servers[0]!.url);
  project.provide('subPathUrl', servers[1]!.url);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
