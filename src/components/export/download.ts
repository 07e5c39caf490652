/**
 * Saving what a view shows: a blob URL clicked through an <a download>, revoked afterwards.
 * Nothing leaves the page except into the user's own downloads folder.
 */

/** Saves `blob` under `filename` through a temporary object URL. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the URL asynchronously after click(); revoke once it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name made safe from a title: "The gap: FMR" -> "the-gap-fmr". */
export function slugify(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'facegap';
}
