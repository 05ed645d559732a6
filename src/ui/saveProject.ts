/** Downloads of the project file and the 3D exports (the files themselves: src/api/projectFiles.ts). */
import { modelExport, projectFile } from '../api/projectFiles';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function saveProject(form: 'json' | 'vsb'): Promise<void> {
  const f = await projectFile(form);
  downloadBlob(f.blob, f.name);
}

/** Downloads the export (OBJ: the .obj and its .mtl, two downloads). */
export async function exportModel(format: 'glb' | 'obj'): Promise<void> {
  for (const f of await modelExport(format)) downloadBlob(f.blob, f.name);
}
