/** Drag and drop deposit files anywhere on the window (an exported PNG: checked against the loaded data, src/api/verify.ts). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openFiles } from '../api/verify';

export function DropZone() {
  const [over, setOver] = useState(false);
  const { t } = useTranslation('drop');
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
      if (files?.length) void openFiles([...files]);
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
  return over ? <div className="dropzone">{t('hint')}</div> : null;
}
