// Console helpers: sign in through the login page (handling a forced password change
// or TOTP enrolment if the server asks), open a page from the navigation, wait for data.
import { DEMO_PASSWORD } from './server.mjs';
import { totp } from './totp.mjs';

/** Secrets enrolled during this run, so a later sign-in can answer totp_required. */
const enrolled = new Map();

async function firstVisible(page, testIds, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const id of testIds) {
      if (await page.getByTestId(id).first().isVisible().catch(() => false)) return id;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`none of ${testIds.join(', ')} appeared within ${timeout} ms`);
}

export async function loginConsole(page, baseUrl, username, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('page-login').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  let seen = await firstVisible(page, ['page-home', 'login-totp', 'page-password', 'page-totp', 'login-error']);
  if (seen === 'login-totp') {
    const secret = enrolled.get(username);
    if (!secret) throw new Error(`${username} needs a one-time code but no secret was enrolled in this run`);
    await page.getByTestId('login-totp').fill(totp(secret));
    await page.getByTestId('login-submit').click();
    seen = await firstVisible(page, ['page-home', 'page-password', 'page-totp', 'login-error']);
  }
  if (seen === 'login-error') throw new Error(`login of ${username} failed: ${await page.getByTestId('login-error').innerText()}`);
  if (seen === 'page-password') {
    await page.getByTestId('old-password').fill(password);
    await page.getByTestId('new-password').fill(`${password}x`);
    await page.getByTestId('confirm-password').fill(`${password}x`);
    await page.getByTestId('password-submit').click();
    seen = await firstVisible(page, ['page-home', 'page-totp']);
  }
  if (seen === 'page-totp') {
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    enrolled.set(username, secret);
    await page.getByTestId('totp-code').fill(totp(secret));
    await page.getByTestId('totp-enable').click();
    await page.getByTestId('page-home').waitFor();
  }
}

/** Visible navigation keys, in DOM order. */
export async function navKeys(page) {
  return page.locator('[data-testid=sidenav] [data-testid^="nav-"]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-testid').slice(4)).filter((k) => k !== 'org' && k !== 'system'),
  );
}

export async function openFromNav(page, key) {
  await page.getByTestId(`nav-${key}`).click();
  await page.getByTestId(`page-${key}`).waitFor();
}

/** Waits until the page's list (or tree) has its first answer; returns the total. */
export async function waitForList(page, key) {
  const list = page.locator(`[data-testid=page-${key}] [data-testid=list][data-loaded=true]`);
  await list.waitFor();
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'), null, { timeout: 30_000 }).catch(() => {});
  return Number(await list.getAttribute('data-total'));
}

export async function waitForHome(page) {
  const counts = page.locator('[data-testid=counts]');
  if (await counts.count()) await page.locator('[data-testid=counts][data-loaded=true]').waitFor();
}

/** Resolves once the buildings map has rendered and is at rest. */
export async function waitForMapIdle(page) {
  await page.waitForFunction(() => !!window.__jbMap, null, { timeout: 30_000 });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.__jbMap;
        const ready = () => map.loaded() && map.isStyleLoaded() && !map.isMoving();
        if (ready()) resolve();
        else map.once('idle', () => resolve());
      }),
  );
}
