// Directives from the command room to the field and back: an officer issues a directive
// to one unit on 指令与签收; a guard of that unit (a phone, on shift) sees it take the
// whole screen within 2 s, hears it read aloud (the speech engine is stubbed and asked to
// speak), signs for it with one tap, checks in at a checkpoint and reports what was done
// from 首页's pending list; the officer's ack board shows the sign-for and then the report
// live, without a reload. Fails (never skips) under CI=true when the server has no
// directives API yet.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, DEMO_PASSWORD } from '../lib/server.mjs';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { IS_CI, suiteOptions, requirePrerequisites } from '../lib/prereq.mjs';
import { loginConsole, openFromNav, waitForList } from '../lib/console.mjs';
import { apiToken, apiGet, guardLogin } from '../lib/patrol.mjs';
import { speechStub } from '../lib/speechStub.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** How soon a change must show on the other screen, pushed over the live channel. */
const LIVE_MS = 2_000;
/** The board is also refetched every 5 s; an update faster than this came from an event. */
const BOARD_LIVE_MS = 3_000;

const exactText = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Whether the server has the directives API (an unknown route answers 404). */
async function hasDirectivesApi(baseUrl, token) {
  const res = await fetch(`${baseUrl}/api/directives`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  return res.status !== 404;
}

describe('directives: issued, announced, signed for and reported, live on the board', suiteOptions(), () => {
  let server;
  let browser;

  before(async () => {
    requirePrerequisites();
    server = await startDemoServer('directives');
    browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('officer → unit → guard0001 signs for and reports; the board follows live', async (t) => {
    const officerToken = await apiToken(server.url, 'officer', DEMO_PASSWORD);
    if (!(await hasDirectivesApi(server.url, officerToken))) {
      const why = 'the server answers 404 to POST /api/directives: the directives API has not landed in this binary';
      if (!IS_CI) {
        t.skip(why);
        return;
      }
      assert.fail(why);
    }

    const guard = await newPage(browser, PHONE);
    const officer = await newPage(browser);
    try {
      const { page } = guard;
      await guard.context.addInitScript(speechStub);
      await guardLogin(page, server.url, 'guard0001', DEMO_PASSWORD);

      // guard0001's unit, through the officer: GET /api/me → guard_id → GET /api/guards/{id}.
      const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
      assert.ok(me.guard_id, 'guard0001 has a guard record');
      const record = await apiGet(server.url, officerToken, `/api/guards/${me.guard_id}`);
      assert.ok(record.unit_id && record.unit_name, 'guard0001 belongs to a unit');
      const cps = await apiGet(server.url, officerToken, `/api/checkpoints?unit_id=${record.unit_id}&page_size=200&sort=code`);
      assert.ok(cps.items.length >= 1, 'the unit has a checkpoint');
      const cp = cps.items[0];
      const plate = await apiGet(server.url, officerToken, `/api/checkpoints/${cp.id}/qr?format=json`);

      // 上岗 (the tap also unlocks sound), standing at the unit's first checkpoint.
      await guard.context.grantPermissions(['geolocation']);
      await guard.context.setGeolocation({ latitude: cp.lat, longitude: cp.lon, accuracy: 5 });
      await page.getByTestId('shift-start').click();
      await page.locator('[data-testid=shift-state]', { hasText: '在岗' }).waitFor();
      await page.getByTestId('shift-unsynced').waitFor({ state: 'detached' });
      await page.locator('[data-testid=directives-none]').waitFor();

      // The officer opens 指令与签收 and issues a directive to that unit only.
      await loginConsole(officer.page, server.url, 'officer');
      await openFromNav(officer.page, 'directives');
      await waitForList(officer.page, 'directives');
      const title = `加强夜间巡查 ${Date.now() % 100000}`;
      await officer.page.getByTestId('directive-create').click();
      const dialog = officer.page.getByTestId('directive-dialog');
      await dialog.waitFor();
      await dialog.getByTestId('directive-title').fill(title);
      await dialog.getByTestId('directive-body').fill('今晚 22 点至次日 6 点加强地下车库和消防通道巡查，发现可疑人员立即报告。');
      await dialog.getByTestId('directive-add-task').click();
      await dialog.getByTestId('directive-task-note').first().fill('地下车库 B1–B2');
      await dialog.getByTestId('directive-units').click();
      await officer.page.keyboard.type(record.unit_name);
      await officer.page.locator('.el-select-dropdown__item:visible').filter({ hasText: exactText(record.unit_name) }).first().click();
      await officer.page.keyboard.press('Escape').catch(() => {});
      await dialog.getByTestId('directive-title').click();
      await screenshot(officer.page, 'officer-directive-new');

      const [created] = await Promise.all([
        officer.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/directives' && r.request().method() === 'POST'),
        dialog.getByTestId('directive-send').click(),
      ]);
      const issuedAt = Date.now();
      assert.equal(created.status(), 201, `issue: ${await created.text()}`);
      const { id, doc_no: docNo, recipient_count: recipients } = await created.json();
      assert.equal(recipients, 1, 'only guard0001 is on shift in the unit');
      assert.match(docNo, /警指〔\d{4}〕\d+号$/);

      // The guard's phone: the directive takes the whole screen within 2 s …
      const alert = page.getByTestId('directive-alert');
      await alert.waitFor({ timeout: LIVE_MS });
      const shownAfter = Date.now() - issuedAt;
      assert.ok(shownAfter <= LIVE_MS, `full screen after ${shownAfter} ms`);
      assert.equal(await alert.getAttribute('data-id'), id);
      assert.equal((await page.getByTestId('directive-alert-title').innerText()).trim(), title);
      const box = await alert.boundingBox();
      assert.ok(box && box.width >= 389 && box.height >= 843, `covers the screen: ${JSON.stringify(box)}`);
      // … is read aloud in Chinese and vibrates.
      await page.waitForFunction((words) => window.__jbSpoken.some((u) => u.text.includes(words)), title, { timeout: 5_000 });
      const spoken = await page.evaluate(() => window.__jbSpoken.filter((u) => u.text.trim()));
      assert.equal(spoken[0].lang, 'zh-CN', 'spoken in Chinese');
      assert.match(spoken[0].text, /请立即签收/);
      assert.ok((await page.evaluate(() => window.__jbVibrations.length)) > 0, 'the phone vibrated');
      await screenshot(page, 'guard0001-directive-alert');

      // The officer's drawer opened on the new directive: delivered, nobody signed yet.
      const totals = officer.page.locator(`[data-testid=directive-drawer] [data-id="${id}"] [data-testid=board-totals]`);
      await totals.waitFor();
      await officer.page.locator('[data-testid=board-totals][data-recipients="1"][data-signed="0"]').waitFor();
      await officer.page.locator('[data-testid=directive-live][data-status=open]').waitFor();

      // 签收: one tap. The board shows it live.
      await page.getByTestId('directive-sign').click();
      const signedAt = Date.now();
      await alert.waitFor({ state: 'detached' });
      await officer.page.locator('[data-testid=board-totals][data-signed="1"]').waitFor({ timeout: BOARD_LIVE_MS });
      const boardSignedAfter = Date.now() - signedAt;
      assert.ok(boardSignedAfter < BOARD_LIVE_MS, `board showed the sign-for after ${boardSignedAfter} ms`);
      await officer.page.locator(`[data-testid=recipient-state][data-guard="${me.guard_id}"][data-state=signed]`).waitFor();
      await screenshot(officer.page, 'officer-directive-board-signed');

      // The directive opens with its tasks and the report form; signed is not done.
      await page.getByTestId('page-m-directive').waitFor();
      assert.match(await page.getByTestId('directive-tasks').innerText(), /巡逻[\s\S]*地下车库 B1–B2/);
      await page.locator('[data-testid=directive-state][data-state=signed]').waitFor();
      await page.getByTestId('directive-feedback-due').waitFor();
      await page.getByTestId('feedback-form').waitFor();
      await screenshot(page, 'guard0001-directive-signed');

      // The guard patrols: a check-in at the checkpoint.
      await page.getByTestId('tab-checkin').click();
      await page.getByTestId('page-m-checkin').waitFor();
      await page.locator('[data-testid=checkin-code] input').fill(plate.manual_code);
      await page.getByTestId('checkin-submit').click();
      const verdict = page.getByTestId('checkin-verdict');
      await verdict.waitFor();
      assert.equal(await verdict.getAttribute('data-verdict'), 'valid');

      // 首页 still lists it as awaiting its report; from there, 落实反馈.
      await page.getByTestId('tab-home').click();
      const pending = page.locator(`[data-testid=card-directives] [data-testid=directive-item][data-id="${id}"]`);
      await pending.waitFor();
      assert.match(await pending.innerText(), /已签收[\s\S]*待反馈/);
      await screenshot(page, 'guard0001-home-feedback-due');
      await pending.click();
      await page.getByTestId('feedback-form').waitFor();
      const ticked = page.locator('[data-testid=feedback-checkpoints] [role=checkbox][aria-checked=true]');
      assert.equal(await ticked.count(), 1, 'the checkpoint visited since the directive is ticked');
      assert.match(await ticked.innerText(), new RegExp(cp.name));
      await page.getByTestId('feedback-phrase-done').click();
      await screenshot(page, 'guard0001-directive-feedback');
      await page.getByTestId('feedback-submit').click();
      const reportedAt = Date.now();
      await page.getByTestId('feedback-done').waitFor();
      await page.locator('[data-testid=directive-state][data-state=feedbackDone]').waitFor();

      // The board shows the report live; the guard's row carries it.
      await officer.page.locator('[data-testid=board-totals][data-feedback="1"]').waitFor({ timeout: BOARD_LIVE_MS }).catch(async (e) => {
        const now = await apiGet(server.url, officerToken, `/api/directives/${id}`);
        const board = await officer.page.getByTestId('board-totals').evaluate((el) => ({ ...el.dataset }));
        const phone = await page.locator('[data-testid=connection-state]').first().innerText().catch(() => '?');
        await screenshot(page, 'guard0001-directive-feedback-stuck');
        throw new Error(`${e.message}\nserver: ${JSON.stringify(now.recipients)}\nboard shown: ${JSON.stringify(board)}\nphone: ${phone}`);
      });
      const boardReportedAfter = Date.now() - reportedAt;
      assert.ok(boardReportedAfter < BOARD_LIVE_MS, `board showed the report after ${boardReportedAfter} ms`);
      await officer.page.locator(`[data-testid=recipient-state][data-guard="${me.guard_id}"][data-state=feedback_done]`).waitFor();
      assert.match(await officer.page.getByTestId('recipient-list').innerText(), /已按要求落实，未发现异常/);
      await screenshot(officer.page, 'officer-directive-board-reported');

      // The list behind the drawer followed too.
      await officer.page.keyboard.press('Escape');
      const row = officer.page.locator(`[data-testid=list-table] tr:has([data-testid=directive-row][data-id="${id}"])`);
      await row.locator('[data-testid=directive-signed][data-signed="1"]').waitFor({ timeout: 5_000 });
      await row.locator('[data-testid=directive-feedback][data-feedback="1"]').waitFor({ timeout: 5_000 });
      await screenshot(officer.page, 'officer-directives');

      // 消息 lists it as reported; nothing is pending on 首页.
      await page.getByTestId('tab-messages').click();
      await page.locator(`[data-testid=page-m-messages] [data-testid=directive-item][data-id="${id}"] [data-testid=directive-state][data-state=feedbackDone]`).waitFor();
      await screenshot(page, 'guard0001-messages');
      await page.getByTestId('tab-home').click();
      await page.getByTestId('directives-none').waitFor();
      await page.locator('[data-testid=outbox-pending]', { hasText: '待发送 0' }).first().waitFor();

      // What the server stored: signed once, the report with the checkpoint.
      const stored = await apiGet(server.url, officerToken, `/api/directives/${id}`);
      assert.equal(stored.signed_count, 1);
      assert.equal(stored.feedback_count, 1);
      const mine = stored.recipients.find((r) => r.guard_id === me.guard_id);
      assert.equal(mine.state, 'feedback_done');
      assert.ok(mine.signed_at && mine.delivered_at, 'delivered and signed');
      assert.equal(mine.late, false);
      assert.match(mine.feedback.text, /已按要求落实/);
      assert.deepEqual(mine.feedback.checkpoint_ids, [cp.id]);

      assert.deepEqual(guard.problems, [], 'guard browser errors');
      assert.deepEqual(officer.problems, [], 'officer browser errors');
    } catch (e) {
      // Both screens as they were when it went wrong.
      await screenshot(guard.page, 'guard0001-directives-failure').catch(() => {});
      await screenshot(officer.page, 'officer-directives-failure').catch(() => {});
      throw e;
    } finally {
      await guard.context.close();
      await officer.context.close();
    }
  });
});
