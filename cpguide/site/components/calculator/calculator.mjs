// The deadline calculator's page behaviour: reads the form, evaluates the rules with
// deadlines.mjs, shows a timeline, offers an .ics file (deadline-text.mjs writes it) and printing.
//
// Loaded by cpguide.js for every [data-cpguide-calculator] element (also after Material's instant
// navigation), which calls mount(root). The form, its labels and hints are in the page (generated
// by cpguide/site/calculator.py); the rules, their words, the messages and the names come from the
// JSON under data-data-base. Nothing about a rule is written here: this file only arranges what
// the data says. Text from the data is always inserted as text, never as HTML.

import { Calendar, NATIONAL, compute, isoDate, isoExact, parseDate, parseTime, validate } from './deadlines.mjs';
import * as store from './conference-store.mjs';
import { actorNames, buildIcs, cite, conditionLines, formatDate, label, noteLines, renderMessage } from './deadline-text.mjs';
import { dateList, el, fill, parts, rows, sentence, silentAnswers, startOf, undatedList, warningLines } from './family-dates.mjs';

function addStyle() {
  if (document.getElementById('cp-calc-style')) return;
  document.head.append(el('link', { id: 'cp-calc-style', rel: 'stylesheet', href: new URL('../css/calculator.css', import.meta.url).href }));
}
const FIELDS = ['authority', 'conference', 'date', 'time', 'strategy_date', 'outcome'];
const cache = new Map();

function loadJSON(url) {
  const key = String(url);
  if (!cache.has(key)) {
    cache.set(key, fetch(key).then((r) => {
      if (!r.ok) throw new Error(`${key}: HTTP ${r.status}`);
      return r.json();
    }).catch((e) => {
      cache.delete(key);
      throw e;
    }));
  }
  return cache.get(key);
}


/** What this audience expects to be told (words.expected, from expected-deadlines.yml) that the
    authority's own rules leave unanswered for this conference: [topic, sentence] pairs, each saying
    so and what national guidance says. Nothing the reader expects is left out silently. */
function silences(result, data, request, words) {
  const expected = words.expected?.audiences?.[request.audience] ?? [];
  const fill = (template, params) => template.replace(/\{([a-z_]+)\}/g, (whole, name) => params[name] ?? whole);
  const of = (e, authority) => result.deadlines.filter((d) => e.kinds.includes(d.rule.kind) && (d.rule.authority ?? 'national') === authority);
  if (data.authority.id === 'national') return [];
  return expected.filter((e) => !of(e, data.authority.id).length).map((e) => {
    const national = [...new Set(of(e, 'national').map((d) => d.rule))];
    const says = national.length
      ? national.map((r) => fill(words.expected.messages.national, { rule: `${r.label}, ${r.words}`, source: cite(r) }))
      : [words.expected.messages.national_none];
    return [e.topic, [fill(words.expected.messages.none, { authority: data.authority.name, what: e.what }), ...says].join(' ')];
  });
}

// --- DOM helpers (el() is family-dates.mjs's) -----------------------------------------------------

function fieldLabel(form, name) {
  const field = form.querySelector(`[data-field="${name}"]`);
  const text = field?.querySelector('legend, label')?.textContent ?? name;
  return text.replace(/\s*\(optional\)\s*$/, '');
}

// --- the answer ---------------------------------------------------------------------------------

/** data-rule, data-occurrence and data-due: which deadline an element shows, for tests and tools. */
const marks = (d) => ({ 'data-rule': d.rule.id, 'data-occurrence': d.occurrence ?? '', 'data-due': d.due === null ? '' : isoDate(d.due) });

function dateCell(d, words) {
  const W = words.results;
  if (d.due === null) return el('td', { 'data-label': W.columns.date, ...marks(d) }, W.no_date_inline);
  const due = isoDate(d.due);
  const exact = isoExact(d.exact);
  const cell = el('td', marks(d), el('strong', {}, formatDate(due, words)));
  if (exact && exact !== due) {
    const sameDay = exact.slice(0, 10) === due;
    cell.append(el('br'), sameDay ? fill(W.at_time, { time: exact.slice(11, 16) }) : fill(W.exactly, { date: formatDate(exact, words) }));
  }
  return cell;
}

