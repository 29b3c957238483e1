// The scenario library: listing and loading through the API, and reading the files on disk.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLibrary } from '../../../../main/host/scenario-library.js';
import { Simulation } from '../../../../main/sim/simulation.js';
import { DEMO_PASSWORD, demoScenario } from '../../helpers.js';

describe('loading scenarios through the API', () => {
  const sim = () => new Simulation(demoScenario(), { library: fileLibrary() });

  it('lists the built-in library with titles and article steps, the default first', () => {
    const list = sim().listScenarios({});
    expect(list[0]).toMatchObject({ name: 'default', file: 'scenarios/default.yaml' });
    expect(list.length).toBeGreaterThan(40);
    expect(list.find((s) => s.name === 'sms-carrier-blocked')).toMatchObject({ article: { step: expect.stringContaining('carrier') } });
  }, 30_000); // reads and checks all ~47 files the first time: seconds on a busy machine

  it('loads a built-in scenario by name', () => {
    const s = sim();
    const result = s.loadScenario({ name: 'push-dnd' });
    expect(result.ok).toBe(true);
    expect(s.getScenario({}).name).toBe('push-dnd');
    expect(() => s.loadScenario({ name: 'nope' })).toThrow(/No built-in scenario "nope"/);
  });

  it('a broken file reports its problems and the running scenario keeps going', () => {
    const s = sim();
    const login = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    const result = s.loadScenario({ text: 'name: x\ntitle: [\n', fileName: '/home/t/broken.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'broken.yaml', field: '(syntax)' });
    expect(s.getScenario({}).name).toBe('default');
    expect(s.getLogin({ loginId: login.loginId! }).step).toBe('securityCode');
  });

  it('loads a file given as text', () => {
    const s = sim();
    const text = 'name: mine\ntitle: Mine\nseed: 3\nusers:\n  - { username: abc, password: pw, region: US }\n';
    expect(s.loadScenario({ text, fileName: 'mine.yaml' })).toMatchObject({ ok: true, world: { scenario: { name: 'mine' } } });
    expect(s.submitCredentials({ username: 'abc', password: 'pw', mode: 'live' }).step).toBe('loggedIn');
  });
});

describe('the library on disk', () => {
  it('parses a file once, again when it changes, and hands out copies', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sls-library-'));
    mkdirSync(path.join(root, 'library'));
    const file = path.join(root, 'library', 'mine.yaml');
    const text = (title: string) => `name: mine\ntitle: ${title}\nseed: 1\nusers:\n  - { username: abc, password: pw, region: US }\n`;
    writeFileSync(path.join(root, 'default.yaml'), text('Default').replace('name: mine', 'name: default'));
    writeFileSync(file, text('First'));
    const library = fileLibrary(root);
    expect(library.list().map((s) => s.title)).toEqual(['Default', 'First']);
    writeFileSync(file, text('Second, longer'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(library.list().map((s) => s.title)).toEqual(['Default', 'Second, longer']);
    const first = library.read('mine');
    if (!first?.ok) throw new Error('mine.yaml should load');
    first.scenario.users[0]!.password = 'changed';
    const second = library.read('mine');
    expect(second?.ok && second.scenario.users[0]!.password).toBe('pw');
    writeFileSync(file, 'name: mine\ntitle: *broken\n');
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    expect(library.list().map((s) => s.name)).toEqual(['default']);
  });
});

describe("the library's phone ids", () => {
  it("are the demo scenario's where they reuse one: the same id is the same users' phone on the same platform in every file, so the README's examples work after loading any of them; a phone of someone else has an id of its own (dsc-new-iphone)", () => {
    const sim = new Simulation(demoScenario(), { library: fileLibrary() });
    type World = ReturnType<Simulation['getWorld']>;
    const platformOf = (world: World) => new Map(world.phones.map((p) => [p.id, p.platform]));
    const ibkeyPhoneOf = (world: World) =>
      new Map(world.users.flatMap((u) => u.devices.filter((d) => d.kind === 'ibkey' && d.phoneId).map((d) => [u.username, d.phoneId!] as const)));
    /** Whose phone it is: its owner, the user whose IB Key it holds, the users whose number it has. */
    const usersOf = (world: World, id: string) => {
      const phone = world.phones.find((p) => p.id === id);
      const users = new Set(world.users.filter((u) => u.devices.some((d) => d.phoneId === id)).map((u) => u.username));
      if (phone?.owner) users.add(phone.owner);
      if (phone?.ibkeyUser) users.add(phone.ibkeyUser);
      return users;
    };
    const demo = sim.getWorld({});
    const demoPlatforms = platformOf(demo);
    const demoIbKey = ibkeyPhoneOf(demo);
    const strays: string[] = [];
    for (const { name } of sim.listScenarios({})) {
      const loaded = sim.loadScenario({ name });
      if (!loaded.ok) throw new Error(`${name} does not load`);
      for (const [id, platform] of platformOf(loaded.world)) {
        if (!demoPlatforms.has(id)) continue;
        if (demoPlatforms.get(id) !== platform) strays.push(`${name}: phone "${id}" (${platform}) is not the demo's platform for that id`);
        const theirs = usersOf(demo, id);
        for (const user of usersOf(loaded.world, id)) if (!theirs.has(user)) strays.push(`${name}: phone "${id}" is ${user}'s, the demo's is ${[...theirs].join(', ') || 'nobody'}'s`);
      }
      for (const [user, phone] of ibkeyPhoneOf(loaded.world)) {
        if (demoIbKey.has(user) && demoIbKey.get(user) !== phone) strays.push(`${name}: ${user}'s IB Key is on "${phone}", not "${demoIbKey.get(user)}"`);
      }
    }
    expect(strays).toEqual([]);
  }, 60_000);
});
