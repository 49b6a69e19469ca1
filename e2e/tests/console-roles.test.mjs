// Each demo account signs in to the console, sees exactly the navigation its role
// grants (and nothing else), and every built page it can open loads data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../lib/server.mjs';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { suiteOptions, requirePrerequisites } from '../lib/prereq.mjs';
import { ACCOUNTS, expectedNav } from '../lib/expectations.mjs';
import { loginConsole, navKeys, openFromNav, waitForHome, waitForList, waitForMapIdle } from '../lib/console.mjs';

describe('console journeys per role', suiteOptions(), () => {
  let server;
  let browser;

  before(async () => {
    requirePrerequisites();
    server = await startDemoServer('console-roles');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const account of ACCOUNTS) {
    test(`${account.username} (${account.role})`, async () => {
      const { context, page, problems } = await newPage(browser);
      try {
        await loginConsole(page, server.url, account.username);
        const { visible, hidden } = expectedNav(account.role);

        const shown = await navKeys(page);
        assert.deepEqual(shown, visible.map((e) => e.key), `navigation of ${account.username}`);
        for (const e of hidden) {
          assert.equal(await page.getByTestId(`nav-${e.key}`).count(), 0, `${account.username} must not see nav-${e.key}`);
        }

        await waitForHome(page);
        await screenshot(page, `${account.username}-home`);

        for (const entry of visible) {
          if (entry.key === 'home') continue;
          await openFromNav(page, entry.key);
          if (!entry.built) {
            await page.getByTestId('coming-soon-title').waitFor();
            continue;
          }
          if (entry.key === 'map') {
            // 一图 has no list: the live map renders and the live guards arrive.
            await waitForMapIdle(page);
            await page.locator('[data-testid=page-map][data-loaded=true]').waitFor();
            await screenshot(page, `${account.username}-${entry.key}`);
            continue;
          }
          const total = await waitForList(page, entry.key);
          assert.ok(Number.isFinite(total), `${entry.key}: list total`);
          if (entry.key === 'buildings') await waitForMapIdle(page);
          await screenshot(page, `${account.username}-${entry.key}`);
        }

        assert.deepEqual(problems, [], `browser errors for ${account.username}`);
      } finally {
        await context.close();
      }
    });
  }
});
