// The console lists against the real server: every sortable column is one the server
// sorts by, export downloads an .xlsx, the officer can unmask a guard, filters apply,
// and a rejected form shows the server's per-field message inline.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../lib/server.mjs';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { suiteOptions, requirePrerequisites } from '../lib/prereq.mjs';
import { loginConsole, openFromNav, waitForList } from '../lib/console.mjs';

/** Clicks each sortable header of the page's table; every request must succeed. */
async function sortEveryColumn(page, key, path) {
  const headers = page.locator(`[data-testid=page-${key}] [data-testid=list-table] th.is-sortable`);
  const n = await headers.count();
  assert.ok(n > 0, `${key}: sortable columns`);
  for (let i = 0; i < n; i++) {
    const answered = page.waitForResponse((r) => r.url().includes(path) && r.url().includes('sort='));
    await headers.nth(i).locator('.cell').click();
    const res = await answered;
    assert.equal(res.status(), 200, `${key}: sorting by column ${i} → ${res.url()}`);
  }
}

describe('console lists', suiteOptions(), () => {
  let server;
  let browser;

  before(async () => {
    requirePrerequisites();
    server = await startDemoServer('lists');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('officer: sort, filter, export, unmask', async () => {
    const { context, page, problems } = await newPage(browser);
    try {
      await loginConsole(page, server.url, 'officer');
      for (const [key, path] of [['buildings', '/api/buildings'], ['checkpoints', '/api/checkpoints'], ['guards', '/api/guards'], ['companies', '/api/companies']]) {
        await openFromNav(page, key);
        await waitForList(page, key);
        await sortEveryColumn(page, key, path);
      }

      // Companies: keyword filter narrows the list, export carries the filter.
      await openFromNav(page, 'companies');
      const all = await waitForList(page, 'companies');
      assert.ok(all >= 10_000, `companies in scope: ${all}`);
      const filtered = page.waitForResponse((r) => r.url().includes('/api/companies?') && r.url().includes('q='));
      await page.getByTestId('filter-q').fill('科技');
      await page.getByTestId('filter-search').click();
      assert.equal((await filtered).status(), 200);
      await page.waitForFunction((before) => {
        const el = document.querySelector('[data-testid=page-companies] [data-testid=list]');
        return el && Number(el.getAttribute('data-total')) < before;
      }, all);
      const exported = page.waitForResponse((r) => r.url().includes('/api/companies/export.xlsx'));
      const download = page.waitForEvent('download');
      await page.getByTestId('export-excel').click();
      const res = await exported;
      assert.equal(res.status(), 200);
      assert.match(res.url(), /q=/, 'export carries the keyword filter');
      assert.match((await download).suggestedFilename(), /\.xlsx$/);

      // Guards: the drawer shows masked values until the officer asks for the full ones.
      await openFromNav(page, 'guards');
      await waitForList(page, 'guards');
      await page.locator('[data-testid=page-guards] [data-testid=list-table] .el-table__row').first().click();
      const drawer = page.getByTestId('detail-drawer');
      await drawer.waitFor();
      assert.match(await drawer.innerText(), /\*{4}/, 'masked before unmasking');
      const unmasked = page.waitForResponse((r) => r.url().includes('unmask=true'));
      await page.getByTestId('guard-unmask').click();
      assert.equal((await unmasked).status(), 200);
      await page.getByTestId('unmasked-note').waitFor();
      await screenshot(page, 'officer-guard-unmasked');
      assert.deepEqual(problems, [], 'browser errors');
    } finally {
      await context.close();
    }
  });

  test('admin: a rejected user form shows the field message inline', async () => {
    const { context, page } = await newPage(browser);
    try {
      await loginConsole(page, server.url, 'admin');
      await openFromNav(page, 'users');
      await waitForList(page, 'users');
      await sortEveryColumn(page, 'users', '/api/users');
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-dialog').waitFor();
      await page.getByTestId('user-username').fill('e2e-user');
      await page.getByTestId('user-display-name').fill('测试用户');
      await page.getByTestId('user-password').fill('short');
      await page.getByTestId('user-roles').click();
      await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '审计管理员' }).click();
      await page.keyboard.press('Escape');
      const rejected = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST');
      await page.getByTestId('user-save').click();
      assert.equal((await rejected).status(), 422);
      await page.locator('[data-testid=user-dialog] .el-form-item__error').first().waitFor();
      await screenshot(page, 'admin-user-form-422');
    } finally {
      await context.close();
    }
  });
});
