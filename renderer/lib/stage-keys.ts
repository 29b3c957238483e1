// The stage's own keys: Alt+Shift+P switches presenter mode, Alt+Shift+D shows or hides the Director.
//
// Like the autopilot's (Alt+Shift+A, S, R in autopilot-keys.ts): by the physical key (`code`), so
// they work on every keyboard layout, and with two modifiers, so no field ever receives them.

export type StageCommand = 'presenter' | 'director';

export const STAGE_KEYS: Readonly<Record<StageCommand, { code: string; label: string }>> = {
  presenter: { code: 'KeyP', label: 'Alt+Shift+P' },
  director: { code: 'KeyD', label: 'Alt+Shift+D' },
};

export function stageKey(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): StageCommand | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  for (const [command, key] of Object.entries(STAGE_KEYS) as [StageCommand, { code: string }][]) if (key.code === event.code) return command;
  return null;
}
