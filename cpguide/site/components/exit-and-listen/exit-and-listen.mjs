// Exit and listen (components/exit-and-listen), on the pages a family reads: GOV.UK Frontend's "Exit this
// page", and "Listen to this page" with the browser's own speech synthesis (nothing is sent anywhere).

export async function mount(root) {
  // The button is first in the page, outside the tools (exit-and-listen.html, exit_button).
  await mountExit(document.querySelector('[data-module="govuk-exit-this-page"]'));
  mountListen(root.querySelector("[data-cpguide-listen]"));
}

async function mountExit(el) {
  if (!el || el.dataset.cpguideMounted) return;
  el.dataset.cpguideMounted = "true";
  document.body.classList.add("govuk-frontend-supported"); // GOV.UK Frontend runs only with this class
  // It listens for Shift once per document: after instant navigation, this page's button takes over.
  delete document.body.dataset.govukFrontendExitThisPageKeypress;
  const { ExitThisPage } = await import(new URL("../vendor/govuk-exit-this-page.mjs", import.meta.url).href);
  new ExitThisPage(el);
}

const SKIP = ".cp-family-tools, .headerlink, nav, script, style, [hidden]";
const BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, summary, blockquote";

/** The words a reader sees, one passage per block: not the navigation, the toolbar or closed parts. */
export function passages(article) {
  const out = [];
  for (const el of article.querySelectorAll(BLOCKS)) {
    if (el.closest(SKIP) || closedAround(el)) continue;
    // A block holding blocks (a list item with a sub-list) gives only its own words here.
    const raw = el.querySelector(BLOCKS) ? ownText(el) : el.textContent;
    const text = raw.replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
    if (text) out.push(text);
  }
  return out;
}

function ownText(el) {
  let text = "";
  for (const n of el.childNodes) {
    if (n.nodeType === 3 || (n.nodeType === 1 && !n.matches(SKIP) && !n.matches(BLOCKS) && !n.querySelector(BLOCKS))) text += n.textContent;
  }
  return text;
}

function closedAround(el) { // inside a closed <details>, other than its summary
  for (let d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
    if (!d.open && el.closest("summary") !== d.querySelector(":scope > summary")) return true;
  }
  return false;
}

function mountListen(box) {
  const synth = window.speechSynthesis;
  if (!box || box.dataset.cpguideMounted || !synth || typeof SpeechSynthesisUtterance !== "function") return;
  box.dataset.cpguideMounted = "true";
  const [play, pause, stop] = ["play", "pause", "stop"].map((k) => box.querySelector(`[data-listen="${k}"]`));
  const label = play.textContent;
  const show = (state) => { // idle | speaking | paused
    play.textContent = state === "paused" ? play.dataset.resume : label;
    play.disabled = state === "speaking";
    pause.disabled = state !== "speaking";
    stop.disabled = state === "idle";
    return state;
  };
  let state = show("idle");
  play.addEventListener("click", () => {
    if (state === "paused") { synth.resume(); state = show("speaking"); return; }
    synth.cancel();
    const parts = passages(box.closest("article") || document.querySelector("article"));
    parts.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = document.documentElement.lang || "en";
      if (i === parts.length - 1) u.onend = () => { state = show("idle"); };
      synth.speak(u);
    });
    state = show(parts.length ? "speaking" : "idle");
    pause.focus();
  });
  pause.addEventListener("click", () => { synth.pause(); state = show("paused"); play.focus(); });
  stop.addEventListener("click", () => { synth.cancel(); state = show("idle"); play.focus(); });
  window.addEventListener("pagehide", () => synth.cancel()); // leaving the page stops reading it
  if (window.location$) window.location$.subscribe(() => { if (!document.contains(box)) synth.cancel(); });
  box.hidden = false;
}