function ruleBlock(d, words, data) {
  const rule = d.rule;
  const who = rule.authority === 'national' ? data.national?.short_name : data.authority.short_name;
  const block = [el('p', {}, rule.words)];
  for (const line of noteLines(d, words)) block.push(el('p', { class: 'cp-calc__note' }, line));
  block.push(el('p', { class: 'cp-calc__source' }, parts(who ? words.results.source_who : words.results.source,
    { source: el('cite', {}, cite(rule)), who })));
  if (rule.text) block.push(el('details', {}, el('summary', {}, words.results.wording_of_source), el('blockquote', {}, rule.text)));
  return block;
}

function nationalCell(d, words) {
  const n = d.national;
  const W = words.results;
  if (!n) return el('td', { 'data-label': W.columns.national }, W.none);
  return el('td', { 'data-label': W.columns.national, ...marks(n) },
    n.due === null ? W.no_date : el('strong', {}, formatDate(isoDate(n.due), words)),
    el('br'), n.rule.words, el('br'), el('cite', {}, cite(n.rule)));
}

/** Two or more timings for one thing, side by side: one column per rule, the earlier marked safe. */
function compareTable(group, words, data) {
  const W = words.results;
  const head = el('tr', {}, el('td'), group.map((d) => el('th', { scope: 'col' }, d.rule.words)));
  const row = (name, cell, mark = false) => el('tr', {}, el('th', { scope: 'row' }, name),
    group.map((d) => el('td', mark ? marks(d) : {}, cell(d))));
  const rowsOut = [
    row(W.columns.date, (d) => (d.due === null ? W.no_date : [el('strong', {}, formatDate(isoDate(d.due), words)),
      d.safe ? [el('br'), el('mark', { class: 'cp-calc__safe' }, W.safe)] : null]), true),
  ];
  if (group.some((d) => d.rule.conditions)) rowsOut.push(row(W.only_if, (d) => conditionLines(d.rule, words).join(' ') || W.always));
  rowsOut.push(
    row(W.source_row, (d) => [el('cite', {}, cite(d.rule)), d.rule.text
      ? el('details', {}, el('summary', {}, W.wording), el('blockquote', {}, d.rule.text)) : null]),
    row(W.who_row, (d) => actorNames(d.rule, words) || W.nobody),
  );
  return el('table', {},
    el('caption', {}, W.compare_caption),
    el('thead', {}, head), el('tbody', {}, rowsOut));
}

function nationalLine(d, words) {
  const n = d?.national;
  if (!n) return null;
  return el('p', { class: 'cp-calc__note', ...marks(n) }, parts(words.results.national_line, {
    date: n.due === null ? words.results.no_date_inline : el('strong', {}, formatDate(isoDate(n.due), words)),
    rule: n.rule.words, source: el('cite', {}, cite(n.rule)) }));
}

function whatCell(d, words, extra = null) {
  const who = actorNames(d.rule, words);
  return el('td', {}, el('strong', { class: 'cp-calc__what' }, label(d, words)), extra ? [el('br'), extra] : null,
    who ? [el('br'), fill(words.results.who, { who })] : null);
}

function timeline(groups, words, data, caption) {
  const W = words.results;
  const table = el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ['date', 'what', 'rule', 'national'].map((h) => el('th', { scope: 'col' }, W.columns[h])))));
  const body = el('tbody');
  for (const group of groups) {
    const first = group.find((d) => d.safe) ?? group[0];
    if (group.length === 1) {
      body.append(el('tr', {}, dateCell(first, words), whatCell(first, words),
        el('td', { 'data-label': W.rule }, ruleBlock(first, words, data)), nationalCell(first, words)));
    } else {
      body.append(el('tr', { 'data-disagreement': group.map((d) => d.rule.id).join(' ') }, dateCell(first, words),
        whatCell(first, words, el('em', {}, W.disagree)),
        el('td', { colspan: '2' }, compareTable(group, words, data), nationalLine(group.find((d) => d.national), words))));
    }
  }
  table.append(body);
  return el('div', { class: 'cp-calc__timeline' }, table);
}

