/* The reader's conference, kept in this browser only: every script reads and writes it here.
   One localStorage key, versioned JSON:
   {"v": 1, "authority": {"id", "name", "path"}, "conference"?: "rcpc", "date"?: "2026-05-29", "time"?: "09:30",
    "offline"?: true}: time is the start time given to the calculator with the date; offline, that the
   reader asked to keep the authority's pages on this device (offline.mjs).
   Anything else under the key (older format, broken JSON) reads as nothing chosen. */

export const KEY = "cpguide.conference";
const FORMAT = 1;
// Earlier versions' key: never read, removed on any write.
const OLD_KEYS = ["cpguide.authority"];
const EVENT = "cpguide:conference";
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/; // the site's one id grammar (schema/common.schema.json $defs/id; a test keeps them equal)
const PATH = /^[a-z0-9][a-z0-9/_-]*\/?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function storage() {
  try {
    return window.localStorage;
  } catch (error) {
    return null; // storage switched off
  }
}

function validDate(text) {
  if (typeof text !== "string" || !DATE.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** The remembered conference {authority: {id, name, path}, conference?, date?}, or null. */
export function read() {
  const store = storage();
  if (!store) return null;
  let value;
  try {
    value = JSON.parse(store.getItem(KEY));
  } catch (error) {
    return null;
  }
  const a = value && value.v === FORMAT ? value.authority : null;
  if (!a || typeof a.id !== "string" || !ID.test(a.id) || typeof a.name !== "string" || !a.name
      || typeof a.path !== "string" || !PATH.test(a.path)) return null;
  const out = { authority: { id: a.id, name: a.name, path: a.path } };
  if (typeof value.conference === "string" && ID.test(value.conference)) out.conference = value.conference;
  if (validDate(value.date)) out.date = value.date;
  if (out.date && typeof value.time === "string" && TIME.test(value.time)) out.time = value.time;
  if (value.offline === true) out.offline = true;
  return out;
}

function write(value) {
  const store = storage();
  if (!store) return false;
  try {
    if (value) store.setItem(KEY, JSON.stringify(value));
    else store.removeItem(KEY);
    OLD_KEYS.forEach((key) => store.removeItem(key));
  } catch (error) {
    return false;
  }
  window.dispatchEvent(new CustomEvent(EVENT));
  return true;
}

/** Remember an authority ({id, name, path}); its conference, date (with its time) and the wish to keep
    its pages offline stay if it is the same authority, unless given. false: the browser refused. */
export function remember(authority, details = {}) {
  const before = read();
  const same = before && before.authority.id === authority.id;
  const value = { v: FORMAT, authority: { id: authority.id, name: authority.name, path: authority.path } };
  const conference = "conference" in details ? details.conference : same ? before.conference : undefined;
  const date = "date" in details ? details.date : same ? before.date : undefined;
  const time = "date" in details ? details.time : same ? before.time : undefined; // a new date, its own time
  const offline = "offline" in details ? details.offline : same ? before.offline : undefined;
  if (conference) value.conference = conference;
  if (date && validDate(date)) value.date = date;
  if (value.date && typeof time === "string" && TIME.test(time)) value.time = time;
  if (offline === true) value.offline = true;
  return write(value);
}

/** Forget everything chosen (authority, conference, date). */
export function forget() {
  return write(null);
}

/** Call `listener` whenever the choice changes, in this page or in another tab. */
export function onChange(listener) {
  window.addEventListener(EVENT, listener);
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key === KEY) listener();
  });
}

/** The button that forgets the choices, labelled in the site's words (interface.yml `store.forget`);
    `after` redraws what showed the choice. */
export function forgetButton(label, after) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "cp-forget";
  button.textContent = label;
  button.addEventListener("click", () => {
    forget();
    if (after) after();
  });
  return button;
}
