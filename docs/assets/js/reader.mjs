/* The reader's authority, as remembered in this browser: the one function search.mjs and offline.mjs
   ask, so where it is kept can change in one place. */
import { remembered } from "./picker.mjs";

/** {id, name, path} of the authority the reader chose, or null. */
export function readerAuthority() {
  return remembered();
}
