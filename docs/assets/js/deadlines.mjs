// The deadline engine for the web calculator: a pure ES module (no DOM), the twin of
// cpguide/deadlines/engine.py. The rules and the bank-holiday table come from the JSON the site
// build exports (cpguide/deadlines/export.py); nothing about a rule is written here.
//
// Dates never go through JavaScript's Date: a day is an integer (days since 1970-01-01, proleptic
// Gregorian), a moment is a day plus minutes of the wall clock, so there is no time zone, no
// summer time and no "new Date('2026-06-15') is midnight UTC" surprise. The semantics are in
// docs/about/deadline-rules.md; tests/cases/deadlines/ and the differential test keep this file and
// the Python engine equal.

export const NATIONAL = 'national';
const FIELDS = ['conference', 'date', 'time', 'strategy_date', 'outcome', 'audience'];
const MAX_OCCURRENCES = 500;
const DATE_RE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const TIME_RE = /^([0-9]{1,2}):([0-9]{2})$/;

// --- days as integers -----------------------------------------------------------------------

const floorDiv = (a, b) => Math.floor(a / b);
const mod = (a, b) => ((a % b) + b) % b;

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumber(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = floorDiv(yy, 400);
  const yoe = yy - era * 400;
  const doy = floorDiv(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number. */
export function civil(n) {
  const z = n + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const d = doy - floorDiv(153 * mp + 2, 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekday = (n) => mod(n + 3, 7);

const pad = (v, w = 2) => String(v).padStart(w, '0');

export function isoDate(n) {
  const [y, m, d] = civil(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function daysInMonth(y, m) {
  return m === 12 ? 31 : dayNumber(y, m + 1, 1) - dayNumber(y, m, 1);
}

/** Day number of a strict YYYY-MM-DD string, or null if it is not a real date. */
export function parseDate(text) {
  const match = DATE_RE.exec(text);
  if (!match) return null;
  const [y, m, d] = match.slice(1).map(Number);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return dayNumber(y, m, d);
}

/** Minutes after midnight of H:MM or HH:MM (24-hour clock), or null. */
export function parseTime(text) {
  const match = TIME_RE.exec(text);
  if (!match) return null;
  const h = Number(match[1]);
  const min = Number(match[2]);
  return h > 23 || min > 59 ? null : h * 60 + min;
}

const hhmm = (minutes) => `${pad(floorDiv(minutes, 60))}:${pad(minutes % 60)}`;

/** ISO text of an exact moment {day, min}: a date, or a date and time when min is not null. */
export function isoExact(exact) {
  if (exact == null) return null;
  return exact.min == null ? isoDate(exact.day) : `${isoDate(exact.day)}T${hhmm(exact.min)}`;
}

// --- calendar ---------------------------------------------------------------------------------

export class OutOfRange extends Error {}

/** Working days between table.first and table.last (the exported bank-holiday table). */
export class Calendar {
  constructor(table) {
    this.first = parseDate(table.first);
    this.last = parseDate(table.last);
    this.names = new Map(Object.entries(table.holidays).map(([iso, name]) => [parseDate(iso), name]));
  }

  covers(n) {
    return n >= this.first && n <= this.last;
  }

  check(n) {
    if (!this.covers(n)) throw new OutOfRange(isoDate(n));
    return n;
  }

  isWorkingDay(n) {
    this.check(n);
    return weekday(n) < 5 && !this.names.has(n);
  }

  /** The kth working day after n (k > 0) or before it (k < 0); n itself never counts. */
  addWorkingDays(n, k) {
    const step = k > 0 ? 1 : -1;
    let remaining = Math.abs(k);
    while (remaining) {
      n += step;
      if (this.isWorkingDay(n)) remaining -= 1;
    }
    return this.check(n);
  }

  workingDayOnOrBefore(n) {
    while (!this.isWorkingDay(n)) n -= 1;
    return n;
  }
}

/** Same day number k months on (or back), or the last day of a shorter month. */
export function addMonths(n, k) {
  const [y, m, d] = civil(n);
  const index = y * 12 + (m - 1) + k;
  const year = floorDiv(index, 12);
  const month = mod(index, 12) + 1;
  return dayNumber(year, month, Math.min(d, daysInMonth(year, month)));
}

// --- input ------------------------------------------------------------------------------------

/**
 * Check raw text input (the fields of the form). Returns {request, errors}: request is null when
 * errors is not empty. Errors are {code, field, value, …}, in the same order as Python's.
 * `words` is the exported words.json: the values each choice accepts (`choices`, the schema's words)
 * and the start time assumed when none is given (`default_time`), carried on the request as `assumed`.
 */
export function validate(raw, calendar, words) {
  const values = {};
  for (const name of FIELDS) values[name] = String(raw[name] ?? '').trim();
  const errors = [];
  const error = (code, name, params = {}) => errors.push({ code, field: name, value: values[name], ...params });

  const choice = (name, required) => {
    if (!values[name]) {
      if (required) error('missing', name);
      return null;
    }
    if (!words.choices[name].includes(values[name])) {
      error('invalid-choice', name);
      return null;
    }
    return values[name];
  };

  const day = (name, required) => {
    if (!values[name]) {
      if (required) error('missing', name);
      return null;
    }
    const parsed = parseDate(values[name]);
    if (parsed === null) {
      error('invalid-date', name);
    } else if (!calendar.covers(parsed)) {
      error('date-out-of-range', name, { first: isoDate(calendar.first), last: isoDate(calendar.last) });
      return null;
    }
    return parsed;
  };

  const conference = choice('conference', true);
  const date = day('date', true);
  let time = null;
  if (values.time) {
    time = parseTime(values.time);
    if (time === null) error('invalid-time', 'time');
  }
  const strategyDate = day('strategy_date', false);
  if (strategyDate !== null && date !== null && strategyDate > date) error('strategy-after-conference', 'strategy_date');
  const outcome = choice('outcome', false);
  const audience = choice('audience', false);
  if (errors.length) return { request: null, errors };
  const assumed = parseTime(words.default_time);
  return { request: { conference, date, time, strategyDate, outcome, audience, assumed }, errors };
}

// --- rules ------------------------------------------------------------------------------------

const authorityOf = (rule) => rule.authority ?? NATIONAL;

function applies(rule, request) {
  if (rule.conference_types && !rule.conference_types.includes(request.conference)) return false; // none listed: every type
  const wanted = (rule.conditions ?? {}).outcome;
  return !(wanted && request.outcome && wanted !== request.outcome);
}

function conditionNotes(rule) {
  const conditions = rule.conditions ?? {};
  const notes = [];
  if (conditions.outcome) notes.push({ code: 'condition-outcome', outcome: conditions.outcome });
  if (conditions.scaling) notes.push({ code: 'condition-scaling', min: conditions.scaling.min, max: conditions.scaling.max });
  return notes;
}

function deadline(rule, fields = {}) {
  return {
    rule, occurrence: null, due: null, exact: null, status: 'dated', notes: [],
    safe: null, disagreesWith: [], national: null, ...fields,
  };
}

/** {exact, due, notes} for one rule counted from anchor {day, min}; throws OutOfRange. */
function step(anchor, hasTime, rule, calendar) {
  const { amount, unit } = rule;
  const sign = rule.direction === 'before' ? -1 : 1;
  const notes = [];
  let exact;
  if (unit === 'working_days') {
    exact = { day: calendar.addWorkingDays(anchor.day, sign * amount), min: null };
  } else if (unit === 'days' || unit === 'weeks') {
    exact = { day: calendar.check(anchor.day + sign * amount * (unit === 'weeks' ? 7 : 1)), min: null };
  } else if (unit === 'months') {
    exact = { day: calendar.check(addMonths(anchor.day, sign * amount)), min: null };
  } else {
    const minutes = amount * (unit === 'hours' ? 60 : 1);
    const total = anchor.day * 1440 + anchor.min + sign * minutes;
    exact = { day: floorDiv(total, 1440), min: mod(total, 1440) };
    calendar.check(exact.day);
    if (!hasTime) notes.push({ code: 'start-of-day' });
  }
  let due;
  if (rule.limit === 'exactly') {
    due = exact.day;
    if (!calendar.isWorkingDay(exact.day)) notes.push({ code: 'appointment-not-moved', exact_date: isoDate(exact.day) });
  } else {
    due = calendar.workingDayOnOrBefore(exact.day);
    if (due !== exact.day) notes.push({ code: 'moved', exact_date: isoDate(exact.day) });
  }
  return { exact, due, notes };
}

function outOfRange(rule, occurrence, calendar) {
  return deadline(rule, {
    occurrence, status: 'out-of-range',
    notes: [...conditionNotes(rule), { code: 'out-of-range', first_date: isoDate(calendar.first), last_date: isoDate(calendar.last) }],
  });
}

function guarded(fn, onOutOfRange) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OutOfRange) return onOutOfRange();
    throw e;
  }
}

function evaluate(rule, request, calendar) {
  const notes = conditionNotes(rule);
  if (rule.direction === 'after' && rule.limit === 'at-least') {
    return deadline(rule, { status: 'unsupported', notes: [...notes, { code: 'unsupported' }] });
  }
  let anchor;
  let hasTime;
  if (rule.from === 'conference') {
    anchor = { day: request.date, min: request.time ?? request.assumed };
    hasTime = true;
  } else if (rule.from === 'strategy-discussion') {
    if (request.strategyDate === null || request.strategyDate === undefined) {
      return deadline(rule, { status: 'needs-strategy-date', notes: [...notes, { code: 'needs-strategy-date' }] });
    }
    anchor = { day: request.strategyDate, min: 0 };
    hasTime = false;
  } else {
    return deadline(rule, { status: 'no-anchor', notes: [...notes, { code: 'no-anchor' }] });
  }
  return guarded(() => {
    const r = step(anchor, hasTime, rule, calendar);
    return deadline(rule, { due: r.due, exact: r.exact, notes: [...notes, ...r.notes] });
  }, () => outOfRange(rule, null, calendar));
}

function series(rule, single, calendar) {
  const starts = single.filter((d) => d.rule.kind === rule.recurrence.after && d.due !== null).map((d) => d.due);
  if (!starts.length) {
    return [deadline(rule, { occurrence: 1, status: 'no-series-start', notes: [...conditionNotes(rule), { code: 'no-series-start' }] })];
  }
  const ends = single.filter((d) => d.rule.kind === 'next-review-conference' && d.due !== null).map((d) => d.due);
  const end = ends.length ? Math.min(...ends) : null;
  let previous = Math.min(...starts);
  const out = [];
  for (let occurrence = 1; occurrence <= MAX_OCCURRENCES; occurrence += 1) {
    let r;
    try {
      r = step({ day: previous, min: 0 }, false, rule, calendar);
    } catch (e) {
      if (!(e instanceof OutOfRange)) throw e;
      out.push(outOfRange(rule, occurrence, calendar));
      break;
    }
    if (end !== null && r.due > end) break;
    out.push(deadline(rule, { occurrence, due: r.due, exact: r.exact, notes: [...conditionNotes(rule), ...r.notes] }));
    if (end === null) {
      out[out.length - 1].notes.push({ code: 'series-end-unknown' });
      break;
    }
    if (r.due <= previous) break;
    previous = r.due;
  }
  return out;
}

// "Same timing" as engine.timing() in Python, whose docstring says why `limit` is not part of it.
const timingKey = (rule) => JSON.stringify([rule.amount, rule.unit, rule.direction, rule.from]);

function compatible(a, b) {
  const ca = a.conditions ?? {};
  const cb = b.conditions ?? {};
  if (ca.outcome && cb.outcome && ca.outcome !== cb.outcome) return false;
  const sa = ca.scaling;
  const sb = cb.scaling;
  return !(sa && sb && (sa.max < sb.min || sb.max < sa.min));
}

function markDisagreements(deadlines) {
  for (const d of deadlines) {
    if (authorityOf(d.rule) === NATIONAL) continue;
    const others = deadlines.filter((o) => o !== d && authorityOf(o.rule) === authorityOf(d.rule)
      && o.rule.kind === d.rule.kind && o.occurrence === d.occurrence
      && timingKey(o.rule) !== timingKey(d.rule) && compatible(o.rule, d.rule));
    if (!others.length) continue;
    d.disagreesWith = [...new Set(others.map((o) => o.rule.id))].sort(compareStrings);
    if (d.due === null) continue;
    const earliest = Math.min(...others.filter((o) => o.due !== null).map((o) => o.due), d.due);
    d.safe = d.due === earliest;
    d.notes.push(d.safe ? { code: 'disagreement-safe' } : { code: 'disagreement-later', safe_date: isoDate(earliest) });
  }
}

function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    const c = typeof a[i] === 'string' ? compareStrings(a[i], b[i]) : a[i] - b[i];
    if (c) return c;
  }
  return 0;
}

function pairNational(deadlines) {
  const national = deadlines.filter((d) => authorityOf(d.rule) === NATIONAL);
  for (const d of deadlines) {
    if (authorityOf(d.rule) === NATIONAL) continue;
    const wanted = d.rule.national_limit;
    const candidates = national.filter((n) => n.occurrence === d.occurrence
      && (wanted ? n.rule.id === wanted : n.rule.kind === d.rule.kind));
    if (!candidates.length) continue;
    const key = (n) => [n.due === null ? 1 : 0, n.due ?? 0, n.rule.id];
    candidates.sort((a, b) => compareKeys(key(a), key(b)));
    d.national = candidates[0];
    if (d.due !== null && d.national.due !== null && d.due > d.national.due) {
      d.notes.push({ code: 'later-than-national', national_date: isoDate(d.national.due) });
    }
  }
}

const sortKey = (d) => [
  d.due === null ? '~' : isoDate(d.due), isoExact(d.exact) ?? '~',
  authorityOf(d.rule) === NATIONAL ? 1 : 0, d.rule.id, d.occurrence ?? 0,
];

/** The deadlines whose rule names the audience, and the other timings of any of them that the
 * authority's documents disagree about (so both are still shown side by side). */
function forAudience(deadlines, audience) {
  const names = (d) => (d.rule.audiences ?? []).includes(audience);
  const key = (authority, id, occurrence) => JSON.stringify([authority, id, occurrence]);
  const partners = new Set();
  for (const d of deadlines.filter(names)) {
    for (const other of d.disagreesWith) partners.add(key(authorityOf(d.rule), other, d.occurrence));
  }
  return deadlines.filter((d) => names(d) || partners.has(key(authorityOf(d.rule), d.rule.id, d.occurrence)));
}

function warnings(rules, request, calendar) {
  const out = [];
  if (request.time === null || request.time === undefined) out.push({ code: 'time-assumed', time: hhmm(request.assumed) });
  if (!calendar.isWorkingDay(request.date)) {
    if (weekday(request.date) >= 5) {
      out.push({ code: 'weekend', conference_date: isoDate(request.date) });
    } else {
      out.push({ code: 'bank-holiday', conference_date: isoDate(request.date), holiday: calendar.names.get(request.date) ?? null });
    }
  }
  if (request.strategyDate != null && !rules.some((r) => r.from === 'strategy-discussion')) {
    out.push({ code: 'strategy-not-used' });
  }
  return out;
}

/**
 * Every deadline the rules give for this conference, in date order (undated ones last).
 * Returns {deadlines, warnings}; each deadline keeps its rule object for display.
 */
export function compute(rules, request, calendar) {
  calendar.check(request.date);
  if (request.strategyDate != null) calendar.check(request.strategyDate);
  const applicable = rules.filter((r) => applies(r, request));
  const single = applicable.filter((r) => !r.recurrence).map((r) => evaluate(r, request, calendar));
  let deadlines = [...single];
  for (const rule of applicable) {
    if (rule.recurrence) deadlines.push(...series(rule, single, calendar));
  }
  markDisagreements(deadlines);
  pairNational(deadlines);
  deadlines.sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
  if (request.audience) deadlines = forAudience(deadlines, request.audience);
  return { deadlines, warnings: warnings(applicable, request, calendar) };
}

/** The language-neutral form compared with Python's Result.core(). */
export function core(result) {
  return {
    deadlines: result.deadlines.map((d) => ({
      rule: d.rule.id,
      authority: authorityOf(d.rule),
      kind: d.rule.kind,
      occurrence: d.occurrence,
      due: d.due === null ? null : isoDate(d.due),
      exact: isoExact(d.exact),
      status: d.status,
      notes: d.notes,
      safe: d.safe,
      disagrees_with: d.disagreesWith,
      national: d.national === null ? null : {
        rule: d.national.rule.id,
        occurrence: d.national.occurrence,
        due: d.national.due === null ? null : isoDate(d.national.due),
        exact: isoExact(d.national.exact),
      },
    })),
    warnings: result.warnings,
  };
}

/** Validate raw input and compute; {errors} or the core result. Used by the test drivers. */
export function run(rules, raw, calendar, words) {
  const { request, errors } = validate(raw, calendar, words);
  if (errors.length) return { errors };
  return core(compute(rules, request, calendar));
}
