/** Saving a file from the page: one place for the object-URL and <a download> dance. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the browser may still be reading it for the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A project or object name as a safe lower-case file-name part ("Rocmec 1 (Russian Kid)" → "rocmec-1-russian-kid"), or `fallback`. */
export function fileSlug(name: string | undefined, fallback: string): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** "rocmec-1-russian-kid-illustrative-model-3840x2160.png" */
export function exportFileName(projectName: string | undefined, width: number, height: number): string {
  return `${fileSlug(projectName, 'veinscape')}-${width}x${height}.png`;
}
