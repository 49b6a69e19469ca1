// The console's offline map style, shared by every map page (楼宇, 一图): built in code
// from GET /api/map/base — a dark background, grid areas and boundaries, and buildings
// extruded by height and coloured by phase. No tiles, glyphs or sprites, so nothing is
// fetched from outside the server. Pages add their own layers on top.
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapBase } from '@/shared/api/types';

export const BUILDINGS_LAYER = 'buildings-3d';
export const GRID_LAYERS = ['grids-fill', 'grids-line'];
export const SELECTED_COLOUR = '#ffd34d';
export const PHASE_PALETTE = ['#4f8ef7', '#2ec4b6', '#9b7bea', '#e0a458', '#6fb1d9', '#c77dba', '#7fc97f', '#b0bccf'];

export function phaseKey(phase: unknown): string {
  return phase === null || phase === undefined ? '' : String(phase);
}

/** Distinct phases in display order, each with its colour. */
export function phaseColours(base: MapBase): { phase: string; colour: string }[] {
  const phases = [...new Set(base.buildings.features.map((f) => phaseKey(f.properties.phase)))]
    .sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  return phases.map((phase, i) => ({ phase, colour: PHASE_PALETTE[i % PHASE_PALETTE.length] }));
}

function phaseColourExpression(base: MapBase): ExpressionSpecification | string {
  const colours = phaseColours(base);
  if (colours.length < 2) return colours[0]?.colour ?? PHASE_PALETTE[0];
  const pairs = colours.flatMap((c) => [c.phase, c.colour]);
  return ['match', ['to-string', ['coalesce', ['get', 'phase'], '']], ...pairs, PHASE_PALETTE[0]] as unknown as ExpressionSpecification;
}

export const HEIGHT_3D: ExpressionSpecification = ['coalesce', ['to-number', ['get', 'height_m']], 20];

export function offlineStyle(base: MapBase): StyleSpecification {
  return {
    version: 8,
    name: 'jingbao-offline',
    sources: {
      grids: { type: 'geojson', data: base.grids },
      buildings: { type: 'geojson', data: base.buildings, promoteId: 'id' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0f1d30' } },
      { id: 'grids-fill', type: 'fill', source: 'grids', paint: { 'fill-color': '#22395a', 'fill-opacity': 0.45 } },
      {
        id: 'grids-line',
        type: 'line',
        source: 'grids',
        paint: { 'line-color': '#6f93c8', 'line-width': 2, 'line-dasharray': [3, 2] },
      },
      {
        id: BUILDINGS_LAYER,
        type: 'fill-extrusion',
        source: 'buildings',
        paint: {
          'fill-extrusion-color': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            SELECTED_COLOUR,
            phaseColourExpression(base),
          ] as unknown as ExpressionSpecification,
          'fill-extrusion-height': HEIGHT_3D,
          'fill-extrusion-base': 0,
          'fill-extrusion-opacity': 0.92,
        },
      },
    ],
  };
}

/** Centre of a polygon's outer ring's bounding box (for grid name labels). */
export function ringCentre(ring: number[][]): [number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/** Show or hide the building extrusions (2D keeps footprints flat, 3D raises them). */
export function buildingHeight(mode: '2d' | '3d'): ExpressionSpecification | number {
  return mode === '3d' ? HEIGHT_3D : 0;
}
