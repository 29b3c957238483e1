// The director panel's state: the scenario, its people, devices and phones, pending factors, time, and the journal.
import type { JournalEntry } from '../../main/api/events';
import type { PhoneStatePatch } from '../../main/api/phone-state';
import type { AddPhoneAnswer, FobView, PendingView, PhoneView, ScenarioProblemView, ScenarioSummary, WorldView } from '../../main/api/views';
import type { Locale, Platform, PhoneRole } from '../../main/api/vocabulary';
import { messageText } from './messages';
import { errorMessage, type Client } from './client';
import type { ClockState } from './clock.svelte';
import { JournalState } from './journal.svelte';
import { downloadText } from './download';
import { checkScenarioFile, checkScenarioText } from './scenario-drop';

export type DirectorTab = 'scenario' | 'people' | 'pending' | 'faults';

/** Journal entries after which the users' summary (lockout, Seamless, IB Key holder) may have changed. */
const worldChanging = new Set<JournalEntry['type']>([
  'user.seamless',
  'login.rejected',
  'account.locked',
  'account.unlocked',
  'app.data_cleared',
  'app.resynced',
  'login.succeeded',
]);

/** Runs `task` now, or once more after the run in progress: events come in bursts, one read answers them all. */
function coalesce(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await task().catch(() => {});
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => void run();
}

/** What the window around the Director holds before the Director is loaded: its toggle and a file dragged over. */
export interface DirectorFrame {
  /** The stage's toggle. */
  open: boolean;
  /** A file is being dragged over the window. */
  dragging: boolean;
}

export class DirectorState {
  tab = $state<DirectorTab>('scenario');
  world = $state.raw<WorldView | null>(null);
  phones = $state.raw<PhoneView[]>([]);
  fobs = $state.raw<FobView[]>([]);
  pending = $state.raw<PendingView[]>([]);
  scenarios = $state.raw<ScenarioSummary[]>([]);
  /** The phone shown under "Phones & faults". */
  phoneId = $state<string | null>(null);
  /** The last scenario file that did not load, and why; cleared by the next load. */
  refused = $state.raw<{ fileName: string; problems: ScenarioProblemView[] } | null>(null);
  error = $state<string | null>(null);
  /** A line for the status region: "Loaded …", "Reset". */
  status = $state<string | null>(null);
  readonly journal: JournalState;

  readonly startedAt = $derived(this.world ? this.world.clock.now - this.world.clock.elapsed : 0);
  readonly elapsed = $derived.by(() => Math.max(0, this.clock.now - this.startedAt));
  readonly phone = $derived(this.phones.find((p) => p.id === this.phoneId) ?? this.phones[0] ?? null);

