/* "Your authority: X · checklists · change · Forget my choices" at the top of every page's content,
   once an authority is remembered (conference-store.mjs). cpguide.js calls badge() on every page,
   also after Material's instant navigation: it replaces the line rather than adding another. */

import * as store from "./conference-store.mjs";
import { element } from "./dom.mjs";

const SITE = new URL("../../", import.meta.url); // this file is assets/js/your-authority.mjs
const PICKER = new URL("authorities/", SITE);


/** The site's words for this line (interface.yml `badge`), in the page's #cp-notices. */
function words(doc) {
  try {
    return JSON.parse(doc.getElementById("cp-notices").textContent) || {};
  } catch (error) {
    return {};
  }
}

const remembered = () => store.read()?.authority ?? null;

let following = false; // badge() follows changes once per page load (it is called again after instant navigation)

/** "Your authority: X · checklists · change · Forget my choices" at the top of the content, when one is remembered. */
export function badge(doc = document) {
  if (!following) {
    following = true;
    store.onChange(() => badge());
  }
  const content = doc.querySelector(".md-content__inner");
  const existing = doc.querySelector(".cp-your-authority");
  const choice = remembered();
  if (!content || !choice) {
    if (existing) existing.remove();
    return;
  }
  const say = words(doc);
  const links = {
    "{name}": element("a", { href: new URL(choice.path, SITE).href, text: choice.name }),
    "{checklists}": element("a", { href: new URL("checklists/", new URL(choice.path, SITE)).href, text: say.badge_checklists,
                                   "aria-label": (say.badge_checklists_label || "").replace("{name}", choice.name) }),
    "{change}": element("a", { href: PICKER.href, text: say.badge_change, "aria-label": say.badge_change_label }),
    "{forget}": store.forgetButton(say.store_forget),
  };
  const line = element("p", { className: "cp-your-authority" },
    (say.badge_line || "").split(/(\{[a-z]+\})/).filter(Boolean).map((piece) => links[piece] ?? piece));
  if (existing) existing.replaceWith(line);
  else content.prepend(line);
}

