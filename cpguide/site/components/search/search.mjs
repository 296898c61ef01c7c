/* Site search (components/search): Pagefind's index, shown in Material's search box and result list.

   cpguide.js imports this module the first time a reader opens or focuses the search box, and only
   then does the browser fetch Pagefind (its script and WebAssembly), and per query only the index
   parts and the excerpts that query needs: nothing of the index is downloaded by reading a page.

   - The danger notice (the site's urgent help line) comes first for the words in
     mkdocs.yml's extra.urgent_help_words ("report a concern", "worried", "abuse", …).
   - The reader's authority (remembered by the picker, or the authority of the page they are on)
     comes first: its pages, then pages for every authority, then the rest. "Only <authority>"
     keeps to those two; "Pages for" keeps to one audience's pages and pages for everyone.
   - Keyboard: Tab reaches the box; arrow keys move through the results; Enter on the box opens
     the first result; Escape closes. The result count is announced (role=status).
   - From file:// (or with no connection) the box says that search cannot work there. */

import { readerAuthority } from "./reader.mjs";
import { element as el } from "./dom.mjs";

const SITE = new URL("../../", import.meta.url); // this file is assets/js/search.mjs
const SHOWN = 5; // results whose excerpts are fetched at a time (each is a few KB)
const MAX_SUB = 3; // sections shown under a page

let pagefind = null;
function engine() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", SITE).href).then(async (pf) => {
      // No worker: one file less to download; the search itself is a few milliseconds.
      await pf.options({ baseUrl: SITE.pathname, excerptLength: 22, noWorker: true });
      await pf.init();
      return pf;
    });
    pagefind.catch(() => { pagefind = null; }); // try again on the next query (signal may come back)
  }
  return pagefind;
}

/** Lower-case words of a text, for matching the danger words. */
function words(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
}

/** True when every word of one of the phrases starts a word of the query ("report concern" matches
    "reporting a concern"). */
function urgent(query, phrases) {
  const said = words(query);
  return phrases.some((phrase) => {
    const need = words(phrase);
    return need.length > 0 && need.every((w) => said.some((s) => s.startsWith(w)));
  });
}

/** The page's own authority (from its filter), used when the reader has not chosen one. */
function pageAuthority() {
  const el = document.querySelector('[data-pagefind-filter^="authority"]');
  const id = el && el.dataset.value;
  const place = document.querySelector('[data-pagefind-meta^="place"]');
  return id && id !== "all" ? { id, name: place ? place.dataset.value : id } : null;
}

/** Excerpt HTML from Pagefind (text with <mark>) turned into nodes: only text and <mark>, never markup. */
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const out = [];
  doc.body.firstChild.childNodes.forEach((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent));
    }
  });
  return out;
}


function article(level, title, excerpt) {
  const parts = [el(level, {}, [title])];
  if (excerpt) parts.push(el("p", {}, excerptNodes(excerpt)));
  return el("article", { className: "md-search-result__article md-typeset" }, parts);
}

/** One result in Material's markup: the page, then up to MAX_SUB of its sections. */
function resultItem(data) {
  const title = (data.meta && data.meta.title) || data.url;
  const links = [el("a", { href: data.url, className: "md-search-result__link", tabindex: "-1" },
    [article("h1", title, data.excerpt)])];
  (data.sub_results || []).filter((s) => s.url !== data.url && s.title !== title).slice(0, MAX_SUB)
    .forEach((s) => links.push(el("a", { href: s.url, className: "md-search-result__link", tabindex: "-1" },
      [article("h2", s.title, s.excerpt)])));
  return el("li", { className: "md-search-result__item" }, links);
}

/** The danger line as the first result: its own words, with its links (tap-to-call 999, GOV.UK's page to
    report to the council) as the result's links, so that either is one tap or one arrow key away. */
function urgentItem(line) {
  const parts = Array.from(line.childNodes, (n) => (n.nodeName === "A"
    ? el("a", { href: n.getAttribute("href"), className: "md-search-result__link cp-search__urgent-link", tabindex: "-1" }, [n.textContent])
    : n.textContent));
  return el("li", { className: "md-search-result__item cp-search__urgent" }, [
    el("article", { className: "md-search-result__article md-typeset" }, [el("h1", {}, parts)]),
  ]);
}

/** Search once with an optional authority filter; results (not yet their data) best first. */
async function find(pf, query, filters) {
  const found = await pf.search(query, { filters });
  return found ? found.results : [];
}

/** The results in the order described above, at most `limit`. */
async function ranked(pf, query, { authority, mine, audience }) {
  const base = audience ? { audience: { any: [audience, "everyone"] } } : {};
  if (!authority) return find(pf, query, base);
  const lists = await Promise.all([
    find(pf, query, { ...base, authority: authority.id }),
    find(pf, query, { ...base, authority: "all" }),
    mine ? Promise.resolve([]) : find(pf, query, { ...base, authority: { not: { any: [authority.id, "all"] } } }),
  ]);
  return lists.flat();
}

