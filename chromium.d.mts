/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export declare const CHROMIUM_PATH: string;
/** The flags every tool here starts Chromium with (see chromium.mjs). */
export declare const CHROMIUM_ARGS: readonly string[];
