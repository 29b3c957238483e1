// The autopilot's hands and eyes on the page: finds an element by its role and accessible name, taps and types into it.
//
// The same names the end-to-end tests find elements by (tests/e2e/pages/), so the autopilot drives
// the real controls a person would, never a component's state.
//
// Every name is looked for in the windows' language: the planner names controls by catalogue ids,
// the player renders them through the active catalogue (`Say`), and the areas are found by their
// own labels in it ("Connexion", "Téléphone — iPhone"), so a take plays with the UI in French.
import type { MessageId } from '../i18n/keys';
import type { Area, Target } from './autopilot-plan';

/** The windows' words: `t()` of the active catalogue. */
export type Say = (id: MessageId, values?: Record<string, string | number>) => string;

/** A target with its names worded: the exact accessible name, or a text its element includes. */
export interface Sought {
  area: Area;
  role: Target['role'];
  name?: string;
  contains?: string;
  checked?: boolean;
}

/** A CSS attribute value, quoted. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The selector of an area, from the labels the stage gives it in the windows' language. The broker's
 * app and the fob carry their product names, which no catalogue translates.
 */
export function areaSelector(area: Area, say: Say): string {
  const phone = `section[aria-label^=${quoted(say('phone.label', { name: '' }))}]`;
  const portal = `section[aria-label=${quoted(say('portal.region'))}]`;
  switch (area) {
    case 'login': {
      // The stage shows one login at a time on its left: the login window's, or the Client Portal's.
      const name = quoted(say('login.region'));
      return `[role="region"][aria-label=${name}], section[aria-label=${name}], ${portal}`;
    }
    case 'portal':
      return portal;
    case 'phone':
      return phone;
    case 'app':
      return `${phone} [role="group"][aria-label="IBKR Mobile"]`;
    case 'call':
      return `${phone} [role="dialog"]`;
    case 'fob':
      return 'section[aria-label^="Digital Security Card+"]';
    case 'card':
      return `dialog[aria-label=${quoted(say('login.card.title'))}], section[aria-label^=${quoted(say('devices.card.name'))}]`;
  }
}

const ROLE_SELECTORS: Record<Target['role'], string> = {
  button: 'button, [role="button"]',
  textbox: 'input:not([type]), input[type="text"], input[type="password"], input[type="tel"], input[type="number"], input[type="email"], textarea',
  link: 'a[href], [role="link"]',
  combobox: 'select, [role="combobox"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  menuitem: '[role="menuitem"]',
  switch: '[role="switch"]',
};

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name, as far as this UI needs it: aria-label, aria-labelledby, a label, else the text. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return squash(label);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const names = labelledBy.split(/\s+/).map((id) => squash(element.ownerDocument.getElementById(id)?.textContent));
    return names.join(' ').trim();
  }
  if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement || element instanceof HTMLOutputElement) {
    const labels = element.labels ? [...element.labels] : [];
    if (labels.length) return squash(labels.map((l) => l.textContent).join(' '));
    return squash(element.getAttribute('placeholder'));
  }
  return squash(nameFromContent(element));
}

/** The text a name is computed from: hidden parts (aria-hidden icons) left out, a labelled child by its label. */
function nameFromContent(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else if (child instanceof Element) {
      if (child.getAttribute('aria-hidden') === 'true') continue;
      text += ` ${child.getAttribute('aria-label') ?? nameFromContent(child)} `;
    }
  }
  return text;
}

/** Shown to a person: laid out, not hidden, not inside a closed dialog or an inert part. */
function visible(element: Element): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.closest('[inert], [aria-hidden="true"]')) return false;
  const dialog = element.closest('dialog');
  if (dialog && !dialog.open) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** The first visible element of the target's area, role and name, or null. */
export function findTarget(root: ParentNode, target: Sought, say: Say): HTMLElement | null {
  for (const area of root.querySelectorAll(areaSelector(target.area, say))) {
    for (const element of area.querySelectorAll(ROLE_SELECTORS[target.role])) {
      if (!visible(element)) continue;
      const name = accessibleName(element);
      if (target.name !== undefined && name !== target.name) continue;
      if (target.contains !== undefined && !squash(element.textContent).includes(target.contains) && !name.includes(target.contains)) continue;
      if (target.checked !== undefined && element.getAttribute('aria-checked') !== String(target.checked)) continue;
      return element as HTMLElement;
    }
  }
  return null;
}

/** The text of a labelled output in an area (the app's "Response String", the fob's "Display"). */
export function labelledText(root: ParentNode, area: Area, label: string, say: Say): string | null {
  for (const scope of root.querySelectorAll(areaSelector(area, say))) {
    for (const element of scope.querySelectorAll('[aria-label], [aria-labelledby], output')) {
      if (accessibleName(element) === label && visible(element) && element.textContent) return squash(element.textContent);
    }
  }
  return null;
}

/** The centre of an element, in the page's coordinates (where the touch indicator shows). */
export function centreOf(element: Element): { x: number; y: number } {
  const box = element.getBoundingClientRect();
  return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
}

/** A value typed as the keyboard would: Svelte's bindings listen to `input`. */
export function setFieldValue(element: HTMLElement, value: string): void {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) throw new Error('not a text field');
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A drop-down's option picked by value (or by its label), as a person choosing it. */
export function chooseOption(element: HTMLElement, value: string): boolean {
  if (!(element instanceof HTMLSelectElement)) return false;
  const option = [...element.options].find((o) => o.value === value) ?? [...element.options].find((o) => squash(o.textContent).includes(value));
  if (!option) return false;
  element.value = option.value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
