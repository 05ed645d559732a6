/**
 * Illustrative news releases of the sample's drilling programs, and the release that disclosed
 * each drilled hole: each program's results went out some months after it was drilled, the large
 * 2005 program in two releases (its first holes in the autumn, the rest after the winter). Planned
 * holes have no results, so no release.
 */
import type { DepositInput } from '../../src/data/schema';
import type { DrillHole } from './holes';

export const RELEASES: NonNullable<DepositInput['releases']> = [
  { id: 'NR-1989-03', date: '1989-03-15', title: { en: '1988 surface drilling confirms the McDowell vein along strike', fr: 'Les forages de surface de 1988 confirment le filon McDowell en direction' } },
  { id: 'NR-1997-02', date: '1997-02-11', title: { en: 'Underground drilling from the 1996 drill bays', fr: 'Forages souterrains depuis les baies de forage de 1996' } },
  { id: 'NR-2005-11', date: '2005-11-08', title: { en: '2005 drilling extends McDowell at depth: first results', fr: 'Les forages de 2005 prolongent McDowell en profondeur : premiers résultats' } },
  { id: 'NR-2006-02', date: '2006-02-21', title: { en: '2005 drilling: final results', fr: 'Forages de 2005 : résultats finaux' } },
  { id: 'NR-2006-10', date: '2006-10-17', title: { en: '2006 drilling on Talus, Front West and the other veins', fr: 'Forages de 2006 sur Talus, Front West et les autres filons' } },
];

/** The release of a drilled hole: by program; the 2005 program's first 39 holes in the first release. */
function releaseOf(h: DrillHole['rec']): string | undefined {
  if (h.status !== 'drilled') return undefined;
  if (h.program === '1988 Surface') return 'NR-1989-03';
  if (h.program === '1996 Underground') return 'NR-1997-02';
  if (h.program === '2005 Surface') return Number(h.id.slice(-3)) <= 39 ? 'NR-2005-11' : 'NR-2006-02';
  if (h.program === '2006 Surface') return 'NR-2006-10';
  return undefined;
}

/** Each drilled hole's record with the release that disclosed it (new records; `holes` untouched). */
export function withReleases(holes: readonly DrillHole[]): DrillHole['rec'][] {
  return holes.map((h) => {
    const release = releaseOf(h.rec);
    return release ? { ...h.rec, release } : h.rec;
  });
}
