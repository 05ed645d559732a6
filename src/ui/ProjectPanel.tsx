/**
 * The project: its metadata, the objects imported from mining software (by file, with the
 * coordinate checks and their fixes), Save project and the 3D exports. Every edit makes a new
 * model that the worker prepares again; the camera stays where it was.
 */
import { useRef, useState } from 'react';
import { store, useVeinscape } from '../state/store';
import { loadInto, reloadModel } from '../data/loadSource';
import { editObject, fixFile, importedObjects, setObjectKind, type ObjectRow } from '../data/surfaces/edit';
import { fixParts, recordedFixParts } from '../data/surfaces/transform';
import { messageText } from '../i18n/messageText';
import type { Model } from '../data/model';
import type { ProjectT } from '../data/schema';
import { ObjectEditor } from './importedObjects/ObjectEditor';
import { captureView, applyView } from '../api/views';
import { ready } from '../api/ready';
import { exportModel, saveProject } from './saveProject';
import { DEFAULT_COLLAR_TOLERANCE } from '../data/topographyCheck';
import { useTranslation } from 'react-i18next';
import { localText, withLocalText } from '../i18n/localText';

/** Applies a new model and puts the camera, layers and zones back as they were (fault offsets follow the new slips). */
async function apply(next: Model): Promise<void> {
  const { faultOffsets: _offsets, ...view } = captureView('before edit');
  await reloadModel(store, next);
  // After the new dataset's first frame, or the camera would be fitted over the view put back.
  await ready();
  applyView(view, false);
}

const change = (f: (m: Model) => Model) => {
  const m = store.getState().model;
  if (m) void apply(f(m));
};

function MetaField({ label, aria, value, onCommit, multiline }: { label: string; aria: string; value: string; onCommit: (v: string) => void; multiline?: boolean }) {
  const [text, setText] = useState(value);
  const props = { 'aria-label': aria, value: text, onBlur: () => text !== value && onCommit(text) };
  return (
    <label className="row">
      <span>{label}</span>
      {multiline ? <textarea rows={2} {...props} onChange={(e) => setText(e.target.value)} /> : <input type="text" {...props} onChange={(e) => setText(e.target.value)} />}
    </label>
  );
}

function Metadata({ project }: { project: ProjectT }) {
  const set = (p: Partial<ProjectT>) => change((m) => ({ ...m, project: { ...m.project, ...p } }));
  const { t, i18n } = useTranslation('project');
  // A text the file gives in several languages is shown and edited in the user's language.
  const text = (field: 'name' | 'disclaimer' | 'qualifiedPerson') => localText(project, field, i18n.language);
  const setText = (field: 'name' | 'disclaimer' | 'qualifiedPerson', value: string | undefined) => change((m) => ({ ...m, project: withLocalText(m.project, field, value, i18n.language) }));
  return (
    <details>
      <summary>{t('details')}</summary>
      <MetaField key={`n${text('name')}`} label={t('meta.name')} aria={t('meta.nameAria')} value={text('name') ?? ''} onCommit={(name) => name && setText('name', name)} />
      <MetaField key={`c${project.crs.name}`} label={t('meta.crs')} aria={t('meta.crsAria')} value={project.crs.name} onCommit={(name) => set({ crs: { ...project.crs, name } })} />
      <MetaField key={`e${project.crs.code}`} label={t('meta.epsg')} aria={t('meta.epsgAria')} value={project.crs.code ?? ''} onCommit={(code) => set({ crs: { ...project.crs, code: code || undefined } })} />
      <MetaField key={`d${text('disclaimer')}`} label={t('meta.disclaimer')} aria={t('meta.disclaimerAria')} value={text('disclaimer') ?? ''} multiline onCommit={(disclaimer) => setText('disclaimer', disclaimer || undefined)} />
      <MetaField key={`q${text('qualifiedPerson')}`} label={t('meta.qp')} aria={t('meta.qpAria')} value={text('qualifiedPerson') ?? ''} multiline onCommit={(qualifiedPerson) => setText('qualifiedPerson', qualifiedPerson || undefined)} />
      <MetaField
        key={`t${project.collarTolerance}`}
        label={t('meta.collarTolerance')}
        aria={t('meta.collarToleranceAria')}
        value={String(project.collarTolerance ?? DEFAULT_COLLAR_TOLERANCE)}
        onCommit={(v) => Number(v) > 0 && set({ collarTolerance: Number(v) })}
      />
      <p className="hint">{t('unitsHint')}</p>
    </details>
  );
}

