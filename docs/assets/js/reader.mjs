/* The reader's authority, as remembered in this browser (conference-store.mjs): the one place
   search.mjs and offline.mjs ask. */
import * as store from "./conference-store.mjs";

/** {id, name, path} of the authority the reader chose, or null. */
export function readerAuthority() {
  const choice = store.read();
  return choice ? choice.authority : null;
}

/** Call fn when the reader chooses or forgets (in this page or another tab). */
export function onReaderChange(fn) {
  store.onChange(fn);
}
