// A physical security device on screen (DSC+ fob, Security Code Card): a given serial, or the device of the login in progress.
import type { LoginView } from '../../main/api/views';
import type { Client } from './client';
import { deviceSerial, serialsOf, type PhysicalKind } from './device-match';

export class DeviceState<V extends { serial: string }> {
  serial = $state<string | null>(null);
  view = $state.raw<V | null>(null);
  /** Set when a serial was given (route, stage): the device stays whoever logs in. */
  pinned = false;

  constructor(
    protected readonly api: Client,
    readonly kind: PhysicalKind,
    private readonly load: (serial: string) => Promise<V>,
  ) {}

  connect(): () => void {
    const offLogin = this.api.on('login', ({ login }) => this.follow(login));
    // A reset or another scenario: the same device if it is still there, else the scenario's first (another language changes nothing).
    const offWorld = this.api.on('world', ({ world, change }) => {
      // Another language, a phone added: the same world, what is shown stays.
      if (change) return;
      const serials = serialsOf(world, this.kind);
      const keep = this.serial !== null && serials.includes(this.serial);
      void this.select(keep ? this.serial : (serials[0] ?? null), true);
    });
    return () => {
      offLogin();
      offWorld();
    };
  }

  /**
   * A given serial; or (none given) the device of a login already waiting for one (the window
   * opened mid-login), else the scenario's first, until a login names one.
   */
  async start(serial: string | null): Promise<void> {
    this.pinned = serial !== null;
    if (serial !== null) return this.select(serial);
    const [world, pending] = await Promise.all([this.api.getWorld({}), this.api.listPending({})]);
    const step = this.kind === 'dscplus' ? 'dscplus' : 'codecard';
    const waiting = pending.findLast((p) => p.step === step)?.username;
    const owned = (this.kind === 'dscplus' ? world.fobs : world.cards).find((d) => d.owner === waiting)?.serial;
    if (this.serial === null) await this.select(owned ?? serialsOf(world, this.kind)[0] ?? null);
  }

  follow(login: LoginView): void {
    if (this.pinned) return;
    const serial = deviceSerial(login, this.kind);
    if (serial !== null && serial !== this.serial) void this.select(serial);
  }

  async select(serial: string | null, force = false): Promise<void> {
    if (serial === this.serial && !force) return;
    this.serial = serial;
    if (serial === null || !force) this.view = null;
    if (serial === null) return;
    try {
      const view = await this.load(serial);
      if (this.serial === serial) this.show(view);
    } catch {
      // Not in this scenario (a stale link): show none.
      if (this.serial === serial) {
        this.serial = null;
        this.view = null;
      }
    }
  }

  protected show(view: V): void {
    this.view = view;
  }
}
