/* The offer to keep an authority's pages for use without signal (components/keep-offer):
   near the top of its family pages, at the foot of its other pages, and on the calculator once the reader
   has saved a date there. It says how much keeping them downloads (`bytes` of the build's list,
   offline/<id>.json); only the button starts keeping anything: it remembers the authority with
   `offline` (conference-store.mjs), as the picker remembers a choice, then calls `keep`. */

const SITE = new URL("../../", import.meta.url); // this file is assets/js/keep-offer.mjs

function notices() {
  try {
    return JSON.parse(document.getElementById("cp-notices").textContent) || {};
  } catch (error) {
    return {};
  }
}

/** "3.7 MB" or "450 KB", in the site's words (mkdocs.yml extra.notices). */
function size(bytes, say) {
  if (bytes >= 1e6) return (say.offline_mb || "{n} MB").replace("{n}", (bytes / 1e6).toFixed(1));
  return (say.offline_kb || "{n} KB").replace("{n}", String(Math.max(1, Math.round(bytes / 1e3))));
}

export function mount(offer, store, keep) {
  const say = notices();
  // after the jump links to a family page's answers: those come first on a phone's screen
  const jump = document.querySelector(".cp-jump");
  if (jump && offer.compareDocumentPosition(jump) & Node.DOCUMENT_POSITION_FOLLOWING) jump.after(offer);
  let sized = "";
  const which = () => {
    const choice = store.read();
    const id = offer.dataset.authority || choice?.authority.id;
    const name = offer.dataset.authority ? offer.dataset.name : choice?.authority.name;
    return { choice, id, name };
  };
  async function update() {
    const { choice, id, name } = which();
    const kept = choice?.offline && choice.authority.id === id;
    const waiting = offer.hasAttribute("data-after-date") && !choice?.date;
    offer.hidden = true;
    if (!id || kept || waiting) return;
    if (!offer.dataset.authority) offer.querySelector("[data-keep-offer]").textContent = (say.offline_offer || "").replace("{name}", name);
    if (sized !== id) {
      try {
        const response = await fetch(new URL(`offline/${encodeURIComponent(id)}.json`, SITE).href);
        const list = response.ok ? await response.json() : null;
        if (list?.bytes) offer.querySelector("[data-keep-size]").textContent = (say.offline_size || "").replace("{size}", size(list.bytes, say));
      } catch (error) { /* no signal: the offer stands without its size */ }
      sized = id;
    }
    offer.hidden = false;
  }
  offer.querySelector("button").addEventListener("click", () => {
    const { choice, id } = which();
    const same = choice && choice.authority.id === id;
    store.remember(same ? choice.authority : { id, name: offer.dataset.name, path: `${id}/` }, { offline: true });
    offer.hidden = true;
    keep();
  });
  store.onChange(update);
  return update();
}
