/**
 * The engine's elementary functions: the same bits in every browser and in Node (issue 16's "the 30-seed ranges
 * in Chromium equal compare --seeds 30"; the brief's "same inputs, same seed → identical results, in the worker
 * and in Node"). JavaScript engines are free to compute Math.log, Math.exp, Math.sin, Math.cos and Math.pow as
 * they like, and they do change: Chromium 156.0.8078.129 (Debian, December 2026) returns other last bits than
 * Node 20 for 3–10% of arguments (over 100,000 each: log 5.0%, exp 9.9%, cos and sin 3.3%, pow 9.3%), so a sweep in the page and the same sweep from the CLI parted.
 * These are fdlibm's methods as V8 11.3 (Node 20) implements them, so the engine's figures stay as they were;
 * Math.sqrt, +, −, × and ÷ are correctly rounded everywhere and are used as they are. The engine calls these,
 * never Math's (eslint: no-restricted-properties in src/engine).
 */
export { exp, expsInPlace, log, logsInPlace } from './log-exp.ts';
export { halfToThe, pow } from './pow.ts';
export { cos, cosInPlace, sin } from './trig.ts';
