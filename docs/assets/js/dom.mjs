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