// --- calendar file ---------------------------------------------------------------------------


// --- the form ------------------------------------------------------------------------------------

// Values from the page's address that the date and time boxes refused (?time=24:00): validated as
// if typed, so they are reported as errors instead of the box silently staying empty.
const fromAddress = new WeakMap();

function readForm(form) {
  const raw = {};
  const incomplete = [];
  const refused = fromAddress.get(form) ?? {};
  for (const name of FIELDS) {
    const field = form.elements[name];
    if (!field) continue;
    raw[name] = field.value ?? '';
    if (name in refused) raw[name] = refused[name];
    else if (field.validity?.badInput) incomplete.push(name); // a date or time box left half filled in
  }
  return { raw, incomplete };
}

function clearErrors(form) {
  const summary = form.querySelector('.cp-calc__summary');
  summary.hidden = true;
  summary.querySelector('ul').replaceChildren();
  for (const p of form.querySelectorAll('.cp-calc__error')) {
    p.textContent = '';
    p.hidden = true;
  }
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}

function showErrors(form, errors, words) {
  const summary = form.querySelector('.cp-calc__summary');
  const list = summary.querySelector('ul');
  for (const e of errors) {
    const field = form.querySelector(`[data-field="${e.field}"]`);
    const input = form.elements[e.field];
    const fieldId = input?.type === 'date' || input?.type === 'time' ? `${e.field}_box` : e.field;
    const message = renderMessage(e.code, { ...e, field: fieldLabel(form, e.field), field_id: fieldId }, null, words);
    const slot = field?.querySelector('.cp-calc__error');
    if (slot && !slot.textContent) {
      slot.textContent = `Error: ${message}`;
      slot.hidden = false;
    }
    const control = field?.querySelector('input:checked, input, select');
    if (control) {
      (field.querySelectorAll('input[type="radio"]').length ? field.querySelectorAll('input') : [control])
        .forEach((c) => c.setAttribute('aria-invalid', 'true'));
    }
    list.append(el('li', {}, el('a', { href: `#${control?.id ?? ''}` }, message)));
  }
  summary.hidden = false;
  summary.focus();
}

/** The authority from the address (?authority=), else the remembered one. */
function initialAuthority(select) {
  const wanted = new URLSearchParams(location.search).get('authority');
  const remembered = store.read()?.authority.id;
  for (const id of [wanted, remembered]) {
    if (id && [...select.options].some((o) => o.value === id)) {
      select.value = id;
      return;
    }
  }
}

/** Put a value into a date or time box as the box writes it ('0:20' -> '00:20'); a value the rules
    refuse (24:00, 2026-02-30) is kept aside and reported when the form is answered. */
function setBox(form, name, value) {
  const box = form.elements[name];
  const parsedTime = box.type === 'time' ? parseTime(value) : null;
  const parsedDate = box.type === 'date' ? parseDate(value) : null;
  box.value = parsedTime !== null
    ? `${String(Math.floor(parsedTime / 60)).padStart(2, '0')}:${String(parsedTime % 60).padStart(2, '0')}`
    : parsedDate !== null ? isoDate(parsedDate) : value;
  // Only digits and date or time separators are reported back (29/05/2026, 24:00): never words from the address.
  if (box.value === '' && value !== '' && /^[0-9:/.-]{1,10}$/.test(value)) {
    const refused = fromAddress.get(form) ?? {};
    refused[name] = value;
    fromAddress.set(form, refused);
    box.addEventListener('input', () => delete refused[name], { once: true });
  }
}

/** Fill the form from the address, else from the remembered conference of the chosen authority.
    Returns true when a date was given, so the answer can be shown at once. */
function prefill(form) {
  const params = new URLSearchParams(location.search);
  const remembered = store.read();
  const own = !params.has('date') && remembered?.date && remembered.authority.id === form.elements.authority.value;
  const given = own ? { conference: remembered.conference, date: remembered.date } : Object.fromEntries(params);
  for (const name of ['date', 'time', 'strategy_date']) {
    if (given[name] && form.elements[name]) setBox(form, name, given[name]);
  }
  for (const name of ['conference', 'outcome']) {
    const value = given[name];
    const radio = value && form.querySelector(`input[name="${name}"][value="${CSS.escape(value)}"]`);
    if (radio) radio.checked = true;
  }
  return Boolean(given.date);
}

