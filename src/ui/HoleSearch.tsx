/**
 * The hole search of the Filters panel: a combobox. Typing filters the holes (substring, case and
 * accents ignored; several ids separated by commas or spaces) and lists the ids that match the
 * last one typed; ↑/↓ move through the list, Enter picks the highlighted id, or the id typed when
 * it matches one hole exactly or only one hole, Esc closes the list. A pick puts the id in the
 * search, selects the hole (its card opens) and flies to it.
 */
import { useId, useMemo, useState } from 'react';
import { store, useVeinscape } from '../state/store';
import { foldId, holeMatches } from '../domain/holeFilter';
import { focusHole } from '../state/holeFocus';
import { EMPTY } from './empty';
import { useTranslation } from 'react-i18next';

/** Ids listed at most (the filter itself keeps every match). */
const LISTED = 50;

/**
 * The text before the last term, and the last term (the one being typed). Trailing spaces are
 * not a new term: an id pasted with a space after it still lists and picks that id.
 */
function lastTerm(text: string): [string, string] {
  const m = /^(.*[\s,;])?([^\s,;]*)$/.exec(text.trimEnd());
  return [m?.[1] ?? '', m?.[2] ?? text];
}

export function HoleSearch() {
  const search = useVeinscape((s) => s.filters.holeSearch);
  const setFilters = useVeinscape((s) => s.setFilters);
  const holes = useVeinscape((s) => s.model?.holes ?? EMPTY);
  const ids = useMemo(() => holes.map((h) => h.id), [holes]);
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('search');
  const [active, setActive] = useState(-1);
  const listId = useId();
  const [head, term] = lastTerm(search);
  const matches = useMemo(() => holeMatches(ids, term, LISTED + 1), [ids, term]);
  const listed = matches.slice(0, LISTED);
  const shown = open && listed.length > 0;

  const pick = (hole: number) => {
    setFilters({ holeSearch: head + ids[hole] });
    setOpen(false);
    setActive(-1);
    focusHole(store.getState(), hole);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!listed.length) return;
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : listed.length - 1) : (a + step + listed.length) % listed.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (shown && active >= 0 && active < listed.length) return pick(listed[active]);
      // An exact match comes first in the list; else the only match.
      const exact = listed.length > 0 && foldId(ids[listed[0]]) === foldId(term);
      if (exact || matches.length === 1) pick(listed[0]);
    } else if (e.key === 'Escape') {
      if (shown) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  };
  const optionId = (k: number) => `${listId}-opt-${k}`;
  return (
    <div className="hole-search">
      <label className="row">
        <span>{t('label')}</span>
        <input
          className="search" type="search" placeholder={t('placeholder')} aria-label={t('aria')}
          role="combobox" aria-autocomplete="list" aria-expanded={shown} aria-controls={listId}
          aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
          value={search}
          onChange={(e) => { setFilters({ holeSearch: e.target.value }); setOpen(true); setActive(-1); }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
      </label>
      <ul id={listId} role="listbox" aria-label={t('matching')} className="hole-options" hidden={!shown}>
        {shown && listed.map((h, k) => (
          <li
            key={h} id={optionId(k)} role="option" aria-selected={k === active}
            // mousedown, not click: the input keeps the focus (its blur would close the list first).
            onMouseDown={(e) => { e.preventDefault(); pick(h); }}
          >
            {ids[h]}
          </li>
        ))}
        {shown && matches.length > LISTED && <li role="presentation" className="more">{t('more')}</li>}
      </ul>
    </div>
  );
}
