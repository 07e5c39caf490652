/** Path handling shared by the parsers: normalising, image detection, CSV entry -> file matching. */

const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|bmp|gif|avif)$/i;

/** Backslashes to "/", no leading "./" or "/", no empty segments. */
export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.').join('/');
}

/** Whether the name ends like a photo the browser can decode. */
export function isImagePath(path: string): boolean {
  return IMAGE_EXTENSIONS.test(path);
}

/** Last segment of a path. */
export function baseName(path: string): string {
  const clean = normalisePath(path);
  return clean.slice(clean.lastIndexOf('/') + 1);
}

/** Folder segments of a path, without the file name. */
export function folderSegments(path: string): string[] {
  return normalisePath(path).split('/').slice(0, -1);
}

function isSegmentSuffix(longer: string, shorter: string): boolean {
  return longer === shorter || longer.endsWith(`/${shorter}`);
}

/** Outcome of matching one label-file entry to the photos that were chosen. */
export type FileMatch = { kind: 'found'; file: string } | { kind: 'missing' } | { kind: 'ambiguous'; candidates: string[] };

/**
 * Matches label-file paths to chosen photo paths. The two may be rooted differently (a CSV says
 * "images/a.jpg", the browser reports "utkface-600/images/a.jpg", the CLI "a.jpg"), so an entry
 * matches a photo when one path ends with the other at a folder boundary.
 */
export function createFileMatcher(files: readonly string[]): (entry: string) => FileMatch {
  const byBaseName = new Map<string, string[]>();
  for (const file of files) {
    const name = baseName(file);
    byBaseName.set(name, [...(byBaseName.get(name) ?? []), normalisePath(file)]);
  }
  return (entry) => {
    const wanted = normalisePath(entry);
    const candidates = (byBaseName.get(baseName(wanted)) ?? []).filter(
      (file) => isSegmentSuffix(file, wanted) || isSegmentSuffix(wanted, file),
    );
    if (candidates.length === 1) return { kind: 'found', file: candidates[0] };
    if (candidates.includes(wanted)) return { kind: 'found', file: wanted };
    return candidates.length === 0 ? { kind: 'missing' } : { kind: 'ambiguous', candidates };
  };
}
