// Differential test driver: evaluates many (rules, input) items with docs/assets/js/deadlines.mjs
// in one Node process. JSON in: {tables: {<today>: table}, words, items: [{today, rules, input}]}.
// JSON out: one answer per item, in the same shape as Python's run (core result or {errors}).
import { readFileSync } from 'node:fs';
import { Calendar, run } from '../../docs/assets/js/deadlines.mjs';

const input = JSON.parse(readFileSync(0, 'utf8'));
const calendars = Object.fromEntries(Object.entries(input.tables).map(([today, table]) => [today, new Calendar(table)]));
process.stdout.write(JSON.stringify(input.items.map((item) => run(item.rules, item.input, calendars[item.today], input.words))));
