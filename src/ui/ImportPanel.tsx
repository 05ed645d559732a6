/**
 * After a CSV import: what each file was taken for and how it was read (delimiter, decimal
 * separator, encoding), the column mapping, the dip sign and the length unit. Every setting shows
 * what was detected and whether the user changed it. The settings belong to the file set they were
 * made for: opening another set starts again from what is detected in it. "Import again" applies
 * only the changes the user made, listed before and after.
 */
import { useState } from 'react';
import { store, useVeinscape } from '../state/store';
import { importCsvInto } from '../data/loadSource';
import type { ColumnMapping, ColumnRole, DipSign, ImportOptions, LengthUnit } from '../data/csv';
import type { CsvImportInfo } from '../data/worker-protocol';
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
const UNIT_LABEL: Record<LengthUnit, string> = { m: 'metres', ft: 'feet' };
const DIP_LABEL: Record<DipSign, string> = { 'negative-down': 'negative down', 'positive-down': 'positive down' };
const column = (h: string | undefined) => (h ? h : 'none');

/** Changes made in the panel and not yet applied. */
interface Edits {
  mapping: Record<string, ColumnMapping>;
  dip?: DipSign;
  unit?: LengthUnit;
}

export function ImportPanel() {
  const info = useVeinscape((s) => s.csvImport);
  if (!info) return null;
  // One settings state per file set: a new set never shows or applies the last set's choices.
  return <ImportSettings key={info.fileSet} info={info} />;
}

/** The pending edits that differ from what the shown import used, described for people. */
function describeEdits(info: CsvImportInfo, e: Edits): string[] {
  const out: string[] = [];
  for (const t of info.tables) {
    for (const [role, h] of Object.entries(e.mapping[t.file] ?? {}) as [ColumnRole, string][]) {
      if (h !== (t.mapping[role] ?? '')) out.push(`${t.file} ${ROLE_LABEL[role]}: ${column(t.mapping[role])} → ${column(h)}`);
    }
  }
  if (e.dip && e.dip !== info.dipSign.used) out.push(`dip sign: ${DIP_LABEL[info.dipSign.used]} → ${DIP_LABEL[e.dip]}`);
  if (e.unit && e.unit !== info.lengthUnit) out.push(`lengths: ${UNIT_LABEL[info.lengthUnit]} → ${UNIT_LABEL[e.unit]}`);
  return out;
}

function ImportSettings({ info }: { info: CsvImportInfo }) {
  // Edits belong to the import on screen; once it is replaced (Import again), they start empty.
  const [edits, setEdits] = useState<Edits & { for: CsvImportInfo }>({ for: info, mapping: {} });
  const [applied, setApplied] = useState<string[] | null>(null);
  const e: Edits = edits.for === info ? edits : { mapping: {} };
  const edit = (next: Edits) => setEdits({ ...next, for: info });
  const pending = describeEdits(info, e);
  const detectedDip: DipSign = info.dipSign.detected === 'none' ? 'negative-down' : info.dipSign.detected;
  const o = info.options;
  const explicit = !!o.lengthUnit || (!!o.dipSign && o.dipSign !== 'auto') || Object.values(o.mapping ?? {}).some((m) => Object.keys(m).length > 0);

  const reimport = (options: ImportOptions, what: string[]) => {
    setApplied(what);
    // Surfaces imported with the tables stay in the project.
    void importCsvInto(store, info.files, options, { keepImported: true, fileSet: info.fileSet });
  };
  const apply = () => {
    // Only explicit changes: the options this import was made with, plus the edits.
    const mapping: Record<string, ColumnMapping> = { ...info.options.mapping };
    for (const [file, m] of Object.entries(e.mapping)) mapping[file] = { ...mapping[file], ...m };
    const options: ImportOptions = { ...info.options, mapping };
    if (e.dip) options.dipSign = e.dip;
    if (e.unit) options.lengthUnit = e.unit;
    reimport(options, pending);
  };

  return (
    <section className="panel import" aria-label="Import">
      <h2>Imported tables</h2>
      {info.tables.map((t) => (
        <details key={t.file} open={info.tables.length <= 3}>
          <summary>
            <strong>{t.file}</strong> · {t.kind} · {count(t.loaded)} of {count(t.rows)} rows
          </summary>
          <p className="hint" data-testid="table-format">Read as {t.format}</p>
          {(ROLES[t.kind] ?? []).map((role) => {
            const used = t.mapping[role] ?? '';
            const detected = t.detectedMapping[role] ?? '';
            return (
              <label key={role} className="row">
                <span>{ROLE_LABEL[role]}</span>
                <select
                  aria-label={`${t.file} ${ROLE_LABEL[role]} column`}
                  value={e.mapping[t.file]?.[role] ?? used}
                  onChange={(ev) => edit({ ...e, mapping: { ...e.mapping, [t.file]: { ...e.mapping[t.file], [role]: ev.target.value } } })}
                >
                  <option value="">—</option>
                  {t.headers.map((h) => <option key={h} value={h}>{h}</option>)}
                </select>
                {used !== detected && <span className="hint warn"> changed from detected: {column(detected)}</span>}
              </label>
            );
          })}
          {t.columns.length > 0 && <p className="hint">Values: {t.columns.map((c) => `${c.name}${c.unit ? ` (${c.unit})` : ''}`).join(', ')}</p>}
        </details>
      ))}
      <label className="row">
        <span>Dip sign</span>
        <select aria-label="Dip sign" value={e.dip ?? info.dipSign.used} onChange={(ev) => edit({ ...e, dip: ev.target.value as DipSign })}>
          <option value="negative-down">negative down</option>
          <option value="positive-down">positive down</option>
        </select>
      </label>
      {info.dipSign.used !== detectedDip && <p className="hint warn" data-testid="dip-changed">Dip sign changed from detected: {DIP_LABEL[detectedDip]}</p>}
      <p className="hint" data-testid="dip-evidence">Detected: {info.dipSign.detected} ({info.dipSign.evidence})</p>
      <label className="row">
        <span>Lengths</span>
        <select aria-label="Length unit" value={e.unit ?? info.lengthUnit} onChange={(ev) => edit({ ...e, unit: ev.target.value as LengthUnit })}>
          <option value="m">metres</option>
          <option value="ft">feet (converted to m)</option>
        </select>
      </label>
      <p className={info.lengthUnit !== info.lengthUnitDetected || info.lengthUnitAssumed ? 'hint warn' : 'hint'} data-testid="unit-status">
        {info.lengthUnit !== info.lengthUnitDetected
          ? `Lengths in ${UNIT_LABEL[info.lengthUnit]}: changed from detected: ${UNIT_LABEL[info.lengthUnitDetected]}`
          : info.lengthUnitAssumed
            ? `Lengths in ${UNIT_LABEL[info.lengthUnit]}: assumed, no column names its unit; check against the database`
            : `Lengths in ${UNIT_LABEL[info.lengthUnit]} (detected from the column names)`}
      </p>
      <p className="hint" data-testid="pending-changes">{pending.length ? `Will change: ${pending.join('; ')}` : 'No change to apply'}</p>
      <button className="wide" onClick={apply} disabled={!pending.length}>Import again with these settings</button>
      {explicit && (
        <button className="wide" onClick={() => reimport({}, ['every setting back to what was detected'])}>Back to the detected settings</button>
      )}
      {applied && <p className="hint" role="status" data-testid="applied-changes">Imported again: {applied.join('; ')}</p>}
    </section>
  );
}
