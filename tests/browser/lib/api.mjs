// The JSON API seen from a test: log in as a demo user, then send requests with the session
// cookie and the X-CSRF-Token header, as the pages' own scripts would.
export const DEMO_PASSWORD = 'demo-passord';

export class Api {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.sessions = new Map();
  }

  async login(username, password = DEMO_PASSWORD) {
    const res = await fetch(`${this.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const text = await res.text();
    if (res.status !== 200) {
      throw new Error(`API login as ${username}: HTTP ${res.status} ${text}`);
    }
    const body = JSON.parse(text);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    return { username, cookie, csrf: body.csrf_token, user: body.user };
  }

  // One API session per user for the whole run (each login hashes a password).
  async as(username) {
    if (!this.sessions.has(username)) this.sessions.set(username, this.login(username));
    return this.sessions.get(username);
  }

  async send(session, method, path, body) {
    const headers = { Cookie: session.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = session.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; the caller sees `text`
    }
    return { status: res.status, json, text };
  }

  // Sends as `username` and returns the JSON answer; throws unless the status is `status`.
  async expect(status, username, method, path, body) {
    const session = await this.as(username);
    const res = await this.send(session, method, path, body);
    if (res.status !== status) {
      throw new Error(`${username} ${method} ${path}: expected HTTP ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
    }
    return res.json;
  }
}

// A part III cleaning tender like the API tests' draft, published on the clock's date with the
// bid deadline 35 days later.
export function draftTender(clock, title) {
  return {
    title,
    description: 'Renhold av 12 skoler',
    cpv_code: '90911200-8',
    category: 'ordinary',
    buyer_type: 'municipal',
    estimated_value: 30000000,
    why_not_divided: 'Ett driftsområde',
    profile: { procedure: 'open', political_approval_required: false },
    timeline: { questions_deadline: clock.date(20) },
    bid_deadline: clock.iso(35),
    minimum_bids: 2,
    standstill_days: 10,
    award_model: {
      price_model: 'proportional',
      criteria: [
        { id: 'pris', kind: 'price', weight: 40 },
        { id: 'kvalitet', kind: 'quality', weight: 30 },
        { id: 'sosialt', kind: 'social', weight: 30 },
      ],
    },
    award_rules: {
      climate_weight_required: true,
      climate_exception: 'Miljøkrav i kravspesifikasjonen (FOA § 7-9 (2))',
    },
  };
}

// A valid Norwegian organisation number (modulus 11 with weights 3 2 7 6 5 4 3 2), starting
// with 9 and otherwise random.
export function randomOrgNumber() {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = [9, ...Array.from({ length: 7 }, () => Math.floor(Math.random() * 10))];
    const sum = digits.reduce((s, d, i) => s + d * weights[i], 0);
    let check = 11 - (sum % 11);
    if (check === 11) check = 0;
    if (check === 10) continue;
    return digits.join('') + check;
  }
}
