// The guard app on a phone-sized screen: sign in, the home tab, the SOS countdown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, DEMO_PASSWORD } from '../lib/server.mjs';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { suiteOptions, requirePrerequisites } from '../lib/prereq.mjs';

describe('guard app', suiteOptions(), () => {
  let server;
  let browser;

  before(async () => {
    requirePrerequisites();
    server = await startDemoServer('guard-app');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('guard0001 signs in and sees the home tab', async () => {
    const { context, page, problems } = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      await page.goto(`${server.url}/m/`);
      await page.getByTestId('page-m-login').waitFor();
      await page.locator('[data-testid=m-login-username] input').fill('guard0001');
      await page.locator('[data-testid=m-login-password] input').fill(DEMO_PASSWORD);
      await page.getByTestId('m-login-submit').click();
      await page.getByTestId('page-m-home').waitFor();

      await page.getByTestId('tab-home').waitFor();
      assert.match(await page.getByTestId('shift-state').innerText(), /未上岗/);
      assert.match(await page.getByTestId('card-connection').innerText(), /在线/);
      assert.match(await page.getByTestId('card-connection').innerText(), /待发送 0/);
      const sos = await page.getByTestId('sos-button').boundingBox();
      assert.ok(sos && sos.width >= 48 && sos.height >= 48, 'SOS touch target ≥ 48 px');
      await screenshot(page, 'guard0001-home');

      // Hold SOS through the countdown: the "not available yet" dialog appears.
      await page.mouse.move(sos.x + sos.width / 2, sos.y + sos.height / 2);
      await page.mouse.down();
      await page.getByTestId('sos-countdown').waitFor();
      await screenshot(page, 'guard0001-sos-countdown');
      await page.waitForTimeout(3300);
      await page.mouse.up();
      await page.locator('.jb-sos-dialog').waitFor();
      await screenshot(page, 'guard0001-sos-dialog');
      await page.locator('.jb-sos-dialog .van-dialog__confirm').click();

      await page.getByTestId('tab-me').click();
      await page.getByTestId('page-m-me').waitFor();
      assert.match(await page.getByTestId('me-name').innerText(), /\S/);
      await screenshot(page, 'guard0001-me');

      assert.deepEqual(problems, [], 'browser errors');
    } finally {
      await context.close();
    }
  });
});
