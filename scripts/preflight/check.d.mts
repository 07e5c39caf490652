import type { BrowserSearch } from './find-browser.mjs';
export declare function checkNodeVersion(version?: string, range?: string): string | null;
export declare function checkBrowser(search?: BrowserSearch): string | null;
