/**
 * "As disclosed on <date>" (issue 21): a date, or a news release of the dataset picked by name,
 * sets `filters.disclosedOn`; holes released later or never are then hidden everywhere the hole
 * filters reach (state/filterState.ts). Shown when the dataset lists releases or a date is set.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useVeinscape } from '../state/store';
import { disclosedHolesOf, todayIso } from '../state/disclosed';
import { isIsoDate } from '../domain/disclosure';
import { calendarDate } from '../overlay/captions';
import { countNumber } from '../i18n/numbers';
import { localText } from '../i18n/localText';
import { EMPTY } from './empty';

export function DisclosureDate() {
  const { t, i18n } = useTranslation('release');
  const on = useVeinscape((s) => s.filters.disclosedOn ?? null);
  const releases = useVeinscape((s) => s.model?.releases ?? EMPTY);
  const total = useVeinscape((s) => s.model?.holes.length ?? 0);
  const mask = useVeinscape(disclosedHolesOf);
  const setLimit = useVeinscape((s) => s.setDisclosureLimit);
  const dated = useMemo(() => releases.filter((r) => r.date !== undefined).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0)), [releases]);
  if (releases.length === 0 && on === null) return null;
  const latest = on === null ? undefined : dated.filter((r) => r.date! <= on).at(-1);
  const title = latest ? localText(latest, 'title', i18n.language) : undefined;
  const shown = mask ? mask.reduce((n, v) => n + v, 0) : total;
  const set = (v: string) => setLimit(isIsoDate(v) ? v : null);
  // A release date as the language writes it ("November 8, 2005", "8 novembre 2005").
  const dateText = (iso: string) => calendarDate(iso, i18n.language);
  return (
    <div className="disclosure-date" title={t('title')}>
      <div className="row">
        <span>{t('label')}</span>
        <input type="date" data-testid="disclosed-on" aria-label={t('date')} value={on ?? ''} onChange={(e) => set(e.target.value)} />
      </div>
      {dated.length > 0 && (
        <div className="row">
          <select data-testid="disclosed-by-release" aria-label={t('release')} value={dated.find((r) => r.date === on)?.id ?? ''} onChange={(e) => set(dated.find((r) => r.id === e.target.value)?.date ?? '')}>
            <option value="">{t('everything')}</option>
            {dated.map((r) => <option key={r.id} value={r.id}>{t('option', { id: r.id, date: dateText(r.date!) })}</option>)}
          </select>
        </div>
      )}
      {on !== null && (
        <div className="sub" data-testid="disclosure-summary">
          <div>{latest ? (title ? t('latestTitled', { id: latest.id, date: dateText(latest.date!), title }) : t('latest', { id: latest.id, date: dateText(latest.date!) })) : t('none')}</div>
          <div>{t('holes', { shown: countNumber(shown, i18n.language), total: countNumber(total, i18n.language) })}</div>
          {on > todayIso() && <div className="warn">{t('future')}</div>}
        </div>
      )}
    </div>
  );
}
