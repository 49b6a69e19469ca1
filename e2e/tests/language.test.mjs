// Switching the console to English changes the navigation text, and the choice sticks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../lib/server.mjs';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { suiteOptions, requirePrerequisites } from '../lib/prereq.mjs';
import { loginConsole, waitForHome } from '../lib/console.mjs';

describe('language switch', suiteOptions(), () => {
  let server;
  let browser;

  before(async () => {
    requirePrerequisites();
    server = await startDemoServer('language');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('English navigation for the officer', async () => {
    const { context, page, problems } = await newPage(browser);
    try {
      await loginConsole(page, server.url, 'officer');
      assert.equal((await page.getByTestId('nav-home').innerText()).trim(), '首页');
      await page.getByTestId('lang-en').click();
      await page.getByTestId('nav-home').filter({ hasText: 'Home' }).waitFor();
      assert.equal((await page.getByTestId('nav-guards').innerText()).trim(), 'Guards');
      assert.equal((await page.getByTestId('nav-buildings').innerText()).trim(), 'Buildings');
      assert.equal((await page.getByTestId('nav-directives').innerText()).trim(), 'Directives & sign-for');

      await page.reload();
      await page.getByTestId('nav-home').filter({ hasText: 'Home' }).waitFor();
      await waitForHome(page);
      await screenshot(page, 'officer-home-en');

      await page.getByTestId('nav-risk').click();
      const title = await page.getByTestId('coming-soon-title').innerText();
      assert.match(title, /not available yet/);

      await page.getByTestId('lang-zh-CN').click();
      await page.getByTestId('nav-home').filter({ hasText: '首页' }).waitFor();
      assert.deepEqual(problems, [], 'browser errors');
    } finally {
      await context.close();
    }
  });
});
