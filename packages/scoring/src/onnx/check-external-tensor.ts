import { ModelError } from '../errors.ts';
import type { InspectionBudget } from './inspection-budget.ts';
import { readExternalDataEntries } from './read-external-data-entries.ts';
import { quoteName } from './read-onnx-fields.ts';

/** TensorProto.DataLocation.EXTERNAL. */
export const DATA_LOCATION_EXTERNAL = 1;
const MAX_LOCATION_LENGTH = 255;
const DECIMAL = /^\d{1,15}$/;

export type ExternalTensor = {
  /** `Initializer "W"`, `The tensor "c" in attribute ...`: starts every message. */
  label: string;
  entries: Uint8Array[];
  dataLocation: number;
  hasInlineValues: boolean;
  /** Bytes the declared shape and type take (0 bits: strings, which cannot be external). */
  packedBytes: number;
  elementBits: number;
};

const SAVE_ONE_FILE =
  'or save one self-contained file: torch.onnx.export(..., external_data=False), or onnx.save_model(model, path, save_as_external_data=False)';

/** What is wrong with a location as a file name, or null for a plain name such as "model.onnx.data". */
function findLocationProblem(location: string): string | null {
  if (location === '') return 'is empty';
  if (location.length > MAX_LOCATION_LENGTH) return `is longer than ${MAX_LOCATION_LENGTH} characters`;
  if (location.includes('/') || location.includes('\\')) return 'is a path, not a plain file name';
  if (location === '.' || location === '..') return 'is not a file name';
  if (location.includes(':')) return 'contains ":" (a drive letter or a URL scheme)';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(location)) return 'contains a control character';
  return null;
}

function byteCount(value: string | undefined, key: string, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (!DECIMAL.test(value)) {
    throw new ModelError(`${where} has the ${key} ${JSON.stringify(value.slice(0, 40))}, which is not a byte count.`);
  }
  return Number(value);
}

/**
 * Checks a tensor whose values live in an external-data file (PyTorch 2.9+ writes every weight
 * that way): its location must be the plain name of a file uploaded with the model, and its
 * bytes must lie inside that file and be exactly what its shape declares. ONNX Runtime never
 * opens the file: predictOnnx copies the bytes into the model first (inline-external-data.ts).
 */
export function checkExternalTensor(tensor: ExternalTensor, budget: InspectionBudget): void {
  const { label } = tensor;
  const prefix = `${label} keeps its values in external data`;
  if (tensor.dataLocation !== DATA_LOCATION_EXTERNAL || tensor.entries.length === 0) {
    throw new ModelError(
      tensor.entries.length === 0
        ? `${prefix} by its data_location (${tensor.dataLocation}) but has no external_data entries saying where${tensor.hasInlineValues ? ', and also holds values inside the file' : ''}: the file is inconsistent; save it again with onnx.save_model.`
        : `${prefix} by its external_data entries, but its data_location is ${tensor.dataLocation}, not EXTERNAL: the file is inconsistent; save it again with onnx.save_model.`,
    );
  }
  if (tensor.hasInlineValues) {
    throw new ModelError(`${prefix} and also holds values inside the file; it must do one or the other.`);
  }
  const { location, offset: offsetText, length: lengthText } = readExternalDataEntries(tensor.entries, label);
  if (location === undefined) throw new ModelError(`${prefix} but its external_data names no location.`);
  const where = `${prefix} (location ${quoteName(location)})`;
  const problem = findLocationProblem(location);
  if (problem) {
    throw new ModelError(
      `${where}, which ${problem}: a location must be the name of a file uploaded together with the model, without folders, "..", or ":". Tenfold never reads other files.`,
    );
  }
  const files = budget.externalFiles;
  if (!files) {
    throw new ModelError(
      `${where}, a file of its own: upload it together with the .onnx file (select both files, their folder, or a .zip of them; torch.onnx.export of PyTorch 2.9 and later writes model.onnx and model.onnx.data), ${SAVE_ONE_FILE}.`,
    );
  }
  const fileBytes = files.get(location);
  if (fileBytes === undefined) {
    const uploaded = [...files.keys()].map((name) => quoteName(name)).join(', ') || 'none';
    throw new ModelError(
      `${where}, but the upload holds no file of that name (external-data files uploaded: ${uploaded}). Upload the files the model names, under the names it gives them.`,
    );
  }
  if (tensor.elementBits === 0) {
    throw new ModelError(`${where} is a string tensor, which ONNX Runtime cannot read from external data.`);
  }
  const offset = byteCount(offsetText, 'offset', where) ?? 0;
  const length = byteCount(lengthText, 'length', where);
  if (length === undefined) {
    throw new ModelError(
      `${where} but gives no length; onnx.save_model and torch.onnx.export always write location, offset and length.`,
    );
  }
  if (length !== tensor.packedBytes) {
    throw new ModelError(
      `${where} with the length ${length} bytes, but its shape and type take ${tensor.packedBytes} bytes.`,
    );
  }
  if (offset + length > fileBytes) {
    throw new ModelError(
      `${where} at bytes ${offset} to ${offset + length}, past the end of that file (${fileBytes} bytes). Is the file truncated, or from another export?`,
    );
  }
  budget.usedFiles.add(location);
}
