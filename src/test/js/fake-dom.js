// Just enough of a DOM for dom.js and icons.js to build trees under node --test: elements with
// attributes, text, dataset, listeners and children. No layout, no selectors, no HTML parsing.

class FakeNode {}

class FakeText extends FakeNode {
  constructor(data) { super(); this.data = String(data); }
  get textContent() { return this.data; }
}

class FakeElement extends FakeNode {
  constructor(tag) {
    super();
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.listeners = {};
    this.dataset = {};
    this.value = '';
  }
  get className() { return this.getAttribute('class') ?? ''; }
  set className(v) { this.setAttribute('class', v); }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
  set textContent(v) { this.childNodes = [new FakeText(v)]; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  hasAttribute(name) { return this.attributes.has(name); }
  addEventListener(name, fn) { (this.listeners[name] ||= []).push(fn); }
  append(...nodes) { for (const n of nodes) this.childNodes.push(typeof n === 'string' ? new FakeText(n) : n); }
  get children() { return this.childNodes.filter((c) => c instanceof FakeElement); }
  /** Calls the listeners as the browser would, with the element as currentTarget and target. */
  fire(name, event = {}) {
    for (const fn of this.listeners[name] || []) fn({ currentTarget: this, target: this, preventDefault() {}, ...event });
  }
}

export function installFakeDom() {
  globalThis.Node = FakeNode;
  globalThis.document = {
    createElement: (tag) => new FakeElement(tag),
    createElementNS: (_ns, tag) => new FakeElement(tag),
    createTextNode: (data) => new FakeText(data),
  };
}

/** Every element under the given roots (an element or a list), depth first, that passes the test. */
export function findAll(roots, test) {
  const out = [];
  const walk = (n) => {
    if (!(n instanceof FakeElement)) return;
    if (test(n)) out.push(n);
    n.childNodes.forEach(walk);
  };
  [roots].flat().forEach(walk);
  return out;
}

export const byRole = (roots, role) => findAll(roots, (el) => el.dataset.role === role);
export const byText = (roots, tag, text) => findAll(roots, (el) => el.tagName === tag.toUpperCase() && el.textContent.trim() === text);
