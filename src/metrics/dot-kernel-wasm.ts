/**
 * A 4 x 2 register-blocked dot-product kernel in WebAssembly SIMD (128-bit), assembled here from
 * opcodes. It reads float32 embeddings and accumulates in float64 (f64x2 lanes): the product of
 * two float32 values is exact in float64, so each dot product carries only float64 rounding of its
 * sums (about 1e-16 relative), and a decision `score >= t` agrees with the pair-by-pair
 * `computeSimilarity` for every pair not within about 1e-12 of t (float32 lanes were off by up to
 * 1e-5 in score). Assembled so the app ships no binary blob and needs no toolchain. Plain JavaScript has
 * no SIMD and tops out near 2x the pair-by-pair loop; this kernel is what makes all-pairs scoring
 * fast. Opcodes: WebAssembly core spec 2.0, sections 5.4 (instructions) and 5.5 (modules).
 */

/** Bytes of input (4 f32) consumed per step of the k loop. */
const VECTOR_BYTES = 16;
/** Bytes of 2 f32, the half of a step that one f64x2 holds after promotion. */
const HALF_BYTES = 8;
/** Rows of A and columns of B per register block; `na` must be a multiple of 4, `nb` of 2. */
export const KERNEL_ROWS = 4;
/** Columns of B per register block. */
export const KERNEL_COLUMNS = 2;

/** The kernel's exports. */
export interface DotKernel {
  /** The module's memory: the caller writes rows and reads results through it. */
  readonly memory: WebAssembly.Memory;
  /**
   * For rows r < na at byte offset `a` and rows c < nb at byte offset `b` (each `dim` f32, dim a
   * multiple of 4), writes the 2 float64 partial sums of dot(A_r, B_c) as f64x2 at
   * `out + (r * nb + c) * 16`; the caller adds the 2 lanes.
   */
  readonly dots: (a: number, na: number, b: number, nb: number, dim: number, out: number) => void;
}