function FileObjects({ file, rows, model }: { file: string; rows: ObjectRow[]; model: Model }) {
  const summary = useVeinscape((s) => s.report?.files?.find((f) => f.file === file));
  const fixed = rows.some((r) => r.source.transform);
  const { t } = useTranslation('project');
  return (
    <details open={rows.length <= 4} data-testid="imported-file" data-file={file}>
      <summary>
        <strong>{file}</strong> · {rows[0].source.format} · {t('objects', { count: rows.length })}
      </summary>
      {!fixed && summary?.checks.map((c, i) => (
        <div key={i} className="check-row" data-testid="coordinate-check" data-kind={c.kind}>
          <p className="hint warn">{messageText(c)}</p>
          {c.fix && <button onClick={() => change((m) => fixFile(m, file, c.fix!))}>{t('applyFix', { fix: fixParts(c.fix).map(messageText).join('; ') })}</button>}
        </div>
      ))}
      {fixed && <p className="hint">{t('coordinatesFixed', { transform: recordedFixParts(rows[0].source.transform ?? '').map(messageText).join('; ') })}</p>}
      {rows.map((r) => (
        <ObjectEditor key={`${r.key}|${r.kind}|${r.name}`} row={r} zones={model.zones} onKind={(k) => change((m) => setObjectKind(m, r.key, k))} onEdit={(e) => change((m) => editObject(m, r.key, e))} />
      ))}
    </details>
  );
}

export function ProjectPanel() {
  const model = useVeinscape((s) => s.model);
  const embed = useVeinscape((s) => s.embed);
  const addInput = useRef<HTMLInputElement>(null);
  const { t } = useTranslation('project');
  if (!model || embed) return null;
  const rows = importedObjects(model);
  const byFile = new Map<string, ObjectRow[]>();
  for (const r of rows) byFile.set(r.source.file, [...(byFile.get(r.source.file) ?? []), r]);
  return (
    <section className="panel project-panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <Metadata key={model.project.name} project={model.project} />
      {byFile.size > 0 && <h3>{t('importedObjects')}</h3>}
      {[...byFile].map(([file, r]) => <FileObjects key={file} file={file} rows={r} model={model} />)}
      <input
        ref={addInput}
        type="file"
        multiple
        hidden
        data-testid="add-files"
        accept=".dxf,.obj,.mtl,.ts,.ml,.pl,.str,.dtm,.stl,.glb,.gltf,.bin,.omf"
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = '';
          if (files.length) void loadInto(store, files, { project: 'add' });
        }}
      />
      {/* Nothing is added to the illustrative sample: open your own files to start a project. */}
      {!model.project.illustrative && (
        <button className="wide" onClick={() => addInput.current?.click()} title={t('addFilesTitle')}>
          {t('addFiles')}
        </button>
      )}
      <div className="buttons">
        <button onClick={() => void saveProject('json')} data-testid="save-json" title={t('saveJsonTitle')}>{t('saveProject')}</button>
        <button onClick={() => void saveProject('vsb')} title={t('saveVsbTitle')} data-testid="save-project-vsb">{t('saveVsb')}</button>
      </div>
      <div className="buttons">
        <button onClick={() => void exportModel('glb')} title={t('exportGlbTitle')} data-testid="export-glb">{t('exportGlb')}</button>
        <button onClick={() => void exportModel('obj')} title={t('exportObjTitle')} data-testid="export-obj">{t('exportObj')}</button>
      </div>
    </section>
  );
}
