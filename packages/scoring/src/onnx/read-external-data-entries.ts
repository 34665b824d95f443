import { STRING_ENTRY } from '@tenfold/artifacts/onnx';
import { ModelError } from '../errors.ts';
import { readOnnxFields, stringOf } from './read-onnx-fields.ts';

/** Where a tensor's values are, as its external_data entries say. */
export type ExternalDataEntries = { location?: string; offset?: string; length?: string };

/** Keys onnx.proto defines for external_data; "checksum" is informative and ignored by readers. */
const KNOWN_KEYS: ReadonlySet<string> = new Set(['location', 'offset', 'length', 'checksum']);

/**
 * Reads a TensorProto's external_data entries (StringStringEntryProto). A key given twice is
 * refused: readers disagree on which one wins, and the inspection must see what the loader sees.
 */
export function readExternalDataEntries(entries: Uint8Array[], label: string): ExternalDataEntries {
  const found = new Map<string, string>();
  for (const entry of entries) {
    let key = '';
    let value = '';
    for (const field of readOnnxFields(entry, `${label} (external_data)`)) {
      if (field.number === STRING_ENTRY.key) key = stringOf(field, label);
      else if (field.number === STRING_ENTRY.value) value = stringOf(field, label);
    }
    if (!KNOWN_KEYS.has(key)) {
      throw new ModelError(
        `${label} has the external_data key ${JSON.stringify(key.slice(0, 40))}; ONNX defines only location, offset, length and checksum.`,
      );
    }
    if (found.has(key)) throw new ModelError(`${label} gives the external_data key "${key}" twice.`);
    found.set(key, value);
  }
  return { location: found.get('location'), offset: found.get('offset'), length: found.get('length') };
}
