/* Using the site without signal: the service worker, the reader's authority kept on the device, and
   the list of pages kept.

   cpguide.js calls start() once the reader has asked to keep their authority's pages ("Keep them on
   this device"), over http(s); the page listing what is kept only reads the caches (mountList). It registers sw.js (written by Workbox after the build,
   scripts/service-worker.mjs), which keeps every page and file as it is opened and serves the kept
   copy when there is no signal. start() also keeps all of the chosen authority's pages, its checklists and the
   calculator with its rules and the bank holidays, from the list the build wrote for it
   (offline/<id>.json): about the size of the pages themselves, downloaded once per version of the
   site, never for a reader who has not chosen. Nothing of another authority, nothing from another
   host. mountList() shows, on the page about using the site without signal, what is kept. */

import { onReaderChange } from "./reader.mjs";
import { read } from "./conference-store.mjs";

/** The authority whose pages the reader asked to keep ("Keep them on this device"), or null: choosing
    an authority, or working out dates with it, keeps nothing by itself. */
function keptAuthority() {
  const choice = read();
  return choice && choice.offline ? choice.authority : null;
}

const SITE = new URL("../../", import.meta.url); // this file is assets/js/offline.mjs
const PAGES = "cpguide-pages"; // the cache names the service worker uses (scripts/service-worker.mjs)
const FILES = "cpguide-files";
const KEPT = "cpguide-offline"; // which authority's list was kept, for which version of the site

function notices() {
  try {
    return JSON.parse(document.getElementById("cp-notices").textContent) || {};
  } catch (error) {
    return {};
  }
}

/** The version of everything the site serves (cpguide/publish.py offline_version): asked on every
    visit online, a few bytes; without signal the service worker answers with the copy it kept. */
async function version() {
  const response = await fetch(new URL("offline/version.json", SITE).href, { cache: "no-cache" });
  if (!response.ok) throw new Error(`offline/version.json: ${response.status}`);
  return (await response.json()).version;
}

// Past the browser's own cache too: a file it thinks still fresh may be the one just replaced.
const fresh = (url) => new Request(url, { cache: "no-cache", credentials: "same-origin" });

const supported = () => location.protocol !== "file:" && "serviceWorker" in navigator && "caches" in window;

/** Keep the authority's pages and files (its build-time list); resolves to the number kept. */
async function keepAuthority(authority) {
  const listUrl = new URL(`offline/${encodeURIComponent(authority.id)}.json`, SITE).href;
  const stamp = `${authority.id} ${await version()}`;
  const kept = await caches.open(KEPT);
  const before = await kept.match(listUrl);
  if (before && (await before.clone().text()).startsWith(stamp)) return -1; // already kept, this version
  const response = await fetch(listUrl, { cache: "no-cache" });
  if (!response.ok) return 0;
  const urls = (await response.json()).urls.map((u) => new URL(u, SITE).href);
  const pages = await caches.open(PAGES);
  const files = await caches.open(FILES);
  await pages.addAll(urls.filter((u) => u.endsWith("/")).map(fresh));
  // and the version itself: the page where the reader tapped "Keep" is not yet served by the worker,
  // so without this the next page with no signal would ask the network for it in vain
  await files.addAll([...urls.filter((u) => !u.endsWith("/")), new URL("offline/version.json", SITE).href].map(fresh));
  await kept.put(listUrl, new Response(`${stamp}\n${urls.length}`));
  return urls.length;
}

function addStyles() {
  if (document.getElementById("cp-offline-style")) return;
  const style = document.createElement("style");
  style.id = "cp-offline-style";
  style.textContent = `.cp-offline-status { font-size: .7rem; margin: -.3rem 0 .6rem; color: #4a4a4a; }
.cp-offline-missing { font-weight: 600; color: #8a1c00; }`;
  document.head.append(style);
}

function showKept(authority) {
  const text = notices().offline_kept;
  if (!text || document.querySelector(".cp-offline-status")) return;
  addStyles();
  const line = document.createElement("p");
  line.className = "cp-offline-status";
  const link = document.createElement("a");
  link.href = new URL("about/offline/", SITE).href;
  link.textContent = notices().offline_which || "";
  line.append(text.replace("{name}", authority.name), " ", link);
  const badge = document.querySelector(".cp-your-authority");
  const content = document.querySelector(".md-content__inner");
  if (badge) badge.after(line);
  else if (content) content.prepend(line);
}

async function keepChosen() {
  const authority = keptAuthority();
  try {
    if (authority) {
      await navigator.serviceWorker.ready;
      await keepAuthority(authority);
      showKept(authority);
    }
    window.__offlineReady = authority ? authority.id : "none";
  } catch (error) {
    window.__offlineReady = "failed"; // no signal, storage full or refused: the site works as before
  }
}

let started = false;
/** Register the service worker; keep the authority the reader asked to keep (now or later). */
export async function start() {
  if (!supported()) {
    window.__offlineReady = "unsupported";
    return;
  }
  try {
    await navigator.serviceWorker.register(new URL("sw.js", SITE).href);
  } catch (error) {
    window.__offlineReady = "failed";
    return;
  }
  if (!started) {
    started = true;
    onReaderChange(() => { document.querySelector(".cp-offline-status")?.remove(); keepChosen(); });
  }
  await keepChosen();
}

async function titleOf(cache, request) {
  const response = await cache.match(request);
  const html = response ? await response.text() : "";
  const m = html.match(/<title>([^<]*)<\/title>/);
  const text = m ? m[1] : new URL(request.url).pathname;
  return new DOMParser().parseFromString(`<p>${text}</p>`, "text/html").body.textContent;
}

// ?missing=<code> (scripts/service-worker.mjs) -> the key of the site's words (mkdocs.yml extra.notices)
const ADDRESS_CODES = Object.freeze(Object.assign(Object.create(null), { page: "offline_missing" }));

/** On the page about using the site without signal: the pages kept on this device, as links. */
export async function mountList(root) {
  if (!root || root.dataset.mounted) return;
  root.dataset.mounted = "1";
  const say = notices();
  // The address only ever names a code the service worker sets; its own words are never shown.
  const missing = ADDRESS_CODES[new URLSearchParams(location.search).get("missing")];
  addStyles();
  if (missing && say[missing]) {
    const note = document.createElement("p");
    note.className = "cp-offline-missing";
    note.setAttribute("role", "alert");
    note.textContent = say[missing];
    root.before(note);
  }
  if (!supported()) {
    root.replaceChildren(Object.assign(document.createElement("p"), { textContent: say.offline_file || "" }));
    window.__offlineListReady = true;
    return;
  }
  const cache = await caches.open(PAGES);
  const requests = (await cache.keys()).filter((r) => new URL(r.url).origin === location.origin);
  const items = await Promise.all(requests.map(async (r) => [await titleOf(cache, r), r.url]));
  items.sort((a, b) => a[1].localeCompare(b[1]));
  if (!items.length) {
    root.replaceChildren(Object.assign(document.createElement("p"), { textContent: say.offline_none || "" }));
  } else {
    const count = Object.assign(document.createElement("p"), {
      textContent: (say.offline_count || "{n}").replace("{n}", String(items.length)),
    });
    const list = document.createElement("ul");
    items.forEach(([title, url]) => {
      const li = document.createElement("li");
      const a = Object.assign(document.createElement("a"), { href: url, textContent: title });
      li.append(a);
      list.append(li);
    });
    root.replaceChildren(count, list);
  }
  window.__offlineListReady = true;
}
