/**
 * One imported object in the import panel: name, kind, zone and vein system, colour, opacity; for
 * a fault its moving side and slip; for a resource outline its category. Each change is applied
 * to the project at once (selects, colour) or when the field is left (text, numbers).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../../i18n/localText';
import type { TFunction } from 'i18next';
import type { ObjectEdit, ObjectRow } from '../../data/surfaces/edit';
import { LINE_KINDS, SURFACE_KINDS, type ObjectKind } from '../../data/surfaces/assemble';
import type { ZoneT } from '../../data/schema';
import { FAULT_OPACITY, KIND_OPACITY } from '../../state/layerStyle';

const SIDES = ['hangingwall', 'footwall', 'east', 'west', 'north', 'south'] as const;

interface Props {
  row: ObjectRow;
  zones: ZoneT[];
  onKind: (kind: ObjectKind) => void;
  onEdit: (edit: ObjectEdit) => void;
}

/** A number field that commits on blur or Enter. */
function NumberField({ label, aria, value, onCommit, unit }: { label: string; aria: string; value: number; onCommit: (v: number) => void; unit: string }) {
  const [text, setText] = useState(String(value));
  const commit = () => {
    const v = Number(text.replace(',', '.'));
    if (Number.isFinite(v) && v !== value) onCommit(v);
    else setText(String(value));
  };
  return (
    <label className="row">
      <span>{label}</span>
      <input type="text" inputMode="decimal" aria-label={aria} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      <span className="unit">{unit}</span>
    </label>
  );
}

function counts(row: ObjectRow, t: TFunction<'objects'>): string {
  const attrs = row.attributes.length ? ` · ${t('attributes', { list: row.attributes.join(', ') })}` : '';
  if (row.type === 'mesh') return `${t('vertices', { count: row.vertices })}, ${t('triangles', { count: row.triangles })}${attrs}`;
  if (row.type === 'points') return t('points', { count: row.vertices });
  return `${t('lines', { count: row.lines })}, ${t('vertices', { count: row.vertices })}`;
}

export function ObjectEditor({ row, zones, onKind, onEdit }: Props) {
  const [name, setName] = useState(row.name);
  const kinds = row.type === 'mesh' ? SURFACE_KINDS : row.type === 'lines' ? LINE_KINDS : (['other'] as ObjectKind[]);
  const slip = row.fault && 'strikeSlip' in row.fault.slip ? row.fault.slip : null;
  const vector = row.fault && 'vector' in row.fault.slip ? row.fault.slip.vector : null;
  const label = row.name;
  const { t, i18n } = useTranslation('objects');
  return (
    <div className="imported-object" data-testid="imported-object" data-name={row.source.object}>
      <label className="row">
        <span>{t('name')}</span>
        <input type="text" aria-label={t('nameOf', { name: label })} value={name} onChange={(e) => setName(e.target.value)} onBlur={() => name && name !== row.name && onEdit({ name })} onKeyDown={(e) => e.key === 'Enter' && name && name !== row.name && onEdit({ name })} />
      </label>
      <p className="hint">{row.source.object} · {counts(row, t)}{row.source.transform ? ` · ${row.source.transform}` : ''}</p>
      <label className="row">
        <span>{t('kind')}</span>
        <select aria-label={t('kindOf', { name: label })} value={row.kind} disabled={kinds.length < 2} onChange={(e) => onKind(e.target.value as ObjectKind)}>
          {kinds.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
        </select>
        <input type="color" aria-label={t('colourOf', { name: label })} value={row.color} onChange={(e) => onEdit({ color: e.target.value })} />
      </label>
      {row.type === 'mesh' && row.kind !== 'fault' && (
        <>
          <label className="row">
            <span>{t('zone')}</span>
            <select aria-label={t('zoneOf', { name: label })} value={row.zoneId ?? ''} onChange={(e) => onEdit({ zoneId: e.target.value })}>
              {zones.filter((z) => z.kind !== 'topography' || z.id === row.zoneId).map((z) => <option key={z.id} value={z.id}>{z.id === row.zoneId && z.id.startsWith('zone-') ? t('ownZone', { zone: localText(z, 'name', i18n.language) }) : localText(z, 'name', i18n.language)}</option>)}
            </select>
          </label>
          <label className="row">
            <span>{t('system')}</span>
            <input type="text" aria-label={t('systemOf', { name: label })} defaultValue={row.system ?? ''} onBlur={(e) => e.target.value !== (row.system ?? '') && onEdit({ system: e.target.value })} />
          </label>
        </>
      )}
      {row.type === 'mesh' && (
        <label className="row">
          <span>{t('opacity')}</span>
          <input type="range" min={0.05} max={1} step={0.05} aria-label={t('opacityOf', { name: label })} defaultValue={row.opacity ?? (row.kind === 'fault' ? FAULT_OPACITY : KIND_OPACITY[row.kind] ?? 1)} onPointerUp={(e) => onEdit({ opacity: Number((e.target as HTMLInputElement).value) })} onKeyUp={(e) => onEdit({ opacity: Number((e.target as HTMLInputElement).value) })} />
        </label>
      )}
      {row.fault && (
        <>
          <label className="row">
            <span>{t('movingSide')}</span>
            <select aria-label={t('movingSideOf', { name: label })} value={row.fault.movingSide} onChange={(e) => onEdit({ movingSide: e.target.value as (typeof SIDES)[number] })}>
              {SIDES.map((s) => <option key={s} value={s}>{t(`sides.${s}`)}</option>)}
            </select>
          </label>
          <label className="row">
            <span>{t('slipForm')}</span>
            <select aria-label={t('slipFormOf', { name: label })} value={vector ? 'vector' : 'components'} onChange={(e) => onEdit({ slip: e.target.value === 'vector' ? { vector: [0, 0, 0] } : { strikeSlip: 0, dipSlip: 0 } })}>
              <option value="components">{t('components')}</option>
              <option value="vector">{t('vector')}</option>
            </select>
          </label>
          {slip && (
            <>
              <NumberField label={t('strikeSlip')} aria={t('strikeSlipOf', { name: label })} value={slip.strikeSlip} unit="m" onCommit={(v) => onEdit({ slip: { strikeSlip: v, dipSlip: slip.dipSlip } })} />
              <NumberField label={t('dipSlip')} aria={t('dipSlipOf', { name: label })} value={slip.dipSlip} unit="m" onCommit={(v) => onEdit({ slip: { strikeSlip: slip.strikeSlip, dipSlip: v } })} />
              <p className="hint">{t('slipHint')}</p>
            </>
          )}
          {vector &&
            (['ΔE', 'ΔN', 'ΔZ'] as const).map((axis, k) => (
              <NumberField key={axis} label={axis} aria={t('slipAxisOf', { name: label, axis })} value={vector[k]} unit="m" onCommit={(v) => onEdit({ slip: { vector: vector.map((x, j) => (j === k ? v : x)) as [number, number, number] } })} />
            ))}
        </>
      )}
      {row.kind === 'resource' && (
        <label className="row">
          <span>{t('category')}</span>
          <select aria-label={t('categoryOf', { name: label })} value={row.category ?? 'inferred'} onChange={(e) => onEdit({ category: e.target.value as 'measured' | 'indicated' | 'inferred' })}>
            {(['measured', 'indicated', 'inferred'] as const).map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}
