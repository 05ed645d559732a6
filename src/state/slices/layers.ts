/** Layer visibility: per zone, and per kind of layer. */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export type LayerName = 'veins' | 'alteration' | 'host' | 'faults' | 'intervals' | 'traces' | 'labels' | 'workings' | 'resources' | 'axes';

export interface LayersSlice {
  zoneVisible: Record<string, boolean>;
  layerVisible: Record<LayerName, boolean>;
  setZoneVisible: (zoneId: string, visible: boolean) => void;
  setLayerVisible: (layer: LayerName, visible: boolean) => void;
}

export const DEFAULT_LAYERS: Record<LayerName, boolean> = {
  veins: true, alteration: true, host: true, faults: true, intervals: true, traces: true, labels: true, workings: true, resources: false, axes: true,
};

export const createLayersSlice: StateCreator<VeinscapeState, [], [], LayersSlice> = (set) => ({
  zoneVisible: {},
  layerVisible: { ...DEFAULT_LAYERS },
  setZoneVisible: (zoneId, visible) => set((s) => ({ zoneVisible: { ...s.zoneVisible, [zoneId]: visible } })),
  setLayerVisible: (layer, visible) => set((s) => ({ layerVisible: { ...s.layerVisible, [layer]: visible } })),
});
