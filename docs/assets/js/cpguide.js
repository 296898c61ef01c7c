/* cpguide page scripts. Runs on every page, including after Material's instant navigation.
   Heavier features are ES modules loaded only on the pages that need them. */
(function () {
  "use strict";
  var base = new URL(".", document.currentScript ? document.currentScript.src : location.href);

  // search.mjs when the reader opens search
  function mountSearch(box, toggle) {
    var load = function () { load = Boolean; import(new URL("search.mjs", base).href).then(function (m) { m.mount(box); }); };
    box.addEventListener("focusin", function () { toggle.checked = true; load(); });
    toggle.addEventListener("change", function () { if (toggle.checked) load(); });
  }
  // offline.mjs (the service worker) only once the reader has
  // asked to keep an authority's pages (conference-store.mjs `offline`), and the list of kept pages
  function mountOffline(lists, start) {
    import(new URL("offline.mjs", base).href).then(function (m) { lists.forEach(m.mountList); return start && m.start(); });
  }
  function notices() {
    try { return JSON.parse(document.getElementById("cp-notices").textContent) || {}; } catch (e) { return {}; }
  }
  // "12.3 MB" or "450 KB", in the site's words (mkdocs.yml extra.notices)
  function size(bytes, say) {
    if (bytes >= 1e6) return (say.offline_mb || "{n} MB").replace("{n}", (bytes / 1e6).toFixed(1));
    return (say.offline_kb || "{n} KB").replace("{n}", String(Math.max(1, Math.round(bytes / 1e3))));
  }
  // The offer to keep an authority's pages for use without signal: on its pages, and on the calculator
  // once the reader has saved a date there. It says how much that downloads (the build's list); only
  // the button starts keeping anything (it remembers the authority, as the picker does).
  function offerToKeep(offer, store) {
    if (!("serviceWorker" in navigator && "caches" in window)) return;
    // Near the top of a family page, but after the jump links to the answers: those come first on the phone's screen
    var jump = document.querySelector(".cp-jump");
    if (jump && offer.compareDocumentPosition(jump) & Node.DOCUMENT_POSITION_FOLLOWING) jump.after(offer);
    var say = notices(), sized = "";
    function update() {
      var choice = store.read();
      var id = offer.dataset.authority || (choice && choice.authority.id);
      var name = offer.dataset.authority ? offer.dataset.name : choice && choice.authority.name;
      var kept = choice && choice.offline && choice.authority.id === id;
      var waiting = offer.hasAttribute("data-after-date") && !(choice && choice.date);
      offer.hidden = true;
      if (!id || kept || waiting) return;
      if (!offer.dataset.authority) offer.querySelector("[data-keep-offer]").textContent = (say.offline_offer || "").replace("{name}", name);
      if (sized === id) { offer.hidden = false; return; }
      fetch(new URL("../../offline/" + encodeURIComponent(id) + ".json", base).href)
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (list) {
          sized = id;
          if (list && list.bytes) offer.querySelector("[data-keep-size]").textContent = (say.offline_size || "").replace("{size}", size(list.bytes, say));
          offer.hidden = false;
        }).catch(function () { offer.hidden = false; });
    }
    offer.querySelector("button").addEventListener("click", function () {
      var choice = store.read();
      var id = offer.dataset.authority || (choice && choice.authority.id);
      var same = choice && choice.authority.id === id;
      store.remember(same ? choice.authority : { id: id, name: offer.dataset.name, path: id + "/" }, { offline: true });
      offer.hidden = true;
      mountOffline([], true);
      import(new URL("your-authority.mjs", base).href).then(function (mod) { mod.badge(); });
    });
    store.onChange(update);
    update();
  }

  function mountModules() {
    if (location.protocol === "file:") return;  // no modules from files: file-build.js says so
    var box = document.querySelector("[data-cpguide-search]"), toggle = document.getElementById("__search");
    if (box && toggle) mountSearch(box, toggle);
    var calculators = document.querySelectorAll("[data-cpguide-calculator]");
    if (calculators.length) {
      import(new URL("calculator.mjs", base).href).then(function (mod) {
        calculators.forEach(function (el) { mod.mount(el); });
      });
    }
    var checklists = document.querySelectorAll("[data-cpguide-checklist]");
    if (checklists.length) {
      import(new URL("checklist.mjs", base).href).then(function (mod) {
        checklists.forEach(function (el) { mod.mount(el); });
      });
    }
    var filters = document.querySelectorAll("[data-cpguide-table-filter]");
    if (filters.length) {
      import(new URL("table-filter.mjs", base).href).then(function (mod) {
        filters.forEach(function (el) { mod.mount(el); });
      });
    }
    var family = document.querySelectorAll("[data-cpguide-family]");
    if (family.length) {  // quick exit and Listen, on the pages a family reads
      import(new URL("family.mjs", base).href).then(function (mod) { return mod.mount(family[0]); })
        .then(function () { window.__familyReady = location.pathname; });
    }
    // The remembered conference (conference-store.mjs) decides what else this page needs.
    import(new URL("conference-store.mjs", base).href).then(function (store) {
      var choice = store.read();
      var waits = [];
      var lists = document.querySelectorAll("[data-cpguide-offline-list]");
      var keeping = Boolean(choice && choice.offline);
      if (keeping || lists.length) mountOffline(lists, keeping);
      var offer = document.querySelector("[data-cpguide-keep]");
      if (offer) offerToKeep(offer, store);
      var dates = document.querySelectorAll("[data-cpguide-your-dates]");
      if (choice && choice.date && dates.length) {  // only then: the rule engine and one authority's rules
        waits.push(import(new URL("your-dates.mjs", base).href).then(function (mod) {
          return Promise.all(Array.prototype.map.call(dates, function (el) { return mod.mount(el); }));
        }));
      }
      var pickers = document.querySelectorAll("[data-cpguide-picker]");
      if (pickers.length) {
        waits.push(import(new URL("picker.mjs", base).href).then(function (mod) {
          pickers.forEach(function (el) { mod.mount(el); });
        }));
      }
      if (choice) {  // the "Your authority" line on every page
        waits.push(import(new URL("your-authority.mjs", base).href).then(function (mod) { mod.badge(); }));
      }
      return Promise.all(waits);
    }).catch(function () { /* a module failed to load: the page still reads as it is */ })
      .then(function () { window.__pickerReady = location.pathname; });
    window.__pageReady = location.pathname;
  }

  if (window.document$) { window.document$.subscribe(mountModules); }
  else { document.addEventListener("DOMContentLoaded", mountModules); }
})();
