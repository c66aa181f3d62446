// A minimal API client for the benchmark scripts: every answer comes back, never thrown, so load
// loops can count errors instead of stopping at the first one.

const TIMEOUT_MS = 60_000;

export function client(base, token) {
  const request = async (method, path, body, headers = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (e.g. /api/metrics): keep the text
    }
    return { status: res.status, body: parsed };
  };
  return {
    base,
    token,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
  };
}

/** The body of an answer with the expected status; anything else stops the benchmark's set-up. */
export async function expectStatus(answer, status, what) {
  const res = await answer;
  if (res.status !== status)
    throw new Error(
      `${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
    );
  return res.body;
}

export async function login(base, email) {
  const body = await expectStatus(
    client(base).post('/api/auth/login', { email, password: 'baton-demo' }),
    200,
    `sign-in as ${email}`,
  );
  return client(base, body.token);
}
