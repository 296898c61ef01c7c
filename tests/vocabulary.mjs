// What the calculator's JavaScript makes of the exported words (words.json), for tests/test_vocabulary.py.
// JSON in on stdin: {words, table}. JSON out: {accepted: {field: [values]}, refused: {field: bool},
// outcomes: {value: words}, assumed: "HH:MM"}.
import { readFileSync } from 'node:fs';
import { Calendar, compute, isoDate, validate } from '../docs/assets/js/deadlines.mjs';
import { renderMessage } from '../docs/assets/js/deadline-text.mjs';

const { words, table } = JSON.parse(readFileSync(0, 'utf8'));
const calendar = new Calendar(table);
const day = isoDate(calendar.first + 40);
const base = { conference: words.choices.conference[0], date: day };
const errorsOf = (raw) => validate(raw, calendar, words).errors.filter((e) => e.code === 'invalid-choice');

const accepted = {};
const refused = {};
for (const field of Object.keys(words.choices)) {
  accepted[field] = words.choices[field].filter((value) => errorsOf({ ...base, [field]: value }).length === 0);
  refused[field] = errorsOf({ ...base, [field]: 'no-such-value' }).length === 1;
}
const outcomes = Object.fromEntries(words.choices.outcome.map((o) => [o, renderMessage('condition-outcome', { outcome: o }, null, words)]));
const { request } = validate(base, calendar, words);
const assumed = compute([], request, calendar).warnings.find((w) => w.code === 'time-assumed').time;
process.stdout.write(JSON.stringify({ accepted, refused, outcomes, assumed }));
