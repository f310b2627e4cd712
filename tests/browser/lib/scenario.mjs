// Data that several tests share, made once through the API.
import crypto from 'node:crypto';

import { draftTender } from './api.mjs';

function randomDigits(n) {
  return Array.from({ length: n }, () => crypto.randomInt(10)).join('');
}

// A published tender with sealed bids from leverandor and leverandor2, each with a unique
// marker in its summary and a unique price; the bid deadline is 35 days after the clock. Made
// before the crawl, so that every role's crawl also covers a tender open for bids.
export function sealedTender(env) {
  env.shared.sealed ??= (async () => {
    const { api, clock } = env;
    const created = await api.expect(201, 'innkjoper', 'POST', '/api/tenders', draftTender(clock, 'Renhold av skoler (forseglet)'));
    const id = created.id;
    await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/publish`);
    const bids = [
      { supplier: 'leverandor', marker: `SEGLA${randomDigits(8)}X`, price: Number(`73${randomDigits(5)}`) },
      { supplier: 'leverandor2', marker: `SEGLB${randomDigits(8)}Y`, price: Number(`84${randomDigits(5)}`) },
    ];
    for (const b of bids) {
      const made = await api.expect(201, b.supplier, 'POST', `/api/tenders/${id}/bids`, { price: b.price, summary: `Tilbud ${b.marker}` });
      b.id = made.id;
    }
    return { id, bids };
  })();
  return env.shared.sealed;
}

// The HTML of every page a user's crawl saw, by user and path (the sealed-bid test reads it).
export function pageSnapshots(env, username) {
  env.shared.snapshots ??= new Map();
  if (!env.shared.snapshots.has(username)) env.shared.snapshots.set(username, new Map());
  return env.shared.snapshots.get(username);
}
