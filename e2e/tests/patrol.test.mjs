// Patrol from the field to the command room: guard0001 on a phone starts a shift, checks
// in by manual code online, goes offline and checks in twice more (they wait in the
// outbox: "待发送 2"), comes back online; an officer on 一图 finds the three check-ins
// stored exactly once within 2 s of the reconnect. Then guard0002 checks in by pointing
// the phone's camera (a fake one filming a printed plate) at a checkpoint's QR code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, DEMO_PASSWORD } from '../lib/server.mjs';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { fakeCameraArgs, plateVideo } from '../lib/fakeCamera.mjs';
import { suiteOptions, requirePrerequisites } from '../lib/prereq.mjs';
import { loginConsole, openFromNav, waitForMapIdle } from '../lib/console.mjs';
import { apiToken, apiGet, guardLogin, pollUntil } from '../lib/patrol.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** Console noise that going offline on purpose causes; anything else is a real problem. */
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_/;

describe('patrol: offline check-ins reach the command room once', suiteOptions(), () => {
  let server;
  let browser;

  before(async () => {
    requirePrerequisites();
    server = await startDemoServer('patrol');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The checkpoints of a guard's unit, found as the officer: guard → unit → checkpoints. */
  async function unitCheckpoints(officerToken, guardId) {
    const record = await apiGet(server.url, officerToken, `/api/guards/${guardId}`);
    assert.ok(record.unit_id, 'the guard belongs to a unit');
    const cps = await apiGet(server.url, officerToken, `/api/checkpoints?unit_id=${record.unit_id}&page_size=200&sort=code`);
    return cps.items;
  }

  test('guard0001 checks in online and offline; the officer sees three check-ins', async () => {
    const guard = await newPage(browser, PHONE);
    const officer = await newPage(browser);
    try {
      const { page } = guard;
      await guardLogin(page, server.url, 'guard0001', DEMO_PASSWORD);

      // The guard's unit, through the officer: GET /api/me → guard_id → GET /api/guards/{id}.
      const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
      assert.ok(me.guard_id, 'guard0001 has a guard record');
      const officerToken = await apiToken(server.url, 'officer', DEMO_PASSWORD);
      const cps = await unitCheckpoints(officerToken, me.guard_id);
      assert.ok(cps.length >= 3, `guard0001's unit has ${cps.length} checkpoints, need 3`);
      const targets = [];
      for (const cp of cps.slice(0, 3)) {
        const plate = await apiGet(server.url, officerToken, `/api/checkpoints/${cp.id}/qr?format=json`);
        assert.match(plate.manual_code, /^[A-Z0-9_-]+-\d{6}$/, 'manual code shape');
        targets.push({ ...cp, manual: plate.manual_code });
      }

      // Geolocation is stubbed at the checkpoint the guard is standing at.
      await guard.context.grantPermissions(['geolocation']);
      const standAt = (cp) => guard.context.setGeolocation({ latitude: cp.lat, longitude: cp.lon, accuracy: 5 });
      await standAt(targets[0]);

      // 上岗.
      await page.getByTestId('shift-start').click();
      await page.locator('[data-testid=shift-state]', { hasText: '在岗' }).waitFor();
      await page.getByTestId('shift-unsynced').waitFor({ state: 'detached' });
      await page.locator('[data-testid=outbox-pending]', { hasText: '待发送 0' }).first().waitFor();
      await screenshot(page, 'guard0001-on-shift');

      // Online check-in by manual code: the server's verdict is shown.
      await page.getByTestId('tab-checkin').click();
      await page.getByTestId('page-m-checkin').waitFor();
      const checkIn = async (cp) => {
        await standAt(cp);
        await page.locator('[data-testid=checkin-code] input').fill(cp.manual);
        await page.getByTestId('checkin-submit').click();
      };
      await checkIn(targets[0]);
      const verdict = page.getByTestId('checkin-verdict');
      await verdict.waitFor();
      assert.equal(await verdict.getAttribute('data-verdict'), 'valid', `verdict: ${await page.getByTestId('checkin-result').innerText()}`);
      assert.match(await verdict.innerText(), /有效/);
      await screenshot(page, 'guard0001-checkin-valid');

      // The officer watches 一图.
      await loginConsole(officer.page, server.url, 'officer');
      await openFromNav(officer.page, 'map');
      await waitForMapIdle(officer.page);
      await officer.page.locator('[data-testid=page-map][data-loaded=true]').waitFor();
      await officer.page.locator('[data-testid=live-status][data-status=open]').waitFor();

      // Offline: two more check-ins at two other checkpoints wait in the outbox.
      await guard.context.setOffline(true);
      await page.locator('[data-testid=connection-state]', { hasText: '离线' }).first().waitFor();
      for (const cp of targets.slice(1)) {
        await checkIn(cp);
        await page.getByTestId('checkin-queued').waitFor();
        assert.match(await page.getByTestId('checkin-result').innerText(), /已排队，联网后自动上传/);
      }
      await page.locator('[data-testid=outbox-pending]', { hasText: '待发送 2' }).first().waitFor();
      await screenshot(page, 'guard0001-offline-pending');

      const countFor = () => apiGet(server.url, officerToken, `/api/checkins?guard_id=${me.guard_id}&page_size=50`);
      assert.equal((await countFor()).total, 1, 'only the online check-in reached the server while offline');

      // Back online: the officer's page finds all three, each once, within 2 s.
      await guard.context.setOffline(false);
      const reconnectedAt = Date.now();
      const seen = await pollUntil(
        () => officer.page.evaluate((id) => fetch(`/api/checkins?guard_id=${id}&page_size=50`).then((r) => r.json()), me.guard_id),
        (res) => res.total >= 3,
        { timeoutMs: 2_000, intervalMs: 100 },
      );
      const elapsed = Date.now() - reconnectedAt;
      assert.ok(seen, `three check-ins within 2 s of reconnecting (waited ${elapsed} ms)`);
      assert.equal(seen.total, 3, 'stored exactly once');
      assert.equal(new Set(seen.items.map((c) => c.id)).size, 3, 'three distinct check-ins');
      const names = seen.items.map((c) => c.checkpoint_name).sort();
      assert.deepEqual(names, targets.map((c) => c.name).sort(), 'one check-in per checkpoint');

      // The phone has nothing left to send; the officer's map heard the flushed check-ins live.
      await page.getByTestId('tab-home').click();
      await page.locator('[data-testid=card-connection]', { hasText: '待发送 0' }).waitFor();
      await page.locator('[data-testid=card-connection]', { hasText: '在线' }).waitFor();
      assert.match(await page.getByTestId('route-progress').innerText(), /已完成 3\//);
      await screenshot(page, 'guard0001-synced');
      await officer.page.locator('[data-testid=map-checkins] li').nth(1).waitFor({ timeout: 10_000 });
      await officer.page.locator('[data-testid=counter-on-shift]:not([data-value="0"])').waitFor({ timeout: 15_000 });
      await screenshot(officer.page, 'officer-map-live');

      // Settling later must not create duplicates.
      await page.waitForTimeout(1_500);
      assert.equal((await countFor()).total, 3, 'still three after the outbox settled');

      assert.deepEqual(guard.problems.filter((p) => !OFFLINE_NOISE.test(p)), [], 'guard browser errors');
      assert.deepEqual(officer.problems, [], 'officer browser errors');
    } finally {
      await guard.context.close();
      await officer.context.close();
    }
  });

  test('guard0002 checks in by scanning a plate with the camera', async () => {
    const officer = await newPage(browser);
    let cameraBrowser;
    try {
      // The plate of a checkpoint of guard0002's unit, filmed by a fake camera.
      const officerToken = await apiToken(server.url, 'officer', DEMO_PASSWORD);
      const guardToken = await apiToken(server.url, 'guard0002', DEMO_PASSWORD);
      const me = await apiGet(server.url, guardToken, '/api/me');
      const cps = await unitCheckpoints(officerToken, me.guard_id);
      assert.ok(cps.length >= 1, 'guard0002 has a checkpoint');
      const cp = cps[cps.length - 1];
      await loginConsole(officer.page, server.url, 'officer');
      const video = await plateVideo(officer.page, cp.id, 'fake-camera-plate');

      cameraBrowser = await launchBrowser(fakeCameraArgs(video));
      const guard = await newPage(cameraBrowser, PHONE);
      const { page } = guard;
      await guard.context.grantPermissions(['geolocation', 'camera']);
      await guard.context.setGeolocation({ latitude: cp.lat, longitude: cp.lon, accuracy: 5 });
      await guardLogin(page, server.url, 'guard0002', DEMO_PASSWORD);
      await page.getByTestId('shift-start').click();
      await page.getByTestId('shift-unsynced').waitFor({ state: 'detached' });

      await page.getByTestId('tab-checkin').click();
      await page.getByTestId('checkin-scan').click();
      await page.getByTestId('qr-scanner').waitFor();
      const verdict = page.getByTestId('checkin-verdict');
      await verdict.waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('qr-scanner').count(), 0, 'the camera view closes after a read');
      assert.equal(await verdict.getAttribute('data-verdict'), 'valid', await page.getByTestId('checkin-result').innerText());
      assert.equal(await page.getByTestId('checkin-checkpoint').innerText(), cp.name);
      await screenshot(page, 'guard0002-checkin-scanned');

      const stored = await apiGet(server.url, officerToken, `/api/checkins?guard_id=${me.guard_id}&page_size=10`);
      assert.equal(stored.total, 1, 'one check-in stored');
      assert.deepEqual(guard.problems, [], 'guard browser errors');
      await guard.context.close();
    } finally {
      await cameraBrowser?.close();
      await officer.context.close();
    }
  });
});
