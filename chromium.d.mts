/** The browser to drive: CHROMIUM_PATH, else an installed Chrome, Chromium or Edge; '' when none. */
export declare const CHROMIUM_PATH: string;
/** The flags every tool here starts Chromium with (see chromium.mjs). */
export declare const CHROMIUM_ARGS: readonly string[];
/** The browser's path, or throws an Error saying what is missing and how to install or point at one. */
export declare function requireChromiumPath(): string;
