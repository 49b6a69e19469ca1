// Creating a console map on the offline style: the MapLibre worker bundled with the
// app, WebGL detection, navigation and scale controls, grid name labels, and the
// camera presets for 2D and 3D. Used by the buildings map and the live map.
import { Map as MlMap, Marker, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import type { MapBase } from '@/shared/api/types';
import { offlineStyle, ringCentre } from './offlineStyle';

setWorkerUrl(workerUrl);

export const CAMERA_3D = { pitch: 55, bearing: -20 };
export const CAMERA_2D = { pitch: 0, bearing: 0 };

export function hasWebgl(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') || c.getContext('webgl'));
  } catch {
    return false;
  }
}

/** A map of `base` in `container`, fitted to its bounds; throws when MapLibre cannot start. */
export function createOfflineMap(container: HTMLElement, base: MapBase): MlMap {
  const [w, s, e, n] = base.bounds;
  const map = new MlMap({
    container,
    style: offlineStyle(base),
    bounds: [[w, s], [e, n]],
    fitBoundsOptions: { padding: 56 },
    attributionControl: false,
    maxPitch: 70,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}

/** Grid names as HTML labels (the style has no glyphs); returns the markers to remove later. */
export function addGridLabels(map: MlMap, base: MapBase): Marker[] {
  return base.grids.features.map((g) => {
    const el = document.createElement('div');
    el.className = 'jb-grid-label';
    el.textContent = g.properties.name;
    return new Marker({ element: el }).setLngLat(ringCentre(g.geometry.coordinates[0] as number[][])).addTo(map);
  });
}

export function fitBase(map: MlMap, base: MapBase, mode: '2d' | '3d', animate: boolean): void {
  const [w, s, e, n] = base.bounds;
  map.fitBounds([[w, s], [e, n]], { padding: 56, ...(mode === '3d' ? CAMERA_3D : CAMERA_2D), animate });
}
