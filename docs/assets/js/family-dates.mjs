// A parent's dates: each date with one plain sentence, who does it in everyday words, and where it
// comes from one tap away (a collapsed <details>, marked as a quotation). Used by the parents'
// calculator (calculator.mjs) and by the answers of a parents' page (your-dates.mjs).
//
// Every word comes from words.json's `family` (checklists/national/questions.yml `calculator`:
// results, kinds, actors), keyed by the schemas' vocabulary; this file only arranges it. Where the
// documents disagree on a date, every date is given and the reader is told so: never one silently.
// Text is inserted as text (DOM nodes), never as HTML.

import { NATIONAL, dayNumber, isoDate, isoExact, weekday } from './deadlines.mjs';

/** '2026-06-13' -> 'Saturday 13 June 2026'; '2026-06-13T10:00' adds ' at 10:00' (as words.format_date). */
export function formatDate(iso, words) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const shown = `${words.weekdays[weekday(dayNumber(y, m, d))]} ${d} ${words.months[m - 1]} ${y}`;
  return iso.length > 10 ? `${shown} at ${iso.slice(11, 16)}` : shown;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Local deadlines that disagree (same kind and occurrence, another timing) as one group; a
    national limit shown beside a local rule is not a row of its own. */
export function rows(deadlines) {
  const shownAlongside = new Set(deadlines.filter((d) => d.national).map((d) => d.national));
  const out = [];
  const placed = new Set();
  for (const d of deadlines) {
    if (placed.has(d) || shownAlongside.has(d)) continue;
    const group = [];
    const queue = [d];
    while (queue.length) {
      const x = queue.shift();
      if (placed.has(x)) continue;
      placed.add(x);
      group.push(x);
      for (const y of deadlines) {
        if (!placed.has(y) && y.occurrence === x.occurrence && y.rule.authority === x.rule.authority
            && x.disagreesWith.includes(y.rule.id)) queue.push(y);
      }
    }
    out.push(group);
  }
  return out;
}

/** Fill {name} placeholders; an unknown one is left as it is, so a missing word shows. */
/** A template of the site's words (interface.yml) as nodes: {name} becomes params[name], text or an element. */
export function parts(template, params) {
  return String(template).split(/(\{[a-z_]+\})/).filter(Boolean).map((piece) => {
    const name = /^\{([a-z_]+)\}$/.exec(piece)?.[1];
    return name && name in params ? params[name] : piece;
  });
}
export const fill = (template, params = {}) => String(template).replace(/\{([a-z_]+)\}/g,
  (whole, name) => (params[name] === undefined || params[name] === null ? whole : String(params[name])));
const capital = (text) => text.slice(0, 1).toUpperCase() + text.slice(1);

