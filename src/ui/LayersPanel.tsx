/**
 * Layer visibility: each kind of layer, how the veins are coloured, and each zone grouped by vein
 * system. A zone's tick hides its surfaces, its intervals (drawn as the hole trace there), its
 * intercepts and their labels, and takes them out of the counts in view; a system's tick does it
 * for all its zones.
 */
import { EMPTY } from './empty';
import { useVeinscape } from '../state/store';
import type { LayerName } from '../state/slices/layers';
import type { VeinColour } from '../state/slices/display';
import { useTranslation } from 'react-i18next';
import { localText, systemName } from '../i18n/localText';
import type { ZoneT } from '../data/schema';

/** The layers in the order listed; each one's name is `layer.<id>` in the layers catalogue. */
const LAYERS: LayerName[] = ['veins', 'alteration', 'host', 'topography', 'faults', 'intervals', 'traces', 'labels', 'workings', 'resources', 'points', 'axes'];

/** A vein system's tick: on when all its zones are, mixed when some are; sets them all. */
function SystemToggle({ system, zones, zoneVisible, set }: { system: string; zones: readonly ZoneT[]; zoneVisible: Record<string, boolean>; set: (ids: string[], on: boolean) => void }) {
  const on = zones.filter((z) => zoneVisible[z.id] !== false).length;
  const { t, i18n } = useTranslation('layers');
  const name = systemName(zones, system, i18n.language);
  return (
    <label className="system-name" data-testid={`system-toggle-${system}`}>
      <input
        type="checkbox" aria-label={t('system', { system: name })} checked={on === zones.length}
        ref={(el) => { if (el) el.indeterminate = on > 0 && on < zones.length; }}
        onChange={(e) => set(zones.map((z) => z.id), e.target.checked)}
      />{' '}
      {name}
    </label>
  );
}

export function LayersPanel() {
  const zones = useVeinscape((s) => s.model?.zones ?? EMPTY);
  const zoneVisible = useVeinscape((s) => s.zoneVisible);
  const layerVisible = useVeinscape((s) => s.layerVisible);
  const setZoneVisible = useVeinscape((s) => s.setZoneVisible);
  const setZonesVisible = useVeinscape((s) => s.setZonesVisible);
  const setLayerVisible = useVeinscape((s) => s.setLayerVisible);
  const veinColour = useVeinscape((s) => s.veinColour);
  const setVeinColour = useVeinscape((s) => s.setVeinColour);
  const hasVeins = zones.some((z) => z.kind === 'vein');
  const hasTopography = zones.some((z) => z.kind === 'topography');
  const hasPoints = useVeinscape((s) => (s.model?.pointSets.length ?? 0) > 0);
  const { t, i18n } = useTranslation('layers');
  // Layers that only imported projects have are listed only when there is something in them.
  const shown = LAYERS.filter((id) => (id !== 'topography' || hasTopography) && (id !== 'points' || hasPoints));
  const systems = new Map<string, typeof zones>();
  for (const z of zones) {
    const key = z.system ?? z.name;
    systems.set(key, [...(systems.get(key) ?? []), z]);
  }
  return (
    <section className="panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <div className="checks">
        {shown.map((id) => (
          <label key={id}>
            <input type="checkbox" checked={layerVisible[id]} onChange={(e) => setLayerVisible(id, e.target.checked)} /> {t(`layer.${id}`)}
          </label>
        ))}
      </div>
      {hasVeins && (
        <label className="row" title={t('veinColourTitle')}>
          <span>{t('veinColour')}</span>
          <select aria-label={t('veinColour')} value={veinColour} onChange={(e) => setVeinColour(e.target.value as VeinColour)}>
            <option value="zone">{t('byZone')}</option>
            <option value="gradeThickness">{t('byGradeThickness')}</option>
          </select>
        </label>
      )}
      {systems.size > 0 && <h3>{t('zones')}</h3>}
      <div className="zones">
        {[...systems].map(([system, list]) => (
          <div key={system} className="system">
            {list.length > 1 && <SystemToggle system={system} zones={list} zoneVisible={zoneVisible} set={setZonesVisible} />}
            {list.map((z) => (
              <label key={z.id} className="zone" data-testid={`zone-toggle-${z.id}`}>
                <input type="checkbox" checked={zoneVisible[z.id] !== false} onChange={(e) => setZoneVisible(z.id, e.target.checked)} />
                <span className="swatch" style={{ background: z.color }} />
                <span>{localText(z, 'name', i18n.language)}</span>
                <span className="kind">{t(`kind.${z.kind}`, { defaultValue: z.kind })}</span>
              </label>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
