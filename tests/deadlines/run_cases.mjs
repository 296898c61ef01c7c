// Runs the shared deadline cases (tests/cases/deadlines/*.json) against docs/assets/js/deadlines.mjs.
// JSON in on stdin: {tables: {<today>: bank-holiday table}, words (words.json), cases: [{id, today, rules, input, expected}]}
// JSON out on stdout: [{id, ok, problems, got}] — the same checks as tests/deadlines/cases.py does
// for Python, so each implementation is held to the cases on its own.
import { readFileSync } from 'node:fs';
import { Calendar, run } from '../../docs/assets/js/deadlines.mjs';

const input = JSON.parse(readFileSync(0, 'utf8'));
const calendars = Object.fromEntries(Object.entries(input.tables).map(([today, table]) => [today, new Calendar(table)]));

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function check(got, expected) {
  const problems = [];
  if (expected.errors) {
    const errors = (got.errors ?? []).map((e) => ({ code: e.code, field: e.field }));
    if (!same(errors, expected.errors)) problems.push(`errors: expected ${JSON.stringify(expected.errors)}, got ${JSON.stringify(errors)}`);
    return problems;
  }
  if (got.errors) return [`unexpected errors ${JSON.stringify(got.errors)}`];
  if (expected.warnings) {
    const codes = got.warnings.map((w) => w.code);
    if (!same(codes, expected.warnings)) problems.push(`warnings: expected ${JSON.stringify(expected.warnings)}, got ${JSON.stringify(codes)}`);
  }
  if (expected.deadlines) {
    const keys = got.deadlines.map((d) => `${d.rule}#${d.occurrence ?? ''}`);
    const wanted = expected.deadlines.map((d) => `${d.rule}#${d.occurrence ?? ''}`);
    if (!same(keys, wanted)) problems.push(`deadlines: expected ${wanted.join(', ')}; got ${keys.join(', ')}`);
    expected.deadlines.forEach((want, i) => {
      const have = got.deadlines[i];
      if (!have) return;
      for (const [field, value] of Object.entries(want)) {
        if (field === 'rule' || field === 'occurrence') continue;
        let actual = have[field];
        if (field === 'notes') actual = have.notes.map((n) => n.code);
        if (field === 'national') actual = have.national && have.national.due;
        if (!same(actual, value)) problems.push(`${want.rule}#${want.occurrence ?? ''} ${field}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`);
      }
    });
  }
  return problems;
}

const out = input.cases.map((c) => {
  const got = run(c.rules, c.input, calendars[c.today], input.words);
  const problems = check(got, c.expected);
  return { id: c.id, ok: problems.length === 0, problems, got };
});
process.stdout.write(JSON.stringify(out));