/** Keep the authority (and, once the dates are worked out, the conference and its date) in this browser. */
function rememberChoice(select, details = {}) {
  const option = select.selectedOptions[0];
  if (!select.value || select.value === NATIONAL) return; // the national framework is not a reader's authority
  const before = store.read();
  // Authority pages sit at <id>/ (SiteContext.authority_dir); the picker's path is kept when it is the same authority.
  const path = before?.authority.id === select.value ? before.authority.path : `${select.value}/`;
  store.remember({ id: select.value, name: option.textContent.trim(), path }, details);
}

/** "Remembered in this browser: … Forget my choices", above the form, while something is remembered. */
function rememberedLine(root, form, words) {
  const line = el('p', { class: 'cp-calc__remembered' });
  form.before(line);
  const draw = () => {
    const choice = store.read();
    line.hidden = !choice;
    if (!choice) return line.replaceChildren();
    const W = words.results;
    const date = choice.date && formatDate(choice.date, words); // "Monday 22 March 2027", as everywhere else
    line.replaceChildren(fill(date ? W.kept_date : W.kept, { name: choice.authority.name, date }), ' · ', store.forgetButton(words.store.forget, () => {
        form.reset();
        line.hidden = true;
      }));
  };
  store.onChange(draw);
  draw();
}

