// A phone's state connected to an in-process simulation, pinned to one phone: what the renderer specs of its apps start from.
import { ClockState } from '../../../renderer/lib/clock.svelte.js';
import { PhoneState } from '../../../renderer/lib/phone.svelte.js';
import { WorldState } from '../../../renderer/lib/world.svelte.js';
import { simHost, type SimHost } from './sim-host.js';

export async function phoneOn(phoneId: string, host: SimHost = simHost()) {
  const clock = new ClockState(host.api);
  const world = new WorldState(host.api);
  const phone = new PhoneState(host.api, clock, world);
  phone.pinned = true;
  const stops = [clock.connect(), world.connect(), phone.connect()];
  await Promise.all([world.load(), clock.load()]);
  await phone.select(phoneId);
  return { host, clock, phone, app: phone.app, close: () => stops.forEach((stop) => stop()) };
}
