export * from './types.ts';
export * from './guardrail-keys.ts';
export * from './guardrail-path.ts';
export * from './extras.ts';
export * from './sources.ts';
export * from './provenance.ts';
export * from './validate-regime.ts';
export * from './catalogue.ts';
