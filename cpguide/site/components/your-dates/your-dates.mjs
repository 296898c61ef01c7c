/* "Your dates": on an audience's pages, the reader's own dates once the calculator has remembered
   their conference (conference-store.mjs). Mounted by cpguide.js on [data-cpguide-your-dates]
   elements (components/your-dates: data-audience, and data-authority on an authority's own pages) only
   when a conference date is remembered; otherwise the page keeps its rules as written, and loads nothing more.

   The dates come from the same engine and data as the calculator (deadlines.mjs and
   data/calculator/…); under a parents' page's answer (data-kinds), in a parent's words
   (family-dates.mjs); every word comes from that data. Text is inserted as text, never as HTML. */

import { Calendar, compute, isoDate, validate } from "./deadlines.mjs";
import * as store from "./conference-store.mjs";
import { dateList, el, fill, formatDate, parts } from "./family-dates.mjs";

const SITE = new URL("../../", import.meta.url); // this file is assets/js/your-dates.mjs
const DATA = new URL("data/calculator/", SITE);

const json = (name) => fetch(new URL(name, DATA)).then((r) => {
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return r.json();
});

/** The remembered conference, if it belongs on this element (same authority, a date given). */
function wanted(root) {
  const choice = store.read();
  if (!choice || !choice.date || !choice.conference) return null;
  if (root.dataset.authority && root.dataset.authority !== choice.authority.id) return null;
  if (root.dataset.conference && root.dataset.conference !== choice.conference) return null; // a pack for the other type
  return choice;
}

function line(d, words) {
  const W = words.your_dates;
  const label = d.occurrence ? fill(W.occurrence, { label: d.rule.label ?? d.rule.id, number: d.occurrence }) : d.rule.label ?? d.rule.id;
  const item = el("li", { "data-rule": d.rule.id, "data-due": isoDate(d.due) },
    el("strong", {}, formatDate(isoDate(d.due), words)), fill(W.line, { label, words: d.rule.words }));
  if (d.disagreesWith.length) item.append(" ", el("em", {}, d.safe ? W.safe : W.later));
  return item;
}

async function draw(root) {
  const choice = wanted(root);
  if (!choice) {
    root.replaceChildren();
    root.hidden = true;
    return;
  }
  const audience = root.dataset.audience || "";
  const [words, holidays, data] = await Promise.all([json("words.json"), json("bank-holidays.json"),
    json(`${encodeURIComponent(choice.authority.id)}.json`)]);
  const calendar = new Calendar(holidays);
  const { request, errors } = validate({ conference: choice.conference, date: choice.date, time: choice.time, audience }, calendar, words);
  if (errors.length) { // e.g. a remembered date now outside the bank-holiday table
    root.hidden = true;
    return;
  }
  const result = compute(data.rules, request, calendar);
  // A national limit paired with a local rule is the calculator's side column: left out here, as there.
  const alongside = new Set(result.deadlines.filter((d) => d.national).map((d) => d.national));
  const dated = result.deadlines.filter((d) => d.due !== null && !alongside.has(d));
  const query = new URLSearchParams({ authority: choice.authority.id, conference: choice.conference, date: choice.date });
  const calculator = new URL(`calculator/${audience ? `${audience}/` : ""}?${query}`, SITE);
  if ((root.dataset.kinds || root.dataset.view === "family") && words.family?.results) return drawFamily(root, result, request, words, calculator);
  const W = words.your_dates;
  const title = fill(W.title, { authority: data.authority.name, conference: words.conference_types[choice.conference],
    date: formatDate(choice.date, words) });
  root.replaceChildren(el("div", { class: "admonition info cp-your-dates" },
    el("p", { class: "admonition-title" }, title),
    dated.length ? el("ul", {}, dated.map((d) => line(d, words))) : el("p", {}, W.none),
    el("p", {}, parts(W.kept, { link: el("a", { href: calculator.href }, W.link), forget: store.forgetButton(words.store.forget) }))));
  root.hidden = false;
}

/** A parent's own dates, in their words (family-dates.mjs), with times of day when the calculator kept
    the conference's start time, else without (an exact time then reads "on this day"). Under an answer of a parents' page (data-kinds): only the dates
    of its kinds, and nothing where the rules give none of them (the answer itself says so). The page's
    whole list (data-view="family"): every date, the meeting in its place, and a way to forget. */
function drawFamily(root, result, request, words, calculator) {
  const kinds = root.dataset.kinds ? root.dataset.kinds.split(" ") : null;
  const R = words.family.results;
  const dated = result.deadlines.filter((d) => d.due !== null && (!kinds || kinds.includes(d.rule.kind)));
  const times = request.time !== null && request.time !== undefined; // a start time was kept with the date
  const list = dated.length || !kinds ? dateList(dated, request, words, { meeting: !kinds, times }) : null;
  root.hidden = !list;
  if (!list) return root.replaceChildren();
  root.replaceChildren(el("div", { class: "admonition info cp-your-dates cp-fam__answer" },
    el("p", { class: "admonition-title" }, fill(R.page, { date: formatDate(isoDate(request.date), words) })), list,
    kinds ? null : el("p", {}, R.page_kept, " ", el("a", { href: calculator.href }, R.page_calculator), " ", store.forgetButton(words.store.forget))));
}

let styled = false;
function styles() { // your-dates.css, once, when there are dates to show
  if (styled) return;
  styled = true;
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("../css/your-dates.css", import.meta.url).href });
  document.head.append(link);
}

/** Show the reader's dates in `root`, and follow changes (another tab, "Forget my choices"). */
export function mount(root) {
  if (!root || root.dataset.yourDatesMounted) return;
  root.dataset.yourDatesMounted = "1";
  styles();
  store.onChange(() => draw(root).catch(() => { root.hidden = true; }));
  return draw(root).catch(() => { root.hidden = true; });
}