  #refreshPending = coalesce(async () => {
    this.pending = await this.api.listPending({});
  });
  #refreshWorld = coalesce(async () => {
    this.world = await this.api.getWorld({});
  });

  constructor(
    private readonly api: Client,
    readonly clock: ClockState,
    /** The toggle and the drag state, kept by the window (director-door.svelte.ts) so they work before this loads. */
    readonly frame: DirectorFrame,
  ) {
    this.journal = new JournalState(api);
  }

  get open(): boolean {
    return this.frame.open;
  }
  set open(open: boolean) {
    this.frame.open = open;
  }
  get dragging(): boolean {
    return this.frame.dragging;
  }
  set dragging(dragging: boolean) {
    this.frame.dragging = dragging;
  }

  /** Subscribes, then reads everything; returns the teardown. */
  start(): () => void {
    const stops = [
      this.journal.connect(),
      this.api.on('world', ({ world }) => void this.#reload(world)),
      this.api.on('phone', ({ phone }) => this.#showPhone(phone)),
      this.api.on('fob', ({ fob }) => (this.fobs = this.fobs.map((f) => (f.serial === fob.serial ? fob : f)))),
      this.api.on('login', () => this.#refreshPending()),
      this.api.on('journal', ({ entry }) => {
        this.#refreshPending();
        if (worldChanging.has(entry.type)) this.#refreshWorld();
      }),
      this.api.onReconnect(() => void this.#reload(null)),
    ];
    void this.#reload(null);
    void this.#run(async () => {
      this.scenarios = await this.api.listScenarios({});
    });
    return () => stops.forEach((stop) => stop());
  }

  /** Reads the world (unless an event brought it) and everything that hangs on it. */
  async #reload(world: WorldView | null): Promise<void> {
    await this.#run(async () => {
      const w = world ?? (await this.api.getWorld({}));
      this.world = w;
      // The phones and fobs show as soon as they are read: the journal's first read also fetches its wording.
      const devices = Promise.all([
        Promise.all(w.phones.map((p) => this.api.getPhone({ phoneId: p.id }))),
        Promise.all(w.fobs.map((f) => this.api.getFob({ serial: f.serial }))),
      ]).then(([phones, fobs]) => {
        this.phones = phones;
        this.fobs = fobs;
        if (!phones.some((p) => p.id === this.phoneId)) this.phoneId = phones[0]?.id ?? null;
      });
      await Promise.all([devices, this.journal.load(w)]);
      this.#refreshPending();
    });
  }

  #showPhone(phone: PhoneView): void {
    const old = this.phones.find((p) => p.id === phone.id);
    // Answers and events can cross; the newer virtual time wins.
    if (!old || phone.now < old.now) return;
    this.phones = this.phones.map((p) => (p.id === phone.id ? phone : p));
  }

  /** Runs an operation; a refusal shows in the alert region. */
  async #run(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      this.error = null;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    }
  }

  // --- Scenario -------------------------------------------------------------------------------

  async loadBuiltIn(name: string): Promise<void> {
    await this.#run(async () => this.#loaded(await this.api.loadScenario({ name }), name));
  }

  /** A file from the picker or dropped on the window. */
  async loadFile(file: File): Promise<void> {
    this.tab = 'scenario';
    const refuse = (message: string) => (this.refused = { fileName: file.name, problems: [{ file: file.name, line: 1, column: 1, field: '(file)', message }] });
    const wrong = checkScenarioFile(file);
    if (wrong) return void refuse(wrong);
    const text = await file.text();
    const tooLong = checkScenarioText(text);
    if (tooLong) return void refuse(tooLong);
    await this.#run(async () => this.#loaded(await this.api.loadScenario({ text, fileName: file.name }), file.name));
  }

  #loaded(result: Awaited<ReturnType<Client['loadScenario']>>, source: string): void {
    if (!result.ok) {
      this.refused = { fileName: source, problems: result.problems };
      this.status = null;
      return;
    }
    this.refused = null;
    this.world = result.world;
    this.status = `Loaded “${result.world.scenario.title}”.`;
  }

  /**
   * "Export as scenario": the running world as a scenario file. In the desktop app the main process
   * asks where and writes it; in the browser it is a download. A login in progress is not saved.
   */
  async exportScenario(): Promise<void> {
    const save = this.api.transport.saveWorld;
    if (save) {
      const envelope = await save();
      if (!envelope.ok) {
        this.error = envelope.error.message;
        return;
      }
      this.error = null;
      if (envelope.value.saved) this.status = `Saved the world as ${envelope.value.fileName} (a login in progress is not saved).`;
      return;
    }
    await this.#run(async () => {
      const { fileName, text } = await this.api.exportWorld({});
      downloadText(fileName, text, 'text/yaml');
      this.status = `Exported the world as ${fileName} (a login in progress is not saved).`;
    });
  }

  // --- The browser host's session --------------------------------------------------------------

  /** Whether this window has a session to renew (the browser host; Electron's windows have none). */
  get canRenewSession(): boolean {
    return this.api.transport.newSession !== undefined;
  }

  /** The address of the session this window started, to copy; null until then. */
  sessionUrl = $state<string | null>(null);

  /** "New session": the old address and every other browser's cookie stop working; this page carries on. */
  async newSession(): Promise<void> {
    const renew = this.api.transport.newSession;
    if (!renew) return;
    const envelope = await renew();
    if (!envelope.ok) {
      this.error = envelope.error.message;
      return;
    }
    this.error = null;
    this.sessionUrl = envelope.value.url;
    this.status = 'New session started: open the new address in other browsers; the previous one no longer works.';
  }

  async reset(): Promise<void> {
    await this.#run(async () => {
      this.world = await this.api.resetWorld({});
      this.refused = null;
      this.status = `“${this.world.scenario.title}” started again.`;
    });
  }

  /** The windows' language (every window follows the world's); what users are sent keeps their own. */
  async setLocale(locale: Locale): Promise<void> {
    await this.#run(async () => {
      this.world = await this.api.setLocale({ locale });
    });
  }

  // --- People, devices, phones --------------------------------------------------------------------

  async setSeamless(username: string, enabled: boolean): Promise<boolean> {
    return this.#run(async () => {
      this.world = await this.api.setSeamless({ username, enabled });
    });
  }

  /** "Add a phone": a second phone for a user (a new phone for Migrate IB Key, a trading device); a refusal is worded by the messages catalogue. */
  async addPhone(request: { owner: string; platform: Platform; model: string; role: PhoneRole; phoneId?: string }): Promise<boolean> {
    let answer: AddPhoneAnswer;
    try {
      answer = await this.api.addPhone(request);
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    }
    if (answer.error || !answer.phone) {
      this.error = answer.error ? messageText(answer.error) : null;
      return false;
    }
    this.error = null;
    this.status = `Added ${answer.phone.name} (${answer.phone.id}) for ${request.owner}.`;
    return true;
  }

  async resetFob(serial: string): Promise<void> {
    await this.#run(async () => {
      const fob = await this.api.resetFob({ serial });
      this.fobs = this.fobs.map((f) => (f.serial === serial ? fob : f));
    });
  }

  async setPhone(phoneId: string, patch: PhoneStatePatch): Promise<boolean> {
    return this.#run(async () => this.#showPhone(await this.api.setPhoneState({ phoneId, patch })));
  }

  async restartPhone(phoneId: string): Promise<void> {
    await this.#run(async () => this.#showPhone(await this.api.restartPhone({ phoneId })));
  }

  async clearAppData(phoneId: string): Promise<void> {
    await this.#run(async () => this.#showPhone(await this.api.clearAppData({ phoneId })));
  }

  // --- Time ---------------------------------------------------------------------------------------

  async setRunning(running: boolean): Promise<void> {
    await this.#run(async () => this.clock.set(await this.api.setClockRunning({ running })));
  }

  async advance(ms: number): Promise<void> {
    await this.#run(async () => this.clock.set(await this.api.advanceClock({ ms })));
  }
}
