/**
 * Names from files printed to a terminal. A group or label name can hold control characters: an
 * escape sequence that recolours or clears the terminal, a carriage return that overwrites the
 * line, or a bidirectional override that shows text in another order than it is stored
 * ("Trojan Source"). Printed, each becomes a visible escape instead.
 */

/** C0 and C1 controls, DEL, line/paragraph separators and the bidirectional embeddings, overrides and isolates. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character written as `\xHH` or `\uHHHH`, so it shows and does nothing. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
