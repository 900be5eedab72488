/**
 * Saving a file from the task pane: a Blob behind an `<a download>` clicked in code. Excel on the web
 * saves it as the browser would; Excel on Windows and on Mac may block downloads from the pane
 * without a word, so the pane always says what to do if no file appeared (strings.ts, calendarMade).
 */
export interface DownloadFile {
  fileName: string;
  text: string;
  /** The MIME type, e.g. "text/calendar". */
  type: string;
}

/** Start the download; false when the pane's browser refused outright (no Blob URLs, an exception). */
export type Download = (file: DownloadFile) => boolean;

export const downloadFile: Download = ({ fileName, text, type }) => {
  try {
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.rel = "noopener";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked a little later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch {
    return false;
  }
};
