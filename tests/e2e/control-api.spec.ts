// The control API beside the UI, as a tester's script uses it: read the SMS code over HTTP, type it into the login window.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';

interface Pending {
  username: string;
  loginId: string;
  kind: string;
  code: string | null;
}

test('a tester logs in through the login window, reading the SMS code from the control API', async ({ login, server, request }) => {
  const auth = { Authorization: `Bearer ${server.controlToken}` };
  await login.logIn('smsuser', DEMO_PASSWORD);
  await expect(login.securityCode).toBeFocused();

  // No virtual time has passed, so the SMS is not on the phone yet: the API is the only way to the code.
  const reply = await request.get(`${server.controlUrl}/pending?username=smsuser`, { headers: auth });
  expect(reply.status()).toBe(200);
  const { value } = (await reply.json()) as { ok: true; value: Pending[] };
  expect(value).toHaveLength(1);
  const [pending] = value;
  expect(pending).toMatchObject({ username: 'smsuser', kind: 'code', code: expect.stringMatching(/^\d{6}$/) });

  await login.enterCode(pending!.code!);
  await expect(login.loggedInAs('smsuser')).toBeVisible();

  // The code is used up: nothing pending any more, and the journal says how the login ended.
  const after = await request.get(`${server.controlUrl}/pending?username=smsuser`, { headers: auth });
  expect(((await after.json()) as { value: Pending[] }).value).toEqual([]);
  const journal = await request.get(`${server.controlUrl}/journal?format=jsonl`, { headers: auth });
  const types = (await journal.text())
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { type: string }).type);
  expect(types).toEqual(expect.arrayContaining(['code.issued', 'code.accepted', 'login.succeeded']));
});

test('the control API refuses requests without the token, and web pages altogether', async ({ login, server, request, sim, page }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  const code = sim.listPending({ username: 'smsuser' })[0]!.code!;

  for (const headers of [{}, { Authorization: 'Bearer not-the-token' }] as Record<string, string>[]) {
    const read = await request.get(`${server.controlUrl}/pending?username=smsuser`, { headers });
    expect(read.status()).toBe(401);
    const text = await read.text();
    expect(text).not.toContain(code);
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const change = await request.post(`${server.controlUrl}/phones/sms-phone/state`, { headers, data: { airplane: true } });
    expect(change.status()).toBe(401);
  }
  expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(false);

  // Even with the token, the simulator's own page (or any page) cannot call it from the browser.
  const fromPage = await page.evaluate(
    async ({ url, token }) => (await fetch(`${url}/pending`, { headers: { Authorization: `Bearer ${token}` } })).status,
    { url: server.controlUrl!, token: server.controlToken! },
  );
  expect(fromPage).toBe(403);

  // With the token, the same change goes through.
  const change = await request.post(`${server.controlUrl}/phones/sms-phone/state`, { headers: { Authorization: `Bearer ${server.controlToken}` }, data: { airplane: true } });
  expect(change.status()).toBe(200);
  expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(true);
});
