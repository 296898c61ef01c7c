// On the pages a family reads (overrides/partials/family-tools.html): GOV.UK Frontend's "Exit this page",
// and "Listen to this page", which reads the page's own words with the browser's speech synthesis
// (nothing is sent anywhere). Mounted by cpguide.js on every page that has [data-cpguide-family].

const EXIT = "../vendor/govuk-exit-this-page.mjs";

export async function mount(root) {
  await mountExit(root);
  mountListen(root.querySelector("[data-cpguide-listen]"));
}

async function mountExit(root) {
  const el = root.querySelector('[data-module="govuk-exit-this-page"]');
  if (!el || el.dataset.cpguideMounted) return;
  el.dataset.cpguideMounted = "true";
  document.body.classList.add("govuk-frontend-supported"); // GOV.UK Frontend's "JavaScript is here" class
  // The component listens for Shift once per document; after instant navigation the listener must belong
  // to this page's button, so that its three-dot indicator shows.
  delete document.body.dataset.govukFrontendExitThisPageKeypress;
  const { ExitThisPage } = await import(new URL(EXIT, import.meta.url).href);
  new ExitThisPage(el);
}

// --- Listen -------------------------------------------------------------------------------------
const SKIP = ".cp-family-tools, .headerlink, nav, script, style, .md-source-file, [hidden]";
const BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, summary, blockquote";

/** The page's own words as a list of short passages (one per heading, paragraph or list item):
 *  what a reader sees, so the navigation, this toolbar and the inside of closed parts are left out. */
export function passages(article) {
  const out = [];
  for (const el of article.querySelectorAll(BLOCKS)) {
    if (el.closest(SKIP) || hiddenInClosedDetails(el)) continue;
    // A block holding other blocks (a list item with a sub-list) gives only its own words here.
    const raw = el.querySelector(BLOCKS) ? ownText(el) : el.textContent;
    const text = raw.replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
    if (text) out.push(text);
  }
  return out;
}

function ownText(el) {
  let text = "";
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node.nodeType === Node.ELEMENT_NODE && !node.matches(SKIP) && !node.matches(BLOCKS) && !node.querySelector(BLOCKS)) text += node.textContent;
  }
  return text;
}

function hiddenInClosedDetails(el) {
  for (let d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
    if (!d.open && el.closest("summary") !== d.querySelector(":scope > summary")) return true;
  }
  return false;
}

function mountListen(box) {
  if (!box || box.dataset.cpguideMounted || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance !== "function") return;
  box.dataset.cpguideMounted = "true";
  const synth = window.speechSynthesis;
  const [play, pause, stop] = ["play", "pause", "stop"].map((k) => box.querySelector(`[data-listen="${k}"]`));
  const label = play.textContent;
  let state = "idle"; // idle | speaking | paused

  const show = (next) => {
    state = next;
    play.textContent = state === "paused" ? play.dataset.resume : label;
    play.disabled = state === "speaking";
    pause.disabled = state !== "speaking";
    stop.disabled = state === "idle";
  };
  play.addEventListener("click", () => {
    if (state === "paused") { synth.resume(); show("speaking"); return; }
    synth.cancel();
    const article = box.closest("article") || document.querySelector("article");
    const parts = passages(article);
    parts.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = document.documentElement.lang || "en";
      if (i === parts.length - 1) u.onend = () => show("idle");
      synth.speak(u);
    });
    show(parts.length ? "speaking" : "idle");
    pause.focus();
  });
  pause.addEventListener("click", () => { synth.pause(); show("paused"); play.focus(); });
  stop.addEventListener("click", () => { synth.cancel(); show("idle"); play.focus(); });
  // Leaving the page (instant navigation included) stops reading it.
  window.addEventListener("pagehide", () => synth.cancel());
  if (window.location$) window.location$.subscribe(() => { if (!document.contains(box)) synth.cancel(); });
  box.hidden = false;
  show("idle");
}
