/**
 * TEMPORARY mount of the long section until it is wired into the top bar: a "Long section" toggle
 * button floating at the top-left of the 3D view, and the panel. Remove this file (and its line in
 * App.tsx) once the top bar has its own "Long section" button.
 */
import { useState } from 'react';
import { LongSection } from '../LongSection';

export function LongSectionLauncher() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        className={`ls-launcher${open ? ' on' : ''}`} aria-pressed={open} onClick={() => setOpen(!open)}
        title="Vertical longitudinal projection onto a vein system's mean plane"
        style={{ position: 'absolute', left: 12, top: 12, zIndex: 5 }}
      >
        Long section
      </button>
      {open && <LongSection onClose={() => setOpen(false)} />}
    </>
  );
}
