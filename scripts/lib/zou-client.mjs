// Minimal REST client for zou (routes without the /api prefix nginx adds).
export class ZouRequestError extends Error {
  constructor(method, path, status, body) {
    super(
      `${method} ${path} → HTTP ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`.slice(0, 600),
    );
    this.status = status;
    this.body = body;
  }
}

// gunicorn closes an idle keep-alive connection after 2 s; on a loaded machine fetch may pick that socket
// just as it closes, and the request fails before zou read it ("other side closed"), or zou is not
// listening yet. Those requests were never handled, so they are sent again; any other failure is thrown
// with its cause, so the log says more than "fetch failed".
const NEVER_HANDLED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);

async function fetchRetryingClosedSockets(url, init, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = error?.cause?.code;
      if (!NEVER_HANDLED.has(code) || attempt >= attempts) {
        throw new Error(
          `${init.method} ${url} failed: ${error?.cause?.message ?? error.message} (${code ?? 'no code'})`,
          {
            cause: error,
          },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

export class ZouClient {
  constructor(baseUrl, accessToken) {
    this.baseUrl = baseUrl;
    this.accessToken = accessToken;
  }

  static async login(baseUrl, email, password) {
    const anonymous = new ZouClient(baseUrl, null);
    const session = await anonymous.post('/auth/login', { email, password });
    return new ZouClient(baseUrl, session.access_token);
  }

  async request(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetchRetryingClosedSockets(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Non-JSON bodies (HTML error pages) are kept as text for the error message.
    }
    if (!response.ok) throw new ZouRequestError(method, path, response.status, parsed);
    return parsed;
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body = {}) {
    return this.request('POST', path, body);
  }

  put(path, body = {}) {
    return this.request('PUT', path, body);
  }

  delete(path) {
    return this.request('DELETE', path);
  }
}

/** Runs `worker` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapWithConcurrency(items, limit, worker) {
  const results = new Array(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index], index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
