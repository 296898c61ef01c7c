import { fill } from "./dom.mjs";

// Comparison pages: show only the authorities whose name contains what the reader types.
// Rows (first cell = authority) and agenda cards (heading = authority) are hidden, never removed,
// so the page without JavaScript shows everything.
export function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "yes";
  const words = JSON.parse(root.dataset.words || "{}"); // the site's words (interface.yml `compare.filter_status`)
  const input = root.querySelector("input");
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  root.append(status);
  root.hidden = false;
  const article = root.closest("article") || document;
  const rows = [...article.querySelectorAll("table tbody tr")];
  const cards = [...article.querySelectorAll(".cp-compare-card")];
  const nameOf = (el) => (el.matches("tr") ? el.cells[0] : el.querySelector("h3"))?.textContent.toLowerCase() ?? "";
  input.addEventListener("input", () => {
    const query = input.value.trim().toLowerCase();
    let shown = 0;
    for (const el of [...rows, ...cards]) {
      const match = !query || nameOf(el).includes(query);
      el.hidden = !match;
      if (match) shown += 1;
    }
    status.textContent = query ? fill(words.status, { shown, count: rows.length + cards.length }) : "";
  });
}
