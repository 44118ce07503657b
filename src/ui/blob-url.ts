/**
 * What the vault page hands to the browser as a blob URL: a file to download, or a document to
 * show in a tab. A blob URL keeps its decrypted bytes alive — in memory, or paged out to the
 * profile's blob_storage folder on disk when large — until it is revoked, so each is revoked as
 * soon as the browser has taken them, not when the page closes.
 */

/** Time for a download to pick up its blob: revoking in the same task can cancel it in Firefox. */
const DOWNLOAD_HANDOFF_MS = 2_000;
/** The longest a tab may take to load a document before its URL is revoked anyway. */
const SHOW_MAX_MS = 60_000;
const POLL_MS = 250;

/** Starts the browser's download of a blob under a file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_HANDOFF_MS);
}

/** Saves bytes or text as a file through the browser's download. */
export function saveFile(content: Uint8Array | string, fileName: string, type: string): void {
  saveBlob(new Blob([content as BlobPart], { type }), fileName);
}

/**
 * Shows a blob in `tab` (opened inside the click, so it is not blocked as a pop-up), or in a new
 * tab; the URL is revoked once the tab has loaded the document (the viewer then holds it).
 */
export function showBlob(tab: Window | null, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  if (tab) tab.location.href = url;
  const shown = tab ?? window.open(url, '_blank');
  const started = Date.now();
  const loaded = (): boolean => {
    if (!shown || shown.closed) return true;
    try {
      return shown.location.href === url && shown.document.readyState === 'complete';
    } catch {
      // The tab went elsewhere (another origin): it no longer needs the URL.
      return true;
    }
  };
  const timer = setInterval(() => {
    if (!loaded() && Date.now() - started < SHOW_MAX_MS) return;
    clearInterval(timer);
    URL.revokeObjectURL(url);
  }, POLL_MS);
}
