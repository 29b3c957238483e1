// The application menu: an item and a shortcut for each window, no developer tools in the packaged app.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu.js';

function actions(): MenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return { openLogin: vi.fn(), openPhone: vi.fn(), openDirector: vi.fn(), openFob: vi.fn(), openCard: vi.fn(), openPortal: vi.fn(), openStage: vi.fn(), arrangeStage: vi.fn(), openScenario: vi.fn(), resetSimulation: vi.fn(), setLocale: vi.fn(), togglePresenter: vi.fn(), frameSize: vi.fn() };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('buildMenuTemplate', () => {
  it('opens the login window, the phone, the director, the fob, the card, the Client Portal and the stage from items with shortcuts', () => {
    const a = actions();
    const all = items(buildMenuTemplate(a, { platform: 'linux', devTools: false, locale: 'en', presenter: false }));
    const byId = (id: string) => all.find((i) => i.id === id)!;
    const expected: [string, string, keyof MenuActions][] = [
      ['open-login', 'CmdOrCtrl+1', 'openLogin'],
      ['open-phone', 'CmdOrCtrl+2', 'openPhone'],
      ['open-director', 'CmdOrCtrl+3', 'openDirector'],
      ['open-fob', 'CmdOrCtrl+4', 'openFob'],
      ['open-card', 'CmdOrCtrl+5', 'openCard'],
      ['open-portal', 'CmdOrCtrl+6', 'openPortal'],
      ['open-stage', 'CmdOrCtrl+Shift+1', 'openStage'],
      ['arrange-stage', 'CmdOrCtrl+Shift+S', 'arrangeStage'],
      ['open-scenario', 'CmdOrCtrl+O', 'openScenario'],
      ['reset-simulation', 'CmdOrCtrl+Shift+R', 'resetSimulation'],
      ['presenter-mode', 'CmdOrCtrl+Shift+P', 'togglePresenter'],
    ];
    for (const [id, accelerator, action] of expected) {
      expect(byId(id).accelerator).toBe(accelerator);
      (byId(id).click as () => void)();
      expect(a[action]).toHaveBeenCalledOnce();
    }
  });

  it('names the device windows as the login window does, and offers "Open Scenario…" under File', () => {
    const template = buildMenuTemplate(actions(), { platform: 'linux', devTools: false, locale: 'en', presenter: false });
    const all = items(template);
    expect(all.find((i) => i.id === 'open-fob')!.label).toBe('Digital Security Card+');
    expect(all.find((i) => i.id === 'open-card')!.label).toBe('Security Code Card');
    const file = template.find((m) => m.label === '&File')!;
    expect((file.submenu as MenuItemConstructorOptions[]).map((i) => i.label)).toContain('Open Scenario…');
  });

  it('offers View → Frame Size with the sizes takes are recorded at, each resizing the window to it', () => {
    const a = actions();
    const view = buildMenuTemplate(a, { platform: 'linux', devTools: false, locale: 'en', presenter: false }).find((m) => m.label === '&View')!;
    const frame = (view.submenu as MenuItemConstructorOptions[]).find((i) => i.id === 'frame-size')!;
    expect(frame.label).toBe('Frame Size');
    const sizes = frame.submenu as MenuItemConstructorOptions[];
    expect(sizes.map((i) => i.label)).toEqual(['1280 × 720 (720p)', '1920 × 1080 (1080p)', '2560 × 1440 (1440p)']);
    (sizes[1]!.click as () => void)();
    expect(a.frameSize).toHaveBeenCalledWith({ width: 1920, height: 1080 });
  });

  it('offers View → Presenter Mode as a check box that shows whether it is on', () => {
    const item = (presenter: boolean) => items(buildMenuTemplate(actions(), { platform: 'linux', devTools: false, locale: 'en', presenter })).find((i) => i.id === 'presenter-mode')!;
    expect({ label: item(false).label, type: item(false).type, checked: item(false).checked }).toEqual({ label: 'Presenter Mode', type: 'checkbox', checked: false });
    expect(item(true).checked).toBe(true);
  });

  it('offers View → Language with each language named in itself, the current one checked, a click switching', () => {
    const a = actions();
    const view = (locale: 'en' | 'fr') => buildMenuTemplate(a, { platform: 'linux', devTools: false, locale, presenter: false }).find((m) => m.label === '&View')!;
    const language = (locale: 'en' | 'fr') => (view(locale).submenu as MenuItemConstructorOptions[]).find((i) => i.id === 'language')!;
    expect(language('en').label).toBe('Language');
    const radios = (locale: 'en' | 'fr') => (language(locale).submenu as MenuItemConstructorOptions[]).map((i) => ({ id: i.id, label: i.label, type: i.type, checked: i.checked }));
    expect(radios('en')).toEqual([
      { id: 'locale-en', label: 'English', type: 'radio', checked: true },
      { id: 'locale-fr', label: 'Français', type: 'radio', checked: false },
    ]);
    expect(radios('fr').map((r) => r.checked)).toEqual([false, true]);
    const french = (language('en').submenu as MenuItemConstructorOptions[]).find((i) => i.id === 'locale-fr')!;
    (french.click as () => void)();
    expect(a.setLocale).toHaveBeenCalledExactlyOnceWith('fr');
  });

  it('has no shortcut used twice', () => {
    const all = items(buildMenuTemplate(actions(), { platform: 'darwin', devTools: true, locale: 'en', presenter: false }));
    const accelerators = all.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('offers developer tools only when running from sources', () => {
    const roles = (devTools: boolean) => items(buildMenuTemplate(actions(), { platform: 'win32', devTools, locale: 'en', presenter: false })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('has the macOS application menu on macOS only', () => {
    expect(buildMenuTemplate(actions(), { platform: 'darwin', devTools: false, locale: 'en', presenter: false })[0]!.role).toBe('appMenu');
    expect(buildMenuTemplate(actions(), { platform: 'linux', devTools: false, locale: 'en', presenter: false }).map((m) => m.role)).not.toContain('appMenu');
  });
});
