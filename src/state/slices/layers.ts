/** Layer visibility: per zone, and per kind of layer. */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export type LayerName = 'veins' | 'alteration' | 'host' | 'topography' | 'faults' | 'intervals' | 'traces' | 'labels' | 'workings' | 'resources' | 'points' | 'axes';

export interface LayersSlice {
  zoneVisible: Record<string, boolean>;
  layerVisible: Record<LayerName, boolean>;
  setZoneVisible: (zoneId: string, visible: boolean) => void;
  /** several zones at once (a vein system's), one store change */
  setZonesVisible: (zoneIds: readonly string[], visible: boolean) => void;
  setLayerVisible: (layer: LayerName, visible: boolean) => void;
}

/** The layer each zone kind's surfaces belong to: one definition for the scene, picking and exports. */
export const KIND_LAYER: Record<string, LayerName> = { vein: 'veins', shear: 'veins', other: 'veins', alteration: 'alteration', host: 'host', topography: 'topography' };

export const DEFAULT_LAYERS: Record<LayerName, boolean> = {
  veins: true, alteration: true, host: true, topography: true, faults: true, intervals: true, traces: true, labels: true, workings: true, resources: false, points: true, axes: true,
};

export const createLayersSlice: StateCreator<VeinscapeState, [], [], LayersSlice> = (set) => ({
  zoneVisible: {},
  layerVisible: { ...DEFAULT_LAYERS },
  setZoneVisible: (zoneId, visible) => set((s) => ({ zoneVisible: { ...s.zoneVisible, [zoneId]: visible } })),
  setZonesVisible: (zoneIds, visible) => set((s) => ({ zoneVisible: { ...s.zoneVisible, ...Object.fromEntries(zoneIds.map((id) => [id, visible])) } })),
  setLayerVisible: (layer, visible) => set((s) => ({ layerVisible: { ...s.layerVisible, [layer]: visible } })),
});
