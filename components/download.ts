/** Saves chunks as a file the browser downloads: a Blob and an object URL, never markup. */
export function download(chunks: BlobPart[], mimeType: string, filename: string): void {
  const url = URL.createObjectURL(new Blob(chunks, { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser may still be reading the Blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
