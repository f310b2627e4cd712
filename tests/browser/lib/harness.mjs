// A small test runner: tests register with test(name, fn); each gets a context `t` that
// collects failures without stopping (a crawl reports every bad page, not just the first),
// and the report names the test, the page and what failed.

const registry = [];

// Tests in the same `group` that follow one another may run side by side (see runAll).
export function test(name, fn, { group = null } = {}) {
  registry.push({ name, fn, group });
}

export function registeredTests() {
  return registry.slice();
}

export class TestContext {
  constructor(name) {
    this.name = name;
    this.failures = []; // { where, what, kind }
    this.notes = [];
    this.where = null; // the page or request the test is at, for thrown errors
  }

  // `kind` groups the same problem across pages in the summary; defaults to `what`.
  fail(where, what, kind = what) {
    this.failures.push({ where: where ?? this.where ?? '-', what, kind });
  }

  check(condition, where, what, kind) {
    if (!condition) this.fail(where, what, kind);
    return Boolean(condition);
  }

  note(text) {
    this.notes.push(text);
  }

  at(where) {
    this.where = where;
  }
}

async function runOne(entry, env) {
  const t = new TestContext(entry.name);
  const started = Date.now();
  try {
    await entry.fn(t, env);
  } catch (err) {
    // The tests throw plain Errors with a full sentence; anything else is a defect of the
    // test code itself and keeps its place in the stack.
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const detail = err instanceof Error && err.name !== 'Error' ? firstLines(err.stack, 3) : message;
    t.fail(t.where, `test stopped: ${detail}`, `test stopped: ${message.replace(/\d+/g, 'N')}`);
  }
  t.seconds = (Date.now() - started) / 1000;
  const status = t.failures.length ? 'FAIL' : 'PASS';
  console.log(`${status}  ${t.name} (${t.seconds.toFixed(1)} s)`);
  return t;
}

function firstLines(text, n) {
  return text.split('\n').slice(0, n).join('\n        ');
}

// Runs the tests in order; consecutive tests of one group run `jobs` at a time.
export async function runAll(tests, env, { jobs = 1 } = {}) {
  const results = [];
  for (let i = 0; i < tests.length; ) {
    const group = tests[i].group;
    let j = i + 1;
    while (group && j < tests.length && tests[j].group === group) j++;
    const batch = tests.slice(i, j);
    const slots = new Array(batch.length);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const k = next++;
        slots[k] = await runOne(batch[k], env);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, batch.length) }, worker));
    results.push(...slots);
    i = j;
  }
  return results;
}

// The report: every failure of every test, then the same problems grouped across pages.
export function report(results, { extraFailures = [] } = {}) {
  const failed = results.filter((r) => r.failures.length);
  const lines = [];
  if (failed.length || extraFailures.length) {
    lines.push('', '==== failures ====');
    for (const r of failed) {
      lines.push('', `FAIL ${r.name}`);
      for (const f of r.failures) lines.push(`  ${f.where}`, `      ${indent(f.what)}`);
    }
    for (const f of extraFailures) lines.push('', `FAIL ${f.where}`, `      ${indent(f.what)}`);

    const byKind = new Map();
    for (const r of failed) {
      for (const f of r.failures) {
        const entry = byKind.get(f.kind) ?? { count: 0, examples: [] };
        entry.count++;
        if (entry.examples.length < 3) entry.examples.push(`${f.where} [${r.name}]`);
        byKind.set(f.kind, entry);
      }
    }
    lines.push('', '==== the same problems grouped ====');
    for (const [kind, e] of [...byKind].sort((a, b) => b[1].count - a[1].count)) {
      lines.push(`${String(e.count).padStart(4)} x ${kind}`);
      for (const ex of e.examples) lines.push(`         e.g. ${ex}`);
    }
  }
  const notes = results.filter((r) => r.notes.length);
  if (notes.length) {
    lines.push('', '==== notes (not failures) ====');
    for (const r of notes) for (const n of r.notes) lines.push(`  ${r.name}: ${n}`);
  }
  return lines.join('\n');
}

function indent(text) {
  return String(text).replace(/\n/g, '\n      ');
}
