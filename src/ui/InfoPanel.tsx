/** Details of the picked hole or interval, with true coordinates (float64, as mapped). */
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n/localText';
import { useVeinscape } from '../state/store';
import { holePositionOf } from '../api/holePosition';
import { coord, fixed, grade, metres } from './format';
import { SelectionDerivation } from './derivation/SelectionDerivation';

export function InfoPanel() {
  const sel = useVeinscape((s) => s.selection);
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const select = useVeinscape((s) => s.select);
  const { t, i18n } = useTranslation('info');
  if (!sel || !model || !prepared) return null;
  const hole = model.holes[sel.hole];
  const pos = holePositionOf(model, prepared, hole.id, sel.depth);
  const vc = prepared.valueColumn;
  const table = vc ? model.intervals.find((t) => t.id === vc.table) : undefined;
  const row = sel.row;
  /** A zone code as its zone's name in the user's language; another category as it is. */
  const zoneName = (code: string) => {
    const z = model.zones.find((x) => x.id === code);
    return z ? localText(z, 'name', i18n.language) : code;
  };
  return (
    <aside className="info card" data-testid="info-panel" aria-label={t('selection')}>
      <header>
        <h2 data-testid="info-hole">{hole.id}</h2>
        <button className="close" aria-label={t('close')} onClick={() => select(null)}>×</button>
      </header>
      <dl>
        <dt>{t('hole')}</dt>
        <dd>{t(`status.${hole.status}`)} · {t(`type.${hole.type}`)} · {hole.program}{hole.year ? ` · ${hole.year}` : ''}</dd>
        <dt>{t('finalDepth')}</dt>
        <dd>{metres(hole.depth, 1)}</dd>
        <dt>{t('pickedDepth')}</dt>
        <dd data-testid="info-depth">{metres(sel.depth, 2)}</dd>
        {table && row !== null && (
          <>
            <dt>{t('fromTo')}</dt>
            <dd data-testid="info-interval">{t('interval', { from: fixed(table.from[row]), to: fixed(table.to[row]), length: metres(table.to[row] - table.from[row]) })}</dd>
            {table.columns.map((c) => (
              <div key={c.name} className="pair">
                <dt>{c.name}</dt>
                <dd data-testid={`info-col-${c.name}`}>
                  {c.type === 'numeric'
                    ? Number.isNaN(table.numeric[c.name][row])
                      ? t('notAssayed')
                      : grade(table.numeric[c.name][row], c.unit ?? '')
                    : table.categorical[c.name].codes[row] >= 0
                      ? zoneName(table.categorical[c.name].categories[table.categorical[c.name].codes[row]])
                      : '—'}
                </dd>
              </div>
            ))}
          </>
        )}
        <dt>{t('easting')}</dt>
        <dd data-testid="info-e">{coord(pos[0])} m E</dd>
        <dt>{t('northing')}</dt>
        <dd data-testid="info-n">{coord(pos[1])} m N</dd>
        <dt>{t('elevation')}</dt>
        <dd data-testid="info-z">{coord(pos[2])} m</dd>
      </dl>
      <SelectionDerivation />
      <p className="hint">{t('hint', { crs: model.project.crs.code ?? model.project.crs.name, method: t(`method.${prepared.method}`) })}</p>
    </aside>
  );
}
