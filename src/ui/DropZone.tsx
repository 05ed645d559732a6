/** Drag and drop deposit files anywhere on the window. */
import { useEffect, useState } from 'react';
import { store } from '../state/store';
import { loadInto } from '../data/loadSource';

export function DropZone() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const files = e.dataTransfer?.files;
      if (files?.length) void loadInto(store, [...files]);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over ? <div className="dropzone">Drop a Veinscape deposit file (.json or .vsb), drill tables (.csv) or surface files (DXF, OBJ, GOCAD, Surpac, STL, glTF, OMF) to open them as a project</div> : null;
}
