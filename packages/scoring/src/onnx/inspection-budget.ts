import { ModelError } from '../errors.ts';
import { MAX_ENTRIES, MAX_NODES, MAX_STORED_VALUE_BYTES } from './onnx-limits.ts';

const MB = 1024 * 1024;

/** Running totals of one inspection, checked against the limits as they grow. */
export class InspectionBudget {
  entries = 0;
  nodes = 0;
  storedBytes = 0;
  parameters = 0;

  /** Model-local functions as `domain/name`: nodes may call them whatever their domain. */
  readonly functions = new Set<string>();

  /** External-data files uploaded with the model, name to size; undefined for a lone .onnx file. */
  readonly externalFiles?: ReadonlyMap<string, number>;
  /** The external-data files some tensor reads. */
  readonly usedFiles = new Set<string>();

  constructor(externalFiles?: ReadonlyMap<string, number>) {
    this.externalFiles = externalFiles;
  }

  addEntry(): void {
    if (++this.entries > MAX_ENTRIES) {
      throw new ModelError(
        `The model has more than ${MAX_ENTRIES.toLocaleString('en-US')} entries (nodes, tensors, attributes, value infos), far more than any classifier needs.`,
      );
    }
  }

  addNode(): void {
    if (++this.nodes > MAX_NODES) {
      throw new ModelError(
        `The model has more than ${MAX_NODES.toLocaleString('en-US')} nodes; Tenfold scores models up to that size.`,
      );
    }
  }

  addStoredBytes(bytes: number, where: string): void {
    this.storedBytes += bytes;
    if (this.storedBytes > MAX_STORED_VALUE_BYTES) {
      throw new ModelError(
        `The values stored in the model add up to more than ${MAX_STORED_VALUE_BYTES / MB} MB once decoded (${where} brings the total to ${Math.ceil(this.storedBytes / MB)} MB); Tenfold scores models up to that size.`,
      );
    }
  }
}
