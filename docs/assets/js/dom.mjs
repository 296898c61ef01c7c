// One helper for the scripts that build a few elements: text is set as text, never parsed as HTML.
export function element(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  Object.entries(props).forEach(([key, value]) => {
    if (key === "text") el.textContent = value;
    else if (key === "className") el.className = value;
    else el.setAttribute(key, value);
  });
  children.forEach((child) => el.append(child));
  return el;
}

/** Fill a template of the site's words (interface.yml): {name} becomes params[name]; one pass, so
    what is filled in is never read as a placeholder. */
export const fill = (template, params = {}) => String(template).replace(/\{([a-z_]+)\}/g,
  (whole, name) => (params[name] === undefined || params[name] === null ? whole : String(params[name])));
