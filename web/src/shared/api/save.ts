// Hands a downloaded Blob to the browser as a file.
import type { Download } from './client';

export function saveDownload({ blob, filename }: Download, fallback: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename ?? fallback;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
