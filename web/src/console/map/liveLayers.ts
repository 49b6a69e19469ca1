// The live map's own sources and layers on top of the offline style: checkpoints,
// guards coloured by live state (with a ring on the selected one) and a replayed
// track. GeoJSON is built here from API shapes; drawing happens in LiveMap.vue.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { LayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { Checkpoint } from '@/shared/api/types';
import type { LiveGuard, TrackPoint } from '@/shared/api/patrol';
import { liveStateColourExpression } from '@/shared/patrol/liveState';

export const CHECKPOINTS_LAYER = 'checkpoints';
export const GUARDS_LAYER = 'guards';
export const GUARD_SELECTED_LAYER = 'guards-selected';
export const TRACK_LAYER = 'track-line';

export type LayerKey = 'buildings' | 'grids' | 'checkpoints' | 'guards' | 'alerts';
export const LAYER_KEYS: LayerKey[] = ['buildings', 'grids', 'checkpoints', 'guards', 'alerts'];

export function checkpointsGeoJson(list: readonly Checkpoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: list
      .filter((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))
      .map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [c.lon, c.lat] }, properties: { id: c.id, name: c.name, code: c.code ?? '' } })),
  };
}

export function guardsGeoJson(guards: Iterable<LiveGuard>): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const g of guards) {
    if (typeof g.lat !== 'number' || typeof g.lon !== 'number') continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [g.lon, g.lat] },
      properties: { guard_id: g.guard_id, name: g.name, state: g.state, on_shift: g.on_shift },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function trackGeoJson(points: readonly TrackPoint[]): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: points.length > 1 ? [{ type: 'Feature', geometry: { type: 'LineString', coordinates: points.map((p) => [p.lon, p.lat]) }, properties: {} }] : [],
  };
}

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function liveLayers(): LayerSpecification[] {
  return [
    {
      id: CHECKPOINTS_LAYER,
      type: 'circle',
      source: 'checkpoints',
      paint: { 'circle-radius': 4, 'circle-color': '#4fd1c5', 'circle-stroke-color': '#0f1d30', 'circle-stroke-width': 1.5 },
    },
    {
      id: TRACK_LAYER,
      type: 'line',
      source: 'track',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffd34d', 'line-width': 3, 'line-opacity': 0.9 },
    },
    {
      id: GUARD_SELECTED_LAYER,
      type: 'circle',
      source: 'guards',
      filter: ['==', ['get', 'guard_id'], ''],
      paint: { 'circle-radius': 13, 'circle-color': 'rgba(255, 211, 77, 0.25)', 'circle-stroke-color': '#ffd34d', 'circle-stroke-width': 2 },
    },
    {
      id: GUARDS_LAYER,
      type: 'circle',
      source: 'guards',
      paint: {
        'circle-radius': 7,
        'circle-color': liveStateColourExpression() as unknown as ExpressionSpecification,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}
