/* Only in the build for files (CPGUIDE_OFFLINE=true, hooks/publish_hooks.py): browsers load no modules
   or data from file://, so the calculator, the checklists' tick boxes and search say so in place
   (words from mkdocs.yml extra.notices, in the page as #cp-notices and the search box's data). */
(function () {
  "use strict";
  function run() {
    var say = {};
    try { say = JSON.parse(document.getElementById("cp-notices").textContent) || {}; } catch (e) { /* none */ }
    [["[data-cpguide-calculator]", say.calculator_file], ["[data-cpguide-checklist]", say.checklist_file]]
      .forEach(function (pair) {
        document.querySelectorAll(pair[0]).forEach(function (el) {
          if (!pair[1] || el.querySelector(".cp-file-notice")) return;
          var note = document.createElement("p");
          note.className = "admonition note cp-file-notice";
          note.style.padding = ".6rem .8rem";
          note.textContent = pair[1];
          el.hidden = false;
          el.prepend(note);
        });
      });
    var toggle = document.getElementById("__search");
    var meta = document.getElementById("cp-search-meta");
    if (meta) { meta.style.color = "#4a4a4a"; meta.style.backgroundColor = "#f2f2f2"; }
    document.querySelectorAll("[data-cpguide-search] input[name=query]").forEach(function (input) {
      input.addEventListener("focus", function () { if (toggle) toggle.checked = true; });
    });
    window.__pageReady = location.pathname;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
