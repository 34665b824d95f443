import { describe, expect, it } from 'vitest';
import { looksLikeOnnx } from './looks-like-onnx.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('looksLikeOnnx', () => {
  it('accepts a ModelProto that starts with ir_version, as torch.onnx.export writes it', () => {
    expect(looksLikeOnnx(Uint8Array.of(0x08, 0x08, 0x12, 0x02, 0x70, 0x74))).toBe(true);
  });

  it('accepts a ModelProto that starts with another known field', () => {
    // field 7 (graph), length 2, then two bytes
    expect(looksLikeOnnx(Uint8Array.of(0x3a, 0x02, 0x0a, 0x00))).toBe(true);
  });

  it('refuses common wrong files', () => {
    expect(looksLikeOnnx(Uint8Array.of(0x50, 0x4b, 0x03, 0x04))).toBe(false); // zip (PyTorch .pt)
    expect(looksLikeOnnx(Uint8Array.of(0x80, 0x02, 0x63))).toBe(false); // pickle
    expect(looksLikeOnnx(text('<!doctype html>'))).toBe(false);
    expect(looksLikeOnnx(text('{"format":"layers-model"}'))).toBe(false);
    expect(looksLikeOnnx(new Uint8Array())).toBe(false);
  });

  it('refuses a length that runs past the end of the file', () => {
    expect(looksLikeOnnx(Uint8Array.of(0x3a, 0x7f, 0x00))).toBe(false);
  });
});
