/// <reference lib="webworker" />
/**
 * The Web Worker entry: exposes the pure engine to the page through comlink. Nothing here computes; it only
 * forwards to src/engine, so the same code runs in Node (tests, CLI) and here. It also holds the lifeline that
 * tells the page when this worker has died (workers/lifeline.ts).
 */
import { expose } from 'comlink';
import { engineApi } from './engine-api.ts';
import { holdLifeline } from './lifeline.ts';

self.addEventListener('message', (event: MessageEvent) =>
  holdLifeline(event.data, (message) => self.postMessage(message)),
);
expose(engineApi);
