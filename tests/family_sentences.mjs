// What family-dates.mjs says for each rule, for tests/test_family_dates.py (the parents' page says the
// same in Python: cpguide.family.rule_sentence). JSON in on stdin: {words, rules, when}. JSON out: {id: sentence}.
import { readFileSync } from 'node:fs';
import { sentence } from '../docs/assets/js/family-dates.mjs';

const { words, rules, when } = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(Object.fromEntries(rules.map((r) => [r.id, sentence(r, when, words)]))));
