import { ModelError } from '../errors.ts';
import { MAX_TFJS_JSON_DEPTH } from './tfjs-limits.ts';

// Keys that reach Object.prototype when TF.js copies or looks up config objects.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walks parsed model.json without recursion (hostile nesting cannot overflow the stack) and
 * refuses nesting deeper than any real model needs, and keys that could pollute prototypes
 * when TF.js merges or looks up configs.
 */
export function checkJsonNesting(root: unknown): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_TFJS_JSON_DEPTH) {
      throw new ModelError(`model.json nests deeper than ${MAX_TFJS_JSON_DEPTH} levels; no TF.js model needs that.`);
    }
    if (Array.isArray(value)) {
      for (const child of value) stack.push({ value: child, depth: depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new ModelError(`model.json contains the key "${key}", which Tenfold refuses.`);
      stack.push({ value: child, depth: depth + 1 });
    }
  }
}
