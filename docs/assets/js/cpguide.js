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
      import(new URL("exit-and-listen.mjs", base).href).then(function (mod) { return mod.mount(family[0]); })
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
      if (offer && "serviceWorker" in navigator && "caches" in window) {  // the offer to keep the pages (keep-offer.mjs)
        waits.push(import(new URL("keep-offer.mjs", base).href).then(function (mod) {
          return mod.mount(offer, store, function () {
            mountOffline([], true);
            import(new URL("your-authority.mjs", base).href).then(function (m) { m.badge(); });
          });
        }));
      }
      var dates = document.querySelectorAll("[data-cpguide-your-dates]");
      if (choice && choice.date && dates.length) {  // only then: the rule engine and one authority's rules
        waits.push(import(new URL("your-dates.mjs", base).href).then(function (mod) {
          return Promise.all(Array.prototype.map.call(dates, function (el) { return mod.mount(el); }));
        }));
      }
      var pickers = document.querySelectorAll("[data-cpguide-picker]");
      if (pickers.length) {
        waits.push(import(new URL("picker.mjs", base).href).then(function (mod) {
          return Promise.all(Array.prototype.map.call(pickers, function (el) { return mod.mount(el); }));
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