export function mount(root) {
  if (!root || root.dataset.cpguideSearchMounted) return;
  root.dataset.cpguideSearchMounted = "1";
  // search.css: loaded with search, not with every page; results wait for it (their colours meet WCAG AA)
  const link = el("link", { rel: "stylesheet", href: new URL("../css/search.css", import.meta.url).href });
  const styled = new Promise((resolve) => { link.onload = link.onerror = resolve; });
  document.head.append(link);
  const toggle = document.getElementById("__search");
  const input = root.querySelector("input[name=query]");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const scope = root.querySelector(".cp-search__scope");
  const mineBox = root.querySelector(".cp-search__mine");
  const mine = root.querySelector("input[name=mine]");
  const audience = root.querySelector("select[name=audience]");
  const phrases = (root.dataset.urgentWords || "").split("|").filter(Boolean);
  const urgentLine = document.querySelector(".cp-urgent");
  const authority = readerAuthority() || pageAuthority();

  if (location.protocol === "file:") {
    meta.textContent = root.dataset.noticeFile;
    input.disabled = false; // still focusable, so the reason is read out
    window.__searchReady = true;
    return;
  }
  scope.hidden = false;
  if (authority) {
    mineBox.hidden = false;
    mineBox.querySelector("span").textContent = root.dataset.mineLabel
      .replace("{name}", authority.name);
  }

  // More results, a few at a time: each shown result costs its excerpt's download.
  const more = el("button", { type: "button", className: "md-button cp-search__more", hidden: "" }, [root.dataset.more]);
  list.after(more);
  let pending = [];
  more.addEventListener("click", async () => {
    const ticket = current;
    const next = pending.slice(0, SHOWN);
    pending = pending.slice(SHOWN);
    const shown = await Promise.all(next.map((r) => r.data()));
    if (ticket !== current) return;
    const items = shown.map(resultItem);
    list.append(...items);
    more.hidden = !pending.length;
    const first = items[0] && items[0].querySelector("a");
    if (first) first.focus();
  });

  let current = 0;
  async function run() {
    const query = input.value.trim();
    const ticket = ++current;
    list.replaceChildren();
    more.hidden = true;
    if (!query) {
      meta.textContent = root.dataset.placeholder;
      return;
    }
    const pinned = urgentLine && urgent(query, phrases) ? [urgentItem(urgentLine)] : [];
    let results;
    try {
      const pf = await engine();
      results = await ranked(pf, query, { authority, mine: mine.checked, audience: audience.value });
      const shown = await Promise.all(results.slice(0, SHOWN).map((r) => r.data()));
      await styled;
      if (ticket !== current) return; // a newer query is on its way
      list.replaceChildren(...pinned, ...shown.map(resultItem));
    } catch (error) {
      if (ticket !== current) return;
      list.replaceChildren(...pinned);
      more.hidden = true;
      meta.textContent = root.dataset.noticeOffline;
      root.dataset.shown = query;
      return;
    }
    pending = results.slice(SHOWN);
    more.hidden = !pending.length;
    const n = results.length;
    const d = root.dataset; // Material's own wording, in the site's language
    meta.textContent = n === 0 ? d.none : n === 1 ? d.one : d.other.replace("#", String(n));
    root.dataset.shown = query; // the query these results are for (tests wait for it)
  }

  let timer = null;
  const later = () => { clearTimeout(timer); timer = setTimeout(run, 120); };
  input.addEventListener("input", later);
  mine.addEventListener("change", run);
  audience.addEventListener("change", run);
  root.querySelector("form").addEventListener("reset", () => setTimeout(run, 0));
  input.addEventListener("focus", () => { toggle.checked = true; });

  function links() { return Array.from(list.querySelectorAll("a.md-search-result__link")); }
  root.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      toggle.checked = false;
      input.blur();
      document.querySelector('label[for="__search"]')?.focus?.();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      const next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    } else if (event.key === "Enter" && document.activeElement === input && all.length) {
      event.preventDefault();
      all[0].click();
    }
  });
  // Results are reached with the arrow keys, or with Tab (links are focusable while the dialog is open).
  toggle.addEventListener("change", () => {
    list.querySelectorAll("a").forEach((a) => a.setAttribute("tabindex", toggle.checked ? "0" : "-1"));
    if (toggle.checked) setTimeout(() => input.focus(), 50);
  });
  new MutationObserver(() => {
    if (toggle.checked) list.querySelectorAll("a").forEach((a) => a.setAttribute("tabindex", "0"));
  }).observe(list, { childList: true });
  if (input.value.trim()) run();
  styled.then(() => { window.__searchReady = true; });
}