/** Wire one calculator: load the shared data, restore the authority, answer on submit. */
export async function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = 'true';
  addStyle();
  const form = root.querySelector('form');
  const status = root.querySelector('.cp-calc__status');
  const output = root.querySelector('.cp-calc__result');
  const actions = root.querySelector('.cp-calc__actions');
  const audience = root.dataset.audience === 'all' ? '' : root.dataset.audience;
  const family = root.dataset.view === 'family'; // a parent's dates in plain words (family-dates.mjs)
  const bases = [new URL(root.dataset.dataBase, document.baseURI), new URL('../../data/calculator/', import.meta.url)];
  let base = bases[0];
  let words;
  let calendar;
  try {
    let table;
    try {
      [words, table] = await Promise.all([loadJSON(new URL('words.json', base)), loadJSON(new URL('bank-holidays.json', base))]);
    } catch {
      base = bases[1]; // the page moved: the data sits beside the scripts' folder
      [words, table] = await Promise.all([loadJSON(new URL('words.json', base)), loadJSON(new URL('bank-holidays.json', base))]);
    }
    calendar = new Calendar(table);
  } catch (e) {
    status.textContent = root.dataset.failed ?? ''; // the page's words (interface.yml): the shared words did not load
    window.__calculatorReady = true;
    return;
  }
  const select = form.elements.authority;
  initialAuthority(select);
  select.addEventListener('change', () => rememberChoice(select));
  rememberedLine(root, form, words);
  let last = null;

  async function answer() {
    clearErrors(form);
    const { raw, incomplete } = readForm(form);
    const checked = validate({ ...raw, audience }, calendar, words);
    const { request } = checked;
    const errors = checked.errors.map((e) => (incomplete.includes(e.field) && e.code === 'missing'
      ? { ...e, code: 'incomplete' } : e));
    if (!raw.authority) errors.unshift({ code: 'missing', field: 'authority', value: '' });
    if (errors.length) {
      showErrors(form, errors, words);
      output.replaceChildren();
      actions.hidden = true;
      status.textContent = words.results.invalid;
      return;
    }
    let data;
    try {
      data = await loadJSON(new URL(`${encodeURIComponent(raw.authority)}.json`, base));
    } catch {
      status.textContent = words.results.not_loaded;
      return;
    }
    const result = compute(data.rules, request, calendar);
    rememberChoice(select, { conference: request.conference, date: isoDate(request.date), time: raw.time || undefined });
    render(result, data, request);
    last = { result, data, request };
  }

  function render(result, data, request) {
    if (family && words.family?.kinds) return renderFamily(result, data, request);
    const conference = words.conference_types[request.conference];
    const time = request.time ?? request.assumed;
    const start = `${isoDate(request.date)}T${String(Math.floor(time / 60)).padStart(2, '0')}:${String(time % 60).padStart(2, '0')}`;
    const W = words.results;
    const heading = fill(W.heading, { authority: data.authority.name, conference, date: formatDate(start, words) });
    const dated = result.deadlines.filter((d) => d.due !== null);
    const undated = result.deadlines.filter((d) => d.due === null);
    const parts = [el('h2', { tabindex: '-1', class: 'cp-calc__heading' }, heading)];
    for (const w of result.warnings) {
      parts.push(el('div', { class: 'admonition warning' }, el('p', { class: 'admonition-title' }, W.check),
        el('p', {}, renderMessage(w.code, w, null, words))));
    }
    // A disagreement is one row even when one of its timings has no date (it is shown there without one).
    const groups = rows(result.deadlines);
    const datedGroups = groups.filter((g) => g.some((d) => d.due !== null));
    const undatedGroups = groups.filter((g) => g.every((d) => d.due === null));
    if (dated.length) parts.push(timeline(datedGroups, words, data, fill(W.caption, { authority: data.authority.short_name })));
    else parts.push(el('p', {}, W.no_dates));
    const silent = silences(result, data, request, words);
    if (silent.length) {
      parts.push(el('h3', {}, words.expected.messages.heading),
        el('ul', { class: 'cp-calc__silent' }, silent.map(([topic, text]) => el('li', { 'data-topic': topic }, text))));
    }
    if (undatedGroups.length) {
      parts.push(el('h3', {}, W.undated_heading));
      parts.push(timeline(undatedGroups, words, data, W.undated_caption));
    }
    output.replaceChildren(...parts);
    actions.hidden = false;
    status.textContent = fill(undated.length ? W.status_undated : W.status,
      { count: dated.length, authority: data.authority.short_name, undated: undated.length });
    parts[0].focus();
  }

  /** A parent's answer: the dates they can act on, each in one plain sentence, the meeting in its place. */
  function renderFamily(result, data, request) {
    const R = words.family.results;
    const dated = result.deadlines.filter((d) => d.due !== null);
    const undated = result.deadlines.filter((d) => d.due === null);
    const parts = [el('h2', { tabindex: '-1', class: 'cp-calc__heading' }, fill(R.heading, { date: formatDate(startOf(request), words) })),
      ...warningLines(result.warnings, request, words), dateList(dated, request, words)];
    if (!dated.length) parts.push(el('p', {}, R.none));
    parts.push(...silentAnswers(result.deadlines, words));
    if (undated.length) parts.push(el('h3', {}, R.undated_heading), undatedList(undated, words));
    output.replaceChildren(...parts.filter(Boolean));
    actions.hidden = false;
    status.textContent = fill(R.status, { count: dated.length });
    parts[0].focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    answer();
  });
  actions.addEventListener('click', (event) => {
    const action = event.target.closest('[data-action]')?.dataset.action;
    if (action === 'print') window.print();
    if (action === 'ics' && last) {
      const names = { [last.data.authority.id]: last.data.authority.name, national: last.data.national?.name ?? 'national' };
      const R = words.family?.results;
      // A parent's calendar: the sentence they read on the page, its source, and (no start time given)
      // that the times are counted from the assumed one.
      const assumed = warningLines(last.result.warnings.filter((w) => w.code === 'time-assumed'), last.request, words)
        .map((p) => p.textContent);
      const describe = family && words.family?.kinds ? (d) => ({
        summary: sentence(d.rule, R.when[d.rule.limit] ?? R.when.within, words),
        description: [cite(d.rule), ...(d.rule.text && d.rule.authority !== NATIONAL ? [`“${d.rule.text}”`] : []), ...assumed],
      }) : null;
      const text = buildIcs(last.result, last.data, words, last.request, names, new Date(), describe);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      const link = el('a', { href: url, download: `deadlines-${last.data.authority.id}-${isoDate(last.request.date)}.ics`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
  });
  form.hidden = false;
  if (prefill(form) && select.value) await answer();
  window.__calculatorReady = true;
}
