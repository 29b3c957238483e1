// Where focus goes when a screen arrives or an answer is refused, without taking it from another window on the stage.
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/** Focuses `el` (selecting its text when asked) only if the focus is nowhere, or already in the same phone. */
export function focusInPhone(el: HTMLInputElement | HTMLButtonElement | undefined, select = false): void {
  if (!el) return;
  const phone = el.closest('section');
  const active = document.activeElement;
  if (active && active !== document.body && !phone?.contains(active)) return;
  el.focus();
  if (select && el instanceof HTMLInputElement) el.select();
}

/** On a screen's heading (tabindex -1) or first control: focus when it appears, unless another window or phone has it. */
export const focusOnArrival: Attachment<HTMLElement> = (el) => {
  const area = el.closest('section');
  const active = document.activeElement;
  if (active && active !== document.body && !area?.contains(active)) return;
  el.focus();
};

/** The field a form wants typed in: the first empty one, else the last (the one a refusal asks to type again). */
function fieldToType(form: HTMLFormElement): HTMLInputElement | undefined {
  const fields = [...form.querySelectorAll<HTMLInputElement>('input:not([type=hidden]):not(:disabled)')];
  return fields.find((field) => field.value === '') ?? fields.at(-1);
}

/**
 * On a form: its field to type has focus when the form appears, and again, its text selected so the
 * next answer replaces it, after each refused answer. `rejections` counts the refusals, so the
 * attachment runs again each time one more comes, and only then (typing does not move the focus).
 * In a phone, focus is taken only if free. `pick` chooses another field than the first empty one.
 */
export function focusOnRefusal(
  rejections: number,
  where: 'window' | 'phone' = 'window',
  pick: (form: HTMLFormElement) => HTMLInputElement | undefined = fieldToType,
): Attachment<HTMLFormElement> {
  return (form) =>
    untrack(() => {
      const field = pick(form);
      if (where === 'phone') return focusInPhone(field, rejections > 0);
      field?.focus();
      if (rejections > 0) field?.select();
    });
}
