// Renders what the calculator shows in words — notes, warnings, the .ics file — with
// docs/assets/js/deadline-text.mjs, for comparison with Python's words.py, render.py and ics.py.
// JSON in: {tables: {<today>: table}, words, items: [{today, rules, input, names}]}.
// JSON out: [{notes: [[…] per deadline], warnings: […], ics}] (or {errors} for bad input).
import { readFileSync } from 'node:fs';
import { Calendar, compute, validate } from '../../docs/assets/js/deadlines.mjs';
import { buildIcs, renderMessage } from '../../docs/assets/js/deadline-text.mjs';

const input = JSON.parse(readFileSync(0, 'utf8'));
const words = input.words;
const calendars = Object.fromEntries(Object.entries(input.tables).map(([today, table]) => [today, new Calendar(table)]));
const out = input.items.map((item) => {
  const { request, errors } = validate(item.input, calendars[item.today], words);
  if (errors.length) return { errors: errors.map((e) => renderMessage(e.code, { ...e, field_id: e.field }, null, words)) };
  const result = compute(item.rules, request, calendars[item.today]);
  return {
    notes: result.deadlines.map((d) => [...d.notes.map((n) => renderMessage(n.code, n, d.rule, words)), ...(d.rule.notes ?? [])]),
    warnings: result.warnings.map((w) => renderMessage(w.code, w, null, words)),
    ics: buildIcs(result, null, words, request, item.names, new Date(Date.UTC(2026, 10, 22, 12, 0, 0))),
  };
});
process.stdout.write(JSON.stringify(out));
