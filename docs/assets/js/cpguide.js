/* cpguide page scripts. Runs on every page, including after Material's instant navigation.
   Heavier features are ES modules loaded only on the pages that need them. */
(function () {
  "use strict";
  var base = new URL(".", document.currentScript ? document.currentScript.src : location.href);

  function notices() {
    try { return JSON.parse(document.getElementById("cp-notices").textContent) || {}; } catch (e) { return {}; }
  }

  /* Opened from files (file://), browsers refuse to load the modules and data: say so in place. */
  function explainFileLimits() {
    var say = notices();
    [["[data-cpguide-calculator]", say.calculator_file], ["[data-cpguide-checklist]", say.checklist_file]]
      .forEach(function (pair) {
        document.querySelectorAll(pair[0]).forEach(function (el) {
          if (!pair[1] || el.querySelector(".cp-file-notice")) return;
          var note = document.createElement("p");
          note.className = "admonition note cp-file-notice";
          note.textContent = pair[1];
          el.hidden = false;
          el.prepend(note);
        });
      });
    // The search box opens as usual and shows, instead of results, why search cannot work here.
    var toggle = document.getElementById("__search");
    document.querySelectorAll("[data-cpguide-search] input[name=query]").forEach(function (input) {
      input.addEventListener("focus", function () { if (toggle) toggle.checked = true; });
    });
    window.__pageReady = location.pathname;
  }

  /* Search: Pagefind is loaded the first time the reader opens or focuses the search box. */
  function mountSearchOnDemand() {
    var boxes = document.querySelectorAll("[data-cpguide-search]");
    if (!boxes.length) return;
    var started = false;
    var toggle = document.getElementById("__search");
    function load() {
      if (started) return;
      started = true;
      import(new URL("search.mjs", base).href).then(function (mod) {
        boxes.forEach(function (el) { mod.mount(el); });
      });
    }
    boxes.forEach(function (el) { el.addEventListener("focusin", load); });
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) load(); });
    document.addEventListener("keydown", function (event) {  // "/" or "s" opens search, as in Material
      var t = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) return;
      if ((event.key === "/" || event.key === "s") && toggle) {
        event.preventDefault();
        toggle.checked = true;
        load();
        var input = document.querySelector("[data-cpguide-search] input[name=query]");
        if (input) input.focus();
      }
    });
  }

  /* Use without signal (offline.mjs: the service worker, the reader's authority kept, the list of what
     is kept) starts once the reader has chosen their authority, and on the picker and the page listing
     what is kept: a first visit from a link downloads nothing for it. */
  function mountOffline(authorityChosen) {
    var lists = document.querySelectorAll("[data-cpguide-offline-list]");
    if (lists.length || authorityChosen) {
      import(new URL("offline.mjs", base).href).then(function (mod) {
        lists.forEach(function (el) { mod.mountList(el); });
        return mod.start();
      });
    } else {
      window.__offlineReady = "none";
    }
  }

  function mountModules() {
    if (location.protocol === "file:") {
      explainFileLimits();
      return;
    }
    mountSearchOnDemand();
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
      mountOffline(Boolean(choice) || Boolean(document.querySelector("[data-cpguide-picker]")));  // the picker: a choice keeps its pages at once
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
