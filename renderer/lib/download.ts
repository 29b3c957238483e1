// A text handed to the browser as a file download (the journal's JSON Lines, a saved world's YAML).

/** Saves `text` as `fileName` through a temporary link; the object URL is revoked once the click has taken it. */
export function downloadText(fileName: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the data once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
