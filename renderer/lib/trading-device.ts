// Which phone the stage shows as the trading device ("IB Key on another phone"): one that neither holds IB Key nor receives codes.
import type { WorldView } from '../../main/api/views';

export function tradingPhoneId(world: WorldView | null, exclude: string | null): string | null {
  if (!world) return null;
  const reached = new Set(world.users.flatMap((u) => u.devices.map((d) => d.phoneId)));
  const others = world.phones.filter((p) => p.id !== exclude);
  return (others.find((p) => p.ibkeyUser === null && !reached.has(p.id)) ?? others[0])?.id ?? null;
}
