// Builds DOM nodes from data with textContent only: nothing from the service or the user is ever
// parsed as HTML.

/**
 * Creates an element. attrs: className, text, on{Event} handlers, dataset, other properties set
 * as attributes. Children: nodes or strings (as text nodes); null and false are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'className') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.substring(2).toLowerCase(), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A message box for an error (ApiError title/detail, or an Error's message). */
export function errorBox(error) {
  const title = error?.title || 'Something went wrong';
  return el('div', { className: 'error', role: 'alert' },
    el('strong', { text: title }),
    error?.detail ? el('span', { text: ` — ${error.detail}` }) : !error?.title && error?.message ? el('span', { text: ` — ${error.message}` }) : null);
}

/** A table: columns [{label, value(row) -> string|Node}], rows, optional row attrs. */
export function table(columns, rows, rowAttrs = () => ({})) {
  return el('table', {},
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { text: c.label })))),
    el('tbody', {}, rows.map((row) => el('tr', rowAttrs(row), columns.map((c) => el('td', {}, c.value(row) ?? ''))))));
}
