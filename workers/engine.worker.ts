/// <reference lib="webworker" />
/**
 * The Web Worker entry: exposes the pure engine to the page through comlink. Nothing here computes; it only
 * forwards to src/engine, so the same code runs in Node (tests, CLI) and here.
 */
import { expose } from 'comlink';
import { engineApi } from './engine-api.ts';

expose(engineApi);
