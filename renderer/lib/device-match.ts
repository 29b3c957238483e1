// Which physical device (DSC+ fob, Security Code Card) a login uses, and which the scenario has.
import type { LoginView, WorldView } from '../../main/api/views';

export type PhysicalKind = 'dscplus' | 'codecard';

/** The serial of the physical device a login uses, while that login lasts. */
export function deviceSerial(login: LoginView, kind: PhysicalKind): string | null {
  const device = login.device;
  return login.loginId !== null && device?.kind === kind ? device.serial : null;
}

/** The scenario's fobs or cards, in the order it lists them. */
export function serialsOf(world: WorldView, kind: PhysicalKind): string[] {
  return (kind === 'dscplus' ? world.fobs : world.cards).map((d) => d.serial);
}
