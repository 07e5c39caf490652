/**
 * Base64 and little-endian float32 helpers for pack embeddings.
 *
 * Written without Buffer, atob or btoa so they behave the same in node, the browser and a worker,
 * and so a malformed string is refused instead of being decoded leniently (atob skips whitespace).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Bytes per float32 value in a serialised embedding. */
export const FLOAT32_BYTES = 4;

/** Encodes bytes as standard, padded base64 (RFC 4648, section 4). */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    chunk += ALPHABET[(triple >> 18) & 63] + ALPHABET[(triple >> 12) & 63];
    chunk += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=';
    chunk += i + 2 < bytes.length ? ALPHABET[triple & 63] : '=';
    // Repeated += on one huge string is slow in some engines; join bounded chunks instead.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Decodes standard, padded base64. Returns null when the text is not exactly that (wrong length,
 * a character outside the alphabet, misplaced padding), so the caller can say which sample is bad.
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const isLast = i + 4 === text.length;
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const isPad = code === 61 && isLast && j >= 4 - padding;
      const value = isPad ? 0 : code < 128 ? LOOKUP[code] : -1;
      if (value < 0) return null;
      triple = (triple << 6) | value;
    }
    bytes[out++] = (triple >> 16) & 255;
    if (out < bytes.length) bytes[out++] = (triple >> 8) & 255;
    if (out < bytes.length) bytes[out++] = triple & 255;
  }
  return bytes;
}

/** Serialises float32 values as little-endian bytes, whatever the platform's byte order. */
export function float32ToBytesLE(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length * FLOAT32_BYTES);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * FLOAT32_BYTES, values[i], true);
  return bytes;
}

/** Reads little-endian float32 bytes; returns null when the byte count is not a multiple of 4. */
export function bytesLEToFloat32(bytes: Uint8Array): Float32Array | null {
  if (bytes.length % FLOAT32_BYTES !== 0) return null;
  const values = new Float32Array(bytes.length / FLOAT32_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(i * FLOAT32_BYTES, true);
  return values;
}

/** Float32 values to base64 of their little-endian bytes (the pack's `embedding` field). */
export function encodeFloat32Base64(values: ArrayLike<number>): string {
  return encodeBase64(float32ToBytesLE(values));
}

/** The inverse of {@link encodeFloat32Base64}; null when the text is not valid base64 of float32s. */
export function decodeFloat32Base64(text: string): Float32Array | null {
  const bytes = decodeBase64(text);
  return bytes === null ? null : bytesLEToFloat32(bytes);
}
