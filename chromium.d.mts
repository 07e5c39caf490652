/** The browser to drive: CHROMIUM_PATH, else an installed Chrome, Chromium or Edge; '' when none. */
export declare const CHROMIUM_PATH: string;
/** The flags every tool here starts Chromium with (see chromium.mjs). */
export declare const CHROMIUM_ARGS: readonly string[];
