export * from './notice.ts';
export * from './shared-state.ts';
export * from './validate.ts';
export * from './migrations.ts';
export {
  MAX_DEPTH,
  MAX_HASH_LENGTH,
  MAX_JSON_BYTES,
  MAX_NODES,
  decodeHash,
  encodeState,
  encodeStatePlain,
} from './url-state.ts';
export type { DecodeResult } from './url-state.ts';
