/**
 * The project file and the 3D exports as blobs (downloaded by src/ui/saveProject.ts, returned by
 * window.veinscape). Save project: the whole dataset on screen (drill tables, imported surfaces and lines with their
 * kinds, colours and provenance, faults with their slip, metadata) and every saved view, as the
 * Veinscape JSON or its binary form (.vsb, for large projects). Opening the file gives back the
 * same scene.
 */
import { store } from '../state/store';
import { modelToDocument, textsInPlace } from '../data/serialize';
import { allViews } from '../state/slices/views';
import type { DepositInput } from '../data/schema';

export function projectDocument(): DepositInput {
  const s = store.getState();
  if (!s.model) throw new Error('no dataset loaded');
  // The file keeps every saved view: the dataset's own and those saved in this browser.
  return { ...modelToDocument(s.model), views: allViews(s).map(textsInPlace) };
}

export function projectFileName(ext: string): string {
  const name = (store.getState().model?.project.name || 'deposit').replace(/[^\w.-]+/g, '_').slice(0, 60);
  return `${name}.veinscape.${ext}`;
}

export interface NamedBlob {
  name: string;
  blob: Blob;
}

/** The project file as JSON or in the binary form. */
export async function projectFile(form: 'json' | 'vsb'): Promise<NamedBlob> {
  const doc = projectDocument();
  if (form === 'json') return { name: projectFileName('json'), blob: new Blob([JSON.stringify(doc)], { type: 'application/json' }) };
  const { encodeDeposit } = await import('../data/binary/encode');
  const bytes = encodeDeposit(doc).bytes;
  return { name: projectFileName('vsb'), blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }) };
}

/** What is on screen as glTF binary, or as OBJ with its MTL. */
export async function modelExport(format: 'glb' | 'obj'): Promise<NamedBlob[]> {
  const [{ collectExportScene }, { writeGlb, writeObj, exportFileNames }] = await Promise.all([import('../export/collectScene'), import('../export/meshExport')]);
  const scene = collectExportScene(store.getState());
  const names = exportFileNames(scene.project);
  if (format === 'glb') return [{ name: names.glb, blob: new Blob([await writeGlb(scene)], { type: 'model/gltf-binary' }) }];
  const { obj, mtl } = writeObj(scene, names.mtl);
  return [{ name: names.obj, blob: new Blob([obj], { type: 'text/plain' }) }, { name: names.mtl, blob: new Blob([mtl], { type: 'text/plain' }) }];
}
