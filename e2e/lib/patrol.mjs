// Helpers for the patrol journeys: API calls with a bearer token (what an officer's
// tooling would do), the guard app's sign-in, and polling with a deadline.

export async function apiToken(baseUrl, username, password) {
  const res = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`token for ${username}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

export async function apiGet(baseUrl, token, path) {
  const res = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Signs in on the guard app's login page and waits for the home tab. */
export async function guardLogin(page, baseUrl, username, password) {
  await page.goto(`${baseUrl}/m/`);
  await page.getByTestId('page-m-login').waitFor();
  await page.locator('[data-testid=m-login-username] input').fill(username);
  await page.locator('[data-testid=m-login-password] input').fill(password);
  await page.getByTestId('m-login-submit').click();
  await page.getByTestId('page-m-home').waitFor();
}

/** Calls `fetchOnce` until `done(result)`; the last result, or null after the deadline. */
export async function pollUntil(fetchOnce, done, { timeoutMs, intervalMs }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await fetchOnce();
    if (done(result)) return result;
    if (Date.now() >= deadline) return null;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
