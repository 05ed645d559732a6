/** Downloads of the project file and the 3D exports (the files themselves: src/api/projectFiles.ts). */
import { modelExport, projectFile } from '../api/projectFiles';
import { downloadBlob } from '../export/download';


export async function saveProject(form: 'json' | 'vsb'): Promise<void> {
  const f = await projectFile(form);
  downloadBlob(f.blob, f.name);
}

/** Downloads the export (OBJ: the .obj and its .mtl, two downloads). */
export async function exportModel(format: 'glb' | 'obj'): Promise<void> {
  for (const f of await modelExport(format)) downloadBlob(f.blob, f.name);
}
