/**
 * After a CSV import: what each file was taken for, the column mapping (changeable), the dip
 * sign (detected, switchable) and the length unit; "Import again" applies the changes.
 */
import { useState } from 'react';
import { store, useVeinscape } from '../state/store';
import { importCsvInto } from '../data/loadSource';
import type { ColumnMapping, ColumnRole, ImportOptions } from '../data/csv';
import { count } from './format';

const ROLES: Record<string, ColumnRole[]> = {
  collar: ['hole', 'east', 'north', 'elevation', 'depth', 'azimuth', 'dip', 'program', 'year', 'type', 'status'],
  survey: ['hole', 'depth', 'azimuth', 'dip', 'inclination'],
  interval: ['hole', 'from', 'to', 'au'],
  unknown: ['hole'],
};
const ROLE_LABEL: Record<ColumnRole, string> = {
  hole: 'Hole id', east: 'Easting', north: 'Northing', elevation: 'Elevation', depth: 'Depth', azimuth: 'Azimuth', dip: 'Dip',
  inclination: 'Inclination', from: 'From', to: 'To', au: 'Au', program: 'Program', year: 'Year', type: 'Type', status: 'Status',
};

export function ImportPanel() {
  const info = useVeinscape((s) => s.csvImport);
  const [mapping, setMapping] = useState<Record<string, ColumnMapping>>({});
  const [dip, setDip] = useState<ImportOptions['dipSign']>(undefined);
  const [unit, setUnit] = useState<ImportOptions['lengthUnit']>(undefined);
  if (!info) return null;
  const apply = () => {
    const options: ImportOptions = { ...info.options, mapping: { ...info.options.mapping, ...mapping } };
    if (dip) options.dipSign = dip;
    if (unit) options.lengthUnit = unit;
    // Surfaces imported with the tables stay in the project.
    void importCsvInto(store, info.files, options, { keepImported: true });
  };
  return (
    <section className="panel import" aria-label="Import">
      <h2>Imported tables</h2>
      {info.tables.map((t) => (
        <details key={t.file} open={info.tables.length <= 3}>
          <summary>
            <strong>{t.file}</strong> · {t.kind} · {count(t.loaded)} of {count(t.rows)} rows
          </summary>
          {(ROLES[t.kind] ?? []).map((role) => (
            <label key={role} className="row">
              <span>{ROLE_LABEL[role]}</span>
              <select
                aria-label={`${t.file} ${ROLE_LABEL[role]} column`}
                value={mapping[t.file]?.[role] ?? t.mapping[role] ?? ''}
                onChange={(e) => setMapping({ ...mapping, [t.file]: { ...mapping[t.file], [role]: e.target.value } })}
              >
                <option value="">—</option>
                {t.headers.map((h) => <option key={h} value={h}>{h}</option>)}
              </select>
            </label>
          ))}
          {t.columns.length > 0 && <p className="hint">Values: {t.columns.map((c) => `${c.name}${c.unit ? ` (${c.unit})` : ''}`).join(', ')}</p>}
        </details>
      ))}
      <label className="row">
        <span>Dip sign</span>
        <select aria-label="Dip sign" value={dip ?? info.dipSign.used} onChange={(e) => setDip(e.target.value as ImportOptions['dipSign'])}>
          <option value="negative-down">negative down</option>
          <option value="positive-down">positive down</option>
        </select>
      </label>
      <p className="hint" data-testid="dip-evidence">Detected: {info.dipSign.detected} ({info.dipSign.evidence})</p>
      <label className="row">
        <span>Lengths</span>
        <select aria-label="Length unit" value={unit ?? info.lengthUnit} onChange={(e) => setUnit(e.target.value as ImportOptions['lengthUnit'])}>
          <option value="m">metres</option>
          <option value="ft">feet (converted to m)</option>
        </select>
      </label>
      <button className="wide" onClick={apply}>Import again with these settings</button>
    </section>
  );
}
