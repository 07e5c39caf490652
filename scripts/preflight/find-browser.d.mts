export interface BrowserSearch {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
  listChromes?: () => string[];
}
export type FoundBrowser = { path: string; source: string } | { path: null; source: string; problem: string } | null;
export declare const EXTRA_BROWSER_PATHS: Readonly<Record<'linux' | 'darwin' | 'win32', readonly string[]>>;
export declare function isExecutable(path: string): boolean;
export declare function listChromeInstallations(): string[];
export declare function findBrowser(search?: BrowserSearch): FoundBrowser;
export declare function describeMissingBrowser(found: FoundBrowser, platform?: NodeJS.Platform): string;
