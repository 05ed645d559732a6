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
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatCount } from '../i18n';
import { messageText } from '../i18n/messageText';

const ROLES: Record<string, ColumnRole[]> = {
  collar: ['hole', 'east', 'north', 'elevation', 'depth', 'azimuth', 'dip', 'program', 'year', 'type', 'status'],
  survey: ['hole', 'depth', 'azimuth', 'dip', 'inclination'],
  interval: ['hole', 'from', 'to', 'au'],
  unknown: ['hole'],
};
/** Labels by catalogue key (namespace 'import'): role.<role>, unit.<unit>, dip.<sign>; a missing column is "none". */
const roleLabel = (t: TFunction, r: ColumnRole) => t(`role.${r}`);
const unitLabel = (t: TFunction, u: LengthUnit) => t(`unit.${u}`);
const dipLabel = (t: TFunction, d: DipSign) => t(`dip.${d}`);
const column = (t: TFunction, h: string | undefined) => (h ? h : t('none'));

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
function describeEdits(t: TFunction, info: CsvImportInfo, e: Edits): string[] {
  const out: string[] = [];
  for (const table of info.tables) {
    for (const [role, h] of Object.entries(e.mapping[table.file] ?? {}) as [ColumnRole, string][]) {
      if (h !== (table.mapping[role] ?? '')) out.push(t('edit.column', { file: table.file, role: roleLabel(t, role), from: column(t, table.mapping[role]), to: column(t, h) }));
    }
  }
  if (e.dip && e.dip !== info.dipSign.used) out.push(t('edit.dip', { from: dipLabel(t, info.dipSign.used), to: dipLabel(t, e.dip) }));
  if (e.unit && e.unit !== info.lengthUnit) out.push(t('edit.lengths', { from: unitLabel(t, info.lengthUnit), to: unitLabel(t, e.unit) }));
  return out;
}

function ImportSettings({ info }: { info: CsvImportInfo }) {
  const { t } = useTranslation('import');
  // Edits belong to the import on screen; once it is replaced (Import again), they start empty.
  const [edits, setEdits] = useState<Edits & { for: CsvImportInfo }>({ for: info, mapping: {} });
  const [applied, setApplied] = useState<string[] | null>(null);
  const e: Edits = edits.for === info ? edits : { mapping: {} };
  const edit = (next: Edits) => setEdits({ ...next, for: info });
  const pending = describeEdits(t, info, e);
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
    <section className="panel import" aria-label={t('title')}>
      <h2>{t('heading')}</h2>
      {info.tables.map((table) => (
        <details key={table.file} open={info.tables.length <= 3}>
          <summary>
            <strong>{table.file}</strong> · {t(`kind.${table.kind}`, { defaultValue: table.kind })} · {t('rowsOf', { loaded: formatCount(table.loaded), count: table.rows })}
          </summary>
          <p className="hint" data-testid="table-format">{t('readAs', { format: table.formatSaid ? messageText(table.formatSaid) : table.format })}</p>
          {(ROLES[table.kind] ?? []).map((role) => {
            const used = table.mapping[role] ?? '';
            const detected = table.detectedMapping[role] ?? '';
            return (
              <label key={role} className="row">
                <span>{roleLabel(t, role)}</span>
                <select
                  aria-label={t('columnAria', { file: table.file, role: roleLabel(t, role) })}
                  value={e.mapping[table.file]?.[role] ?? used}
                  onChange={(ev) => edit({ ...e, mapping: { ...e.mapping, [table.file]: { ...e.mapping[table.file], [role]: ev.target.value } } })}
                >
                  <option value="">—</option>
                  {table.headers.map((h) => <option key={h} value={h}>{h}</option>)}
                </select>
                {used !== detected && <span className="hint warn"> {t('changedFromDetected', { column: column(t, detected) })}</span>}
              </label>
            );
          })}
          {table.columns.length > 0 && <p className="hint">{t('values', { list: table.columns.map((c) => `${c.name}${c.unit ? ` (${c.unit})` : ''}`).join(', ') })}</p>}
        </details>
      ))}
      <label className="row">
        <span>{t('dipSign')}</span>
        <select aria-label={t('dipSign')} value={e.dip ?? info.dipSign.used} onChange={(ev) => edit({ ...e, dip: ev.target.value as DipSign })}>
          <option value="negative-down">{dipLabel(t, 'negative-down')}</option>
          <option value="positive-down">{dipLabel(t, 'positive-down')}</option>
        </select>
      </label>
      {info.dipSign.used !== detectedDip && <p className="hint warn" data-testid="dip-changed">{t('dipChanged', { sign: dipLabel(t, detectedDip) })}</p>}
      <p className="hint" data-testid="dip-evidence">{t('dipDetected', { sign: t(`dip.${info.dipSign.detected}`), evidence: info.dipSign.evidenceSaid ? messageText(info.dipSign.evidenceSaid) : info.dipSign.evidence })}</p>
      <label className="row">
        <span>{t('lengths')}</span>
        <select aria-label={t('lengthUnit')} value={e.unit ?? info.lengthUnit} onChange={(ev) => edit({ ...e, unit: ev.target.value as LengthUnit })}>
          <option value="m">{unitLabel(t, 'm')}</option>
          <option value="ft">{t('feetConverted')}</option>
        </select>
      </label>
      <p className={info.lengthUnit !== info.lengthUnitDetected || info.lengthUnitAssumed ? 'hint warn' : 'hint'} data-testid="unit-status">
        {info.lengthUnit !== info.lengthUnitDetected
          ? t('unitStatus.changed', { unit: unitLabel(t, info.lengthUnit), detected: unitLabel(t, info.lengthUnitDetected) })
          : info.lengthUnitAssumed
            ? t('unitStatus.assumed', { unit: unitLabel(t, info.lengthUnit) })
            : t('unitStatus.detected', { unit: unitLabel(t, info.lengthUnit) })}
      </p>
      <p className="hint" data-testid="pending-changes">{pending.length ? t('willChange', { list: pending.join('; ') }) : t('noChange')}</p>
      <button className="wide" onClick={apply} disabled={!pending.length}>{t('importAgain')}</button>
      {explicit && (
        <button className="wide" onClick={() => reimport({}, [t('backToDetectedDone')])}>{t('backToDetected')}</button>
      )}
      {applied && <p className="hint" role="status" data-testid="applied-changes">{t('importedAgain', { list: applied.join('; ') })}</p>}
    </section>
  );
}
