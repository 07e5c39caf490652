/**
 * A QR code as one SVG path (one unit square per dark module), drawn by qrcode-generator in the
 * page: no network, no canvas. Pure apart from the library.
 */
import qrcode from 'qrcode-generator';

/** A QR code's modules as an SVG path `d`, and its size in modules (without the quiet zone). */
export interface QrPath {
  d: string;
  modules: number;
}

/** Encodes `text` (byte mode, error correction M: survives a projector's glare and a shaky phone). */
export function buildQrPath(text: string): QrPath {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const modules = code.getModuleCount();
  let d = '';
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) if (code.isDark(row, col)) d += `M${col} ${row}h1v1h-1z`;
  }
  return { d, modules };
}
