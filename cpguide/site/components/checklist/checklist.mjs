/* Checklists you can tick (components/checklist): ticks are kept only in this browser (localStorage), never sent anywhere.

   The page is generated with real checkboxes and labels, so without JavaScript it is a plain list.
   This module adds what needs a script: keeping ticks, the count, "Clear all ticks", "Print" and
   the privacy notice. cpguide.js calls mount() for each [data-cpguide-checklist] element on every
   page load, including Material's instant navigation, so mount() must be safe to call twice.

   Ticks are stored under the checklist's id and content version: when the checklist changes, its
   version changes and old ticks are dropped rather than shown against different items. */

import * as store from "./conference-store.mjs";

const PREFIX = "cpguide:checklist:";

/** localStorage, or null when the browser refuses it (private browsing, storage disabled, quota). */
function openStorage() {
  try {
    const storage = window.localStorage;
    const probe = PREFIX + "probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    return null;
  }
}

/** The ids ticked last time, or an empty set when nothing valid is stored (missing or corrupted). */
function readTicks(storage, key) {
  if (!storage) return new Set();
  try {
    const value = JSON.parse(storage.getItem(key));
    return new Set(Array.isArray(value) ? value.filter((id) => typeof id === "string") : []);
  } catch (error) {
    return new Set();
  }
}

/** Save the ticks; returns false when the browser would not keep them. */
function writeTicks(storage, key, ids) {
  if (!storage) return false;
  try {
    if (ids.length) storage.setItem(key, JSON.stringify(ids));
    else storage.removeItem(key);
    return true;
  } catch (error) {
    return false;
  }
}

/** Remove ticks kept for other versions of the same checklist: they belong to items that changed. */
function dropOldVersions(storage, id, currentKey) {
  if (!storage) return;
  try {
    const stale = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key && key.startsWith(PREFIX + id + "@") && key !== currentKey) stale.push(key);
    }
    stale.forEach((key) => storage.removeItem(key));
  } catch (error) {
    /* nothing to clean up, or not allowed to: harmless */
  }
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}

/** The controls: count (announced politely), Print, Clear all ticks, and the privacy notice. */
function buildTools(kept, W) {
  const tools = element("div", "cp-checklist-tools");
  const count = element("p", "cp-checklist-count");
  count.setAttribute("role", "status");
  count.setAttribute("aria-live", "polite");
  const buttons = element("div", "cp-checklist-buttons");
  const print = element("button", "md-button cp-print", W.print);
  print.type = "button";
  const clear = element("button", "md-button cp-clear", W.clear);
  clear.type = "button";
  buttons.append(print, clear);
  const notice = element("p", "cp-checklist-notice", kept ? W.kept : W.not_kept);
  tools.append(count, buttons, notice);
  return { tools, count, print, clear, notice };
}

/** The remembered conference, when it is this checklist's (ids are "<authority>/<conference type>/<key>"). */
function ownConference(id) {
  const choice = store.read();
  const [authority, type] = id.split("/");
  return choice && choice.date && choice.authority.id === authority && choice.conference === type ? choice : null;
}

/** "Your conference: <date>" in the tools and in the sheets' "Conference date" field, on screen and on paper. */
function showConference(root, scope, tools, id, W) {
  const choice = ownConference(id);
  const [y, m, d] = choice ? choice.date.split("-").map(Number) : [];
  // "Friday 29 May 2026", as the site writes dates (the browser's own en-GB style adds a comma).
  const parts = choice ? new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long",
    year: "numeric", timeZone: "UTC" }).formatToParts(new Date(Date.UTC(y, m - 1, d))) : [];
  const part = (type) => parts.find((p) => p.type === type)?.value;
  const shown = choice ? `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}` : "";
  scope.querySelectorAll("dd .cp-line, dd .cp-conference-date").forEach((slot) => {
    const dt = slot.parentElement.previousElementSibling;
    if (!dt || dt.textContent.trim() !== W.conference_date) return;
    slot.className = shown ? "cp-conference-date" : "cp-line";
    slot.textContent = shown || "\u00a0";
  });
  let line = tools.querySelector(".cp-checklist-conference");
  if (!choice) {
    if (line) line.remove();
    return;
  }
  if (!line) {
    line = element("p", "cp-checklist-conference");
    tools.prepend(line);
  }
  line.replaceChildren(...W.conference.split(/(\{[a-z]+\})/).filter(Boolean).map((piece) => ({
    "{date}": shown, "{forget}": store.forgetButton(W.forget, () => showConference(root, scope, tools, id, W)) }[piece] ?? piece)));
}

/** Make one checklist interactive. Calling it again on the same element does nothing. */
export function mount(root) {
  if (!root || root.hasAttribute("data-checklist-mounted")) return;
  root.setAttribute("data-checklist-mounted", "");
  const id = root.getAttribute("data-checklist-id") || location.pathname;
  const key = PREFIX + id + "@" + (root.getAttribute("data-checklist-version") || "");
  // The element names the checklist and holds the controls; the boxes follow it in the article.
  const scope = root.closest("article") || document.body;
  const boxes = Array.from(scope.querySelectorAll('input[type="checkbox"][data-item]'));
  let storage = openStorage();

  dropOldVersions(storage, id, key);
  const ticked = readTicks(storage, key);
  boxes.forEach((box) => { box.checked = ticked.has(box.getAttribute("data-item")); });

  // The site's words (interface.yml `checklist` and `store`), given by the page in data-words.
  const W = JSON.parse(root.getAttribute("data-words") || "{}");
  const ui = buildTools(Boolean(storage), W);
  root.insertBefore(ui.tools, root.firstChild);
  showConference(root, scope, ui.tools, id, W);

  function updateCount() {
    const done = boxes.filter((box) => box.checked).length;
    ui.count.textContent = W.count.replace("{done}", done).replace("{total}", boxes.length);
  }

  function save() {
    const ids = boxes.filter((box) => box.checked).map((box) => box.getAttribute("data-item"));
    if (storage && !writeTicks(storage, key, ids)) {
      storage = null;  // e.g. quota exceeded: say so once, keep the page working
      ui.notice.textContent = W.refused;
    }
  }

  scope.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.hasAttribute("data-item")) {
      save();
      updateCount();
    }
  });
  ui.clear.addEventListener("click", () => {
    boxes.forEach((box) => { box.checked = false; });
    save();
    updateCount();
  });
  ui.print.addEventListener("click", () => window.print());

  updateCount();
  window.__checklistReady = location.pathname;
}
