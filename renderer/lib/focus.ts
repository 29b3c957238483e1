// Moving focus inside a phone without taking it from another window on the stage (the login window keeps its typing).

/** Focuses `el` (selecting its text when asked) only if the focus is nowhere, or already in the same phone. */
export function focusInPhone(el: HTMLInputElement | HTMLButtonElement | undefined, select = false): void {
  if (!el) return;
  const phone = el.closest('section');
  const active = document.activeElement;
  if (active && active !== document.body && !phone?.contains(active)) return;
  el.focus();
  if (select && el instanceof HTMLInputElement) el.select();
}
