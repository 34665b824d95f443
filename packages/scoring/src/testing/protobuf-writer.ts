/**
 * Just enough of the protobuf wire format to write ONNX files from tests, so fixtures are
 * built by the tests themselves instead of being opaque binaries.
 */
export class ProtobufWriter {
  private readonly chunks: Uint8Array[] = [];

  private push(bytes: ArrayLike<number>): this {
    this.chunks.push(Uint8Array.from(bytes));
    return this;
  }

  /** Appends bytes as they are: hostile-input tests use it to write what no encoder would. */
  raw(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    return this;
  }

  /** A bare varint, as the elements of a packed repeated field are written. */
  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      bytes.push(byte);
    } while (v !== 0n);
    return this.push(bytes);
  }

  tag(field: number, wireType: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7): this {
    return this.varint((field << 3) | wireType);
  }

  int(field: number, value: number | bigint): this {
    return this.tag(field, 0).varint(value);
  }

  float(field: number, value: number): this {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    return this.tag(field, 5).push(bytes);
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, 2).varint(value.length);
    this.chunks.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, build: (writer: ProtobufWriter) => void): this {
    const inner = new ProtobufWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    const length = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const out = new Uint8Array(length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