/** 'a', 'a and b', 'a, b and c' with the data's word for 'and'. */
function joined(parts, F) {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${F.results.and} ${parts.at(-1)}`;
}

/** Who does it in everyday words, in the vocabulary's order, each said once; the data's 'nobody' word if none. */
function who(rule, F) {
  const order = Object.keys(F.actors);
  const named = [...(rule.responsible ?? [])].sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((a) => F.actors[a]).filter(Boolean);
  const once = [...new Set(named)];
  return once.length ? joined(once, F) : F.results.nobody;
}

/** The kind's sentence for a rule, with {who} and {when} filled. */
export function sentence(rule, when, words) {
  const F = words.family;
  const template = F.kinds[rule.kind] ?? `${rule.label}.`;
  return capital(fill(template, { who: who(rule, F), when }));
}

const cite = (rule) => [rule.source?.title || rule.source?.document, rule.source?.section].filter(Boolean).join(', ');

/** Where a date comes from, one tap away: for each deadline, the council's words as a quotation, or
    (for the national rules, whose own words the site does not hold) a line saying so; then the
    document and section, marked with the deadline it gives (data-rule, data-due). */
export function sourceDetails(deadlines, words) {
  const R = words.family.results;
  const inner = [...new Set(deadlines)].flatMap((d) => [
    (d.rule.authority ?? NATIONAL) === NATIONAL || !d.rule.text ? el('p', {}, R.national_source) : el('blockquote', {}, d.rule.text),
    el('p', marks(d), el('cite', {}, cite(d.rule))),
  ]);
  return el('details', { class: 'quote cp-fam__source' }, el('summary', {}, R.source), inner);
}

/** The date (and time, when it falls on that day and `times` is on) a deadline is shown with. */
function shownDate(d, words, times = true) {
  const due = isoDate(d.due);
  const exact = isoExact(d.exact);
  return formatDate(times && exact && exact.length > 10 && exact.slice(0, 10) === due ? exact : due, words);
}

const marks = (d) => ({ 'data-rule': d.rule.id, 'data-kind': d.rule.kind, 'data-occurrence': d.occurrence ?? '',
  'data-due': d.due === null ? '' : isoDate(d.due) });

/** Timings of one thing that hold for different plans, as one group per plan when no plan was chosen:
    [[outcome or null, group]]. A date for "either plan" joins each plan's group, so what is compared
    is only what can happen together (never a child in need date against a child protection one). */
function byOutcome(group, request, words) {
  const outcomes = [...new Set(group.map((d) => d.rule.conditions?.outcome).filter(Boolean))];
  if (request.outcome || !outcomes.length) return [[null, group]];
  const order = Object.keys(words.family.results.only);
  return outcomes.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((o) => [o,
    group.filter((d) => !d.rule.conditions?.outcome || d.rule.conditions.outcome === o)]);
}

/** The earliest of a group: the safe date to work to. */
const earliest = (group) => group.reduce((a, b) => (b.due !== null && (a.due === null || b.due < a.due) ? b : a));

/** One date a parent can act on: the date, the sentence, what they should know about it, and its source. */
function item(group, request, words, outcome, times = true) {
  const R = words.family.results;
  const first = earliest(group);
  const rule = first.rule;
  const lines = [el('p', { class: 'cp-fam__date' }, el('strong', {}, shownDate(first, words, times))),
    el('p', {}, sentence(rule, (!times && R.when[`${rule.limit}_day`]) || R.when[rule.limit] || R.when.within, words))];
  if (outcome && R.only[outcome]) lines.push(el('p', {}, R.only[outcome]));
  if ((rule.authority ?? NATIONAL) === NATIONAL) lines.push(el('p', {}, R.national));
  const moved = first.notes.find((n) => n.code === 'moved');
  if (moved) lines.push(el('p', {}, fill(R.moved, { date: formatDate(moved.exact_date, words) })));
  const dates = [...new Set(group.filter((d) => d.due !== null).map((d) => d.due))].sort((a, b) => a - b);
  if (dates.length > 1) {
    lines.push(el('p', { class: 'cp-fam__disagree' },
      fill(R.disagree, { dates: joined(dates.map((n) => formatDate(isoDate(n), words)), words.family) })));
  }
  const national = group.map((d) => d.national).find((n) => n && n.due !== null && first.due !== null && n.due < first.due);
  if (national) lines.push(el('p', { class: 'cp-fam__disagree' }, fill(R.later_than_national, { date: formatDate(isoDate(national.due), words) })));
  lines.push(sourceDetails([...group, ...group.map((d) => d.national).filter(Boolean)], words));
  return el('li', { ...marks(first), ...(group.length > 1 ? { 'data-disagreement': group.map((d) => d.rule.id).join(' ') } : {}) }, lines);
}

/** The conference itself, with its start time. */
function meetingItem(request, words, times = true) {
  const R = words.family.results;
  return el('li', { 'data-kind': 'conference', 'data-due': isoDate(request.date) },
    el('p', { class: 'cp-fam__date' }, el('strong', {}, formatDate(times ? startOf(request) : isoDate(request.date), words))),
    el('p', {}, R.meeting[request.conference]));
}

/** 'YYYY-MM-DDTHH:MM' of the conference's start (given, or the assumed time). */
export function startOf(request) {
  const time = request.time ?? request.assumed;
  return `${isoDate(request.date)}T${String(Math.floor(time / 60)).padStart(2, '0')}:${String(time % 60).padStart(2, '0')}`;
}

/** Minutes since day 0: where a deadline falls against the conference's start. A date without a
    time is at the start of its day for a 'before' rule, at its end for an 'after' rule. */
function moment(d) {
  const exact = d.exact && d.exact.min !== null && d.exact.day === d.due ? d.exact.min : null;
  return d.due * 1440 + (exact ?? (d.rule.direction === 'before' ? 0 : 1439));
}

/**
 * The list of a parent's dates, in date order: `deadlines` (dated ones) grouped as rows(), a
 * repeated one's later dates folded under its first, and the conference itself in its place when
 * `meeting` is true; times of day only when `times` is true. Returns a <ol>, or null when there is nothing to show.
 */
export function dateList(deadlines, request, words, { meeting = true, times = true } = {}) {
  const R = words.family.results;
  const list = el('ol', { class: 'cp-fam__dates' });
  const start = request.date * 1440 + (request.time ?? request.assumed);
  let placed = !meeting;
  const series = new Map();
  for (const group of rows(deadlines)) {
    const first = earliest(group);
    if (!placed && moment(earliest(group)) >= start) {
      list.append(meetingItem(request, words, times));
      placed = true;
    }
    const earlier = first.occurrence > 1 && group.length === 1 ? series.get(first.rule.id) : null;
    if (earlier) { // a repeated date: under the first one, collapsed
      earlier.append(el('li', marks(first), shownDate(first, words, times)));
      continue;
    }
    for (const [outcome, part] of byOutcome(group, request, words)) {
      const li = item(part, request, words, outcome, times);
      if (first.occurrence === 1) {
        const more = el('ul');
        li.append(el('details', { class: 'cp-more' }, el('summary', {}, R.more), more));
        series.set(first.rule.id, more);
      }
      list.append(li);
    }
  }
  if (!placed) list.append(meetingItem(request, words, times));
  for (const more of series.values()) if (!more.children.length) more.parentElement.remove();
  return list.children.length ? list : null;
}

/** Deadlines without a date, each with the plain reason. */
export function undatedList(deadlines, words) {
  const R = words.family.results;
  return el('ul', { class: 'cp-fam__undated' }, rows(deadlines).map((group) => {
    const d = group[0];
    return el('li', marks(d), el('p', {}, sentence(d.rule, R.when[d.rule.limit] ?? R.when.within, words)),
      R.undated[d.status] ? el('p', {}, R.undated[d.status]) : null, sourceDetails(group, words));
  }));
}

/** The warnings of an answer (no start time, a weekend), in a parent's words. */
export function warningLines(warnings, request, words) {
  const R = words.family.results;
  const hhmm = startOf(request).slice(11);
  return warnings.filter((w) => R.warnings[w.code]).map((w) => el('p', { class: 'cp-fam__warning' },
    fill(R.warnings[w.code], { time: hhmm, date: w.conference_date ? formatDate(w.conference_date, words) : null })));
}

/** What the documents leave unanswered: for each question answered by dates (questions.yml `kinds`)
    of which no rule gives any, the site's plain answer for when the papers are silent. */
export function silentAnswers(deadlines, words) {
  const kinds = new Set(deadlines.map((d) => d.rule.kind));
  return (words.family.questions ?? []).filter((q) => !q.kinds.some((k) => kinds.has(k)))
    .map((q) => el('div', { class: 'cp-fam__silent', 'data-question': q.anchor }, q.when_silent.map((t) => el('p', {}, t))));
}
