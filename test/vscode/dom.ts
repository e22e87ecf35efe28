/**
 * The few DOM types that the functions sent to the page use. The suite is compiled with Node's
 * types only (adding the DOM library would make `document` and `window` type-check in the server
 * too), so a page function starts with
 *
 *   const { document } = globalThis as unknown as Dom;
 *
 * which the compiler erases: in the page, `globalThis` is the window.
 */

export interface DomRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode> & Iterable<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly id: string;
  readonly className: string;
  readonly innerText: string;
  readonly outerHTML: string;
  readonly innerHTML: string;
  readonly parentElement: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly lastElementChild: DomElement | null;
  readonly children: ArrayLike<DomElement> & Iterable<DomElement>;
  readonly attributes: ArrayLike<{ name: string; value: string }> & Iterable<{ name: string; value: string }>;
  readonly classList: { contains(name: string): boolean };
  readonly dataset: Record<string, string | undefined>;
  readonly offsetParent: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  getBoundingClientRect(): DomRect;
}

export interface DomDocument {
  readonly body: DomElement;
  readonly documentElement: DomElement;
  readonly activeElement: DomElement | null;
  readonly title: string;
  getElementById(id: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

/** The properties of a CSSStyleDeclaration the tests read (camel-case, as the browser gives them). */
export interface ComputedStyle {
  backgroundColor: string;
  color: string;
  display: string;
  visibility: string;
  getPropertyValue(name: string): string;
}

/** A service worker registration, as `navigator.serviceWorker.getRegistrations()` gives it. */
export interface DomServiceWorkerRegistration {
  readonly scope: string;
  readonly active: { readonly scriptURL: string } | null;
  readonly waiting: { readonly scriptURL: string } | null;
  readonly installing: { readonly scriptURL: string } | null;
}

export interface Dom {
  document: DomDocument;
  navigator: { serviceWorker?: { getRegistrations(): Promise<readonly DomServiceWorkerRegistration[]> } };
  location: { href: string };
  scrollY: number;
  innerHeight: number;
  getComputedStyle(element: DomElement): ComputedStyle;
  [key: string]: unknown;
}
