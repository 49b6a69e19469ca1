// The buildings page renders the district in 3D with MapLibre: the extrusion layer,
// a pitched camera, most of the 73 towers on screen, the 2D/3D toggle and selection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../lib/server.mjs';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { suiteOptions, requirePrerequisites } from '../lib/prereq.mjs';
import { loginConsole, openFromNav, waitForList, waitForMapIdle } from '../lib/console.mjs';

describe('buildings map', suiteOptions(), () => {
  let server;
  let browser;

  before(async () => {
    requirePrerequisites();
    server = await startDemoServer('buildings-map');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('officer sees the 73 towers extruded in 3D', async () => {
    const { context, page, problems } = await newPage(browser);
    try {
      await loginConsole(page, server.url, 'officer');
      await openFromNav(page, 'buildings');
      const total = await waitForList(page, 'buildings');
      assert.equal(total, 73, 'buildings in the officer scope');
      await waitForMapIdle(page);

      const state = await page.evaluate(() => {
        const map = window.__jbMap;
        const features = map.queryRenderedFeatures({ layers: ['buildings-3d'] });
        return {
          type: map.getLayer('buildings-3d')?.type,
          pitch: map.getPitch(),
          ids: new Set(features.map((f) => f.properties.id)).size,
        };
      });
      assert.equal(state.type, 'fill-extrusion');
      assert.ok(state.pitch > 30, `pitch ${state.pitch}`);
      assert.ok(state.ids >= 50, `distinct buildings rendered: ${state.ids}`);
      await screenshot(page, 'officer-buildings-map-3d');

      // Click the building nearest the centre of the canvas: it is highlighted and described.
      const target = await page.evaluate(() => {
        const map = window.__jbMap;
        const canvas = map.getCanvas().getBoundingClientRect();
        const features = map.queryRenderedFeatures({ layers: ['buildings-3d'] });
        const cx = canvas.width / 2;
        const cy = canvas.height / 2;
        let best = null;
        for (const f of features) {
          const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
          const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
          const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
          const p = map.project([lon, lat]);
          const d = Math.hypot(p.x - cx, p.y - cy);
          if (!best || d < best.d) best = { d, x: canvas.left + p.x, y: canvas.top + p.y, name: f.properties.name };
        }
        return best;
      });
      assert.ok(target, 'a building to click');
      await page.mouse.click(target.x, target.y);
      await page.getByTestId('map-selected').waitFor();
      await screenshot(page, 'officer-buildings-map-selected');

      await page.getByTestId('map-2d').click();
      await page.waitForFunction(() => window.__jbMap.getPitch() < 1 && !window.__jbMap.isMoving());
      await screenshot(page, 'officer-buildings-map-2d');
      await page.getByTestId('map-3d').click();
      await page.waitForFunction(() => window.__jbMap.getPitch() > 30 && !window.__jbMap.isMoving());

      assert.deepEqual(problems, [], 'browser errors');
    } finally {
      await context.close();
    }
  });
});
