/* "Your authority: X · checklists · change · Forget my choices" at the top of every page's content,
   once an authority is remembered (conference-store.mjs). cpguide.js calls badge() on every page,
   also after Material's instant navigation: it replaces the line rather than adding another. */

import * as store from "./conference-store.mjs";
import { element } from "./dom.mjs";

const SITE = new URL("../../", import.meta.url); // this file is assets/js/your-authority.mjs
const PICKER = new URL("authorities/", SITE);


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
  const line = element("p", { className: "cp-your-authority" }, [
    "Your authority: ",
    element("a", { href: new URL(choice.path, SITE).href, text: choice.name }),
    " · ",
    element("a", { href: new URL("checklists/", new URL(choice.path, SITE)).href, text: "checklists",
                   "aria-label": `Checklists for ${choice.name}` }),
    " · ",
    element("a", { href: PICKER.href, text: "change", "aria-label": "Change your authority" }),
    " · ",
    store.forgetButton(),
  ]);
  if (existing) existing.replaceWith(line);
  else content.prepend(line);
}

