// The autopilot's keys on the stage: Alt+Shift+A plays or pauses, Alt+Shift+S plays one step, Alt+Shift+R restarts.
//
// By the physical key (`code`), so they work on every keyboard layout and whatever Alt+Shift types
// there; with two modifiers, so no field of the login window or the phone ever receives them.

export type AutopilotCommand = 'toggle' | 'step' | 'restart';

export const AUTOPILOT_KEYS: Readonly<Record<AutopilotCommand, { code: string; label: string }>> = {
  toggle: { code: 'KeyA', label: 'Alt+Shift+A' },
  step: { code: 'KeyS', label: 'Alt+Shift+S' },
  restart: { code: 'KeyR', label: 'Alt+Shift+R' },
};

export function autopilotKey(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): AutopilotCommand | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  for (const [command, key] of Object.entries(AUTOPILOT_KEYS) as [AutopilotCommand, { code: string }][]) if (key.code === event.code) return command;
  return null;
}