/** Unsigned LEB128. */
function encodeUnsigned(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** A section: id, byte length, content. */
function encodeSection(id: number, content: number[]): number[] {
  return [id, ...encodeUnsigned(content.length), ...content];
}

const I32 = 0x7f;
const V128 = 0x7b;
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const i32Const = (v: number) => [0x41, v]; // only small non-negative constants below 64
const I32_ADD = 0x6a;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const I32_GE_U = 0x4f;
const I32_LT_U = 0x49;
const simd = (op: number) => [0xfd, ...encodeUnsigned(op)];
const V128_STORE = (offset: number) => [...simd(0x0b), 4, ...encodeUnsigned(offset)];
/** v128.load64_zero: 2 f32 into the low half, zeros above; then f64x2.promote_low_f32x4. */
const LOAD_HALF_AS_F64X2 = (offset: number) => [...simd(0x5d), 3, ...encodeUnsigned(offset), ...simd(0x5f)];
const V128_ZERO = [...simd(0x0c), ...new Array(16).fill(0)];
const F64X2_ADD = simd(0xf0);
const F64X2_MUL = simd(0xf2);

// Parameters 0..5: a, na, b, nb, dim, out. Then i32 locals 6..17, v128 locals 18..31.
const [A, NA, B, NB, DIM, OUT] = [0, 1, 2, 3, 4, 5];
const [ROW_BYTES, R, C, K, PA0, PB0, PB1, P, ROW_STRIDE] = [6, 7, 8, 9, 10, 14, 15, 16, 17];
const ACC = 18; // acc(ri, cj) = 18 + ri * 2 + cj, each an f64x2
const [X_LOW, X_HIGH, Y0_LOW, Y0_HIGH, Y1_LOW, Y1_HIGH] = [26, 27, 28, 29, 30, 31];
const V128_LOCALS = 14;

/** Body of `dots`: loops r (step 4), c (step 2), k (step 16 bytes) around 8 f64x2 accumulators. */
function assembleDotsBody(): number[] {
  const code: number[] = [];
  const emit = (...parts: (number | number[])[]): void => {
    for (const part of parts) Array.isArray(part) ? code.push(...part) : code.push(part);
  };
  emit(get(DIM), i32Const(2), I32_SHL, set(ROW_BYTES));
  emit(get(NB), i32Const(4), I32_SHL, set(ROW_STRIDE));
  emit(i32Const(0), set(R));
  emit(0x02, 0x40, 0x03, 0x40); // block, loop (rows)
  emit(get(R), get(NA), I32_GE_U, 0x0d, 1);
  emit(i32Const(0), set(C));
  emit(0x02, 0x40, 0x03, 0x40); // block, loop (columns)
  emit(get(C), get(NB), I32_GE_U, 0x0d, 1);
  emit(get(A), get(R), get(ROW_BYTES), I32_MUL, I32_ADD, set(PA0));
  for (let ri = 1; ri < KERNEL_ROWS; ri++) emit(get(PA0 + ri - 1), get(ROW_BYTES), I32_ADD, set(PA0 + ri));
  emit(get(B), get(C), get(ROW_BYTES), I32_MUL, I32_ADD, set(PB0));
  emit(get(PB0), get(ROW_BYTES), I32_ADD, set(PB1));
  for (let acc = 0; acc < KERNEL_ROWS * KERNEL_COLUMNS; acc++) emit(V128_ZERO, set(ACC + acc));
  emit(i32Const(0), set(K));
  emit(0x03, 0x40); // loop (k)
  emit(get(PB0), get(K), I32_ADD, LOAD_HALF_AS_F64X2(0), set(Y0_LOW));
  emit(get(PB0), get(K), I32_ADD, LOAD_HALF_AS_F64X2(HALF_BYTES), set(Y0_HIGH));
  emit(get(PB1), get(K), I32_ADD, LOAD_HALF_AS_F64X2(0), set(Y1_LOW));
  emit(get(PB1), get(K), I32_ADD, LOAD_HALF_AS_F64X2(HALF_BYTES), set(Y1_HIGH));
  for (let ri = 0; ri < KERNEL_ROWS; ri++) {
    emit(get(PA0 + ri), get(K), I32_ADD, LOAD_HALF_AS_F64X2(0), set(X_LOW));
    emit(get(PA0 + ri), get(K), I32_ADD, LOAD_HALF_AS_F64X2(HALF_BYTES), set(X_HIGH));
    for (const [cj, yLow, yHigh] of [[0, Y0_LOW, Y0_HIGH], [1, Y1_LOW, Y1_HIGH]]) {
      const acc = ACC + ri * 2 + cj;
      emit(get(acc), get(X_LOW), get(yLow), F64X2_MUL, F64X2_ADD, get(X_HIGH), get(yHigh), F64X2_MUL, F64X2_ADD, set(acc));
    }
  }
  emit(get(K), i32Const(VECTOR_BYTES), I32_ADD, set(K));
  emit(get(K), get(ROW_BYTES), I32_LT_U, 0x0d, 0, 0x0b); // br_if k-loop, end
  // p = out + (r * nb + c) * 16; each row of the block is ROW_STRIDE further on.
  emit(get(OUT), get(R), get(NB), I32_MUL, get(C), I32_ADD, i32Const(4), I32_SHL, I32_ADD, set(P));
  for (let ri = 0; ri < KERNEL_ROWS; ri++) {
    emit(get(P), get(ACC + ri * 2), V128_STORE(0));
    emit(get(P), get(ACC + ri * 2 + 1), V128_STORE(VECTOR_BYTES));
    if (ri < KERNEL_ROWS - 1) emit(get(P), get(ROW_STRIDE), I32_ADD, set(P));
  }
  emit(get(C), i32Const(KERNEL_COLUMNS), I32_ADD, set(C), 0x0c, 0, 0x0b, 0x0b); // br column loop; end end
  emit(get(R), i32Const(KERNEL_ROWS), I32_ADD, set(R), 0x0c, 0, 0x0b, 0x0b); // br row loop; end end
  emit(0x0b); // end of function
  return code;
}

/** Assembles the whole module: one function `dots`, one exported growable memory. */
export function assembleDotKernelModule(): Uint8Array<ArrayBuffer> {
  const locals = [2, 12, I32, V128_LOCALS, V128];
  const body = [...locals, ...assembleDotsBody()];
  const name = (text: string) => [...encodeUnsigned(text.length), ...Array.from(text, (ch) => ch.charCodeAt(0))];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...encodeSection(1, [1, 0x60, 6, I32, I32, I32, I32, I32, I32, 0]),
    ...encodeSection(3, [1, 0]),
    ...encodeSection(5, [1, 0, 1]),
    ...encodeSection(7, [2, ...name('dots'), 0, 0, ...name('memory'), 2, 0]),
    ...encodeSection(10, [1, ...encodeUnsigned(body.length), ...body]),
  ];
  return new Uint8Array(bytes);
}

let cachedModule: WebAssembly.Module | null | undefined;

/**
 * Instantiates the kernel, or returns null where WebAssembly SIMD is missing or refused (for
 * example by a Content-Security-Policy without 'wasm-unsafe-eval'); callers then use plain JS.
 */
export function createDotKernel(): DotKernel | null {
  try {
    if (cachedModule === undefined) {
      const bytes = assembleDotKernelModule();
      cachedModule = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    }
    if (cachedModule === null) return null;
    const instance = new WebAssembly.Instance(cachedModule, {});
    return instance.exports as unknown as DotKernel;
  } catch {
    cachedModule = null;
    return null;
  }
}
