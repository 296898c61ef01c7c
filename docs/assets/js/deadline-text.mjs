// An answer as text: dates, messages and the .ics file. Pure: calculator.mjs shows them, Node tests compare them with Python.

import { dayNumber, isoDate, isoExact, weekday } from './deadlines.mjs';
import { fill } from './family-dates.mjs';

// --- words ------------------------------------------------------------------------------------

/** '2026-06-13' -> 'Saturday 13 June 2026'; '2026-06-13T10:00' adds ' at 10:00' (as words.format_date). */
export function formatDate(iso, words) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const weekdayName = words.weekdays[weekday(dayNumber(y, m, d))];
  const shown = `${weekdayName} ${d} ${words.months[m - 1]} ${y}`;
  return iso.length > 10 ? `${shown} at ${iso.slice(11, 16)}` : shown;
}

/** Fill a message template, like words.render in Python. */
export function renderMessage(code, params, rule, words) {
  const template = words.messages[code] ?? code;
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => {
    if (params && name in params && params[name] !== null && params[name] !== undefined) {
      const value = params[name];
      if (name.endsWith('_date')) return formatDate(value, words);
      if (name === 'outcome') return words.outcomes[value] ?? String(value);
      return String(value);
    }
    if (name === 'accepted' && params && words.accepted[params.field_id]) return words.accepted[params.field_id];
    if (name === 'anchor' && rule) return rule.anchor;
    return whole;
  });
}

export const actorNames = (rule, words) => (rule.responsible ?? []).map((a) => words.actors[a] ?? a).join(', ');
export const cite = (rule) => {
  const source = rule.source ?? {};
  return [source.title || source.document, source.section].filter(Boolean).join(', ');
};
export const label = (d, words) => (d.occurrence ? fill(words.results.occurrence, { label: d.rule.label ?? d.rule.id, number: d.occurrence })
  : d.rule.label ?? d.rule.id);

export const conditionLines = (rule, words) => {
  const c = rule.conditions ?? {};
  const out = [];
  if (c.outcome) out.push(renderMessage('condition-outcome', { outcome: c.outcome }, rule, words));
  if (c.scaling) out.push(renderMessage('condition-scaling', c.scaling, rule, words));
  return out;
};
export const noteLines = (d, words) => [
  ...d.notes.map((n) => renderMessage(n.code, n, d.rule, words)),
  ...(d.rule.notes ?? []),
];

/** Text in a calendar file as the command line's (icalendar's vText) writes it: a line break of any kind
    (CR LF, LF or a bare CR) is "\\n", and "\\", ";", "," are escaped (tests/test_hostile_input_classes.py). */
export function icsEscape(text) {
  return String(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
function fold(line) {
  const encoder = new TextEncoder();
  const parts = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

// The calendar's product id (RFC 5545), the same as cpguide/deadlines/ics.py: not shown to a reader.
const PRODID = '-//cpguide//Child protection conference deadlines//EN';
const compact = (iso) => iso.replace(/-/g, '');

/** A floating local date-time (20260615T093000) from "2026-06-15T09:30". */
const icsMoment = (exact) => `${compact(exact.slice(0, 10))}T${exact.slice(11).replace(':', '')}00`;

/** The same events as cpguide/deadlines/ics.py: the conference (at its time if given, else all day),
 *  then one per dated deadline, all day unless it has a time of day on its due date. */
export function buildIcs(result, data, words, request, names, now = new Date(), describe = null) {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const conference = isoDate(request.date);
  const C = words.results.calendar;
  const F = describe ? words.family?.results?.calendar : null; // a parent's calendar, in a parent's words
  const calendarName = fill(F ? F.name : C.name, { conference: words.conference_types[request.conference], date: formatDate(conference, words) });
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${icsEscape(calendarName)}`];
  const name = F ? F.meeting[request.conference] : words.conference_types[request.conference];
  const timed = request.time !== null && request.time !== undefined;
  lines.push('BEGIN:VEVENT', `UID:${request.conference}-${conference}-conference@cpguide`, `DTSTAMP:${stamp}`,
    ...(timed ? [`DTSTART:${icsMoment(isoExact({ day: request.date, min: request.time }))}`]
      : [`DTSTART;VALUE=DATE:${compact(conference)}`, `DTEND;VALUE=DATE:${compact(isoDate(request.date + 1))}`]),
    `SUMMARY:${icsEscape(name.slice(0, 1).toUpperCase() + name.slice(1))}`,
    `DESCRIPTION:${icsEscape(fill(C.conference, { date: formatDate(conference, words) }))}`,
    'TRANSP:OPAQUE', 'END:VEVENT');
  for (const d of result.deadlines) {
    if (d.due === null) continue;
    const due = isoDate(d.due);
    const exact = isoExact(d.exact);
    let summary = label(d, words);
    if (exact.length > 10 && exact.slice(0, 10) === due) summary = fill(C.timed, { label: summary, time: exact.slice(11) });
    summary = fill(C.summary, { label: summary, authority: names[d.rule.authority] ?? d.rule.authority });
    const description = [fill(C.rule, { words: d.rule.words })];
    if (exact !== due) description.push(fill(C.exact, { date: formatDate(exact, words) }));
    const who = actorNames(d.rule, words);
    if (who) description.push(fill(C.who, { who }));
    description.push(fill(C.source, { source: cite(d.rule) }));
    if (d.rule.text) description.push(fill(C.wording, { text: d.rule.text }));
    description.push(...noteLines(d, words));
    const own = describe?.(d); // a parent's calendar: the sentence they read on the page, and its source
    if (own) {
      summary = own.summary;
      description.splice(0, description.length, ...own.description);
    }
    lines.push('BEGIN:VEVENT',
      `UID:${request.conference}-${conference}-${d.rule.id}${d.occurrence ? `-${d.occurrence}` : ''}@cpguide`,
      `DTSTAMP:${stamp}`, ...(exact.length > 10 && exact.slice(0, 10) === due ? [`DTSTART:${icsMoment(exact)}`]
        : [`DTSTART;VALUE=DATE:${compact(due)}`, `DTEND;VALUE=DATE:${compact(isoDate(d.due + 1))}`]),
      `SUMMARY:${icsEscape(summary)}`, `DESCRIPTION:${icsEscape(description.join('\n'))}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
