// The Director's "Add a phone": a second phone for a user of the running scenario (a new phone IB
// Key migrates to, or a trading device), checked like hostile input and made into a phone spec as a
// scenario file would write it, with a number of its own in the owner's country.
import { message, type Message } from '../api/messages.js';
import type { RequestOf } from '../api/operations.js';
import { EXAMPLE_MOBILE_NUMBERS, PHONE_MODELS, type AddPhoneRefusal, type PhoneRole } from '../api/vocabulary.js';
import { deriveKey } from './keys.js';
import { MAX_PHONES } from './scenario/limits.js';
import { phoneSchema, type PhoneSpec } from './scenario/schema.js';
import type { World } from './world.js';

type AddPhone = RequestOf<'addPhone'>;

/** The id a phone gets when the Director names none: its owner and role (ibkeyios-new-phone), numbered if taken. */
function defaultId(owner: string, role: PhoneRole, taken: (id: string) => boolean): string {
  const base = `${owner.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'phone'}-${role === 'newPhone' ? 'new-phone' : 'trading'}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** The owner's number with its last two digits changed (from the seed), so SMS to the owner still reach their own phone. */
function numberFor(world: World, base: string, phoneId: string): string {
  const used = new Set([...world.phones.values()].map((p) => p.spec.number));
  const start = deriveKey(world.scenario.seed, `added-phone-number:${phoneId}`).readUInt32BE(0) % 100;
  for (let i = 0; i < 100; i++) {
    const candidate = `${base.slice(0, -2)}${String((start + i) % 100).padStart(2, '0')}`;
    if (!used.has(candidate)) return candidate;
  }
  return `${base.slice(0, -3)}${String(start).padStart(3, '0')}`;
}

/** "Google Pixel 9" → "Pixel 9", "Samsung Galaxy S24" → "Galaxy S24": what its owner calls it. */
const shortName = (model: string) => model.replace(/^(Google|Samsung)\s+/, '');

export type AddedPhone = { ok: true; spec: PhoneSpec } | { ok: false; reason: AddPhoneRefusal; phoneId: string; error: Message };

/** Checks the Director's request against the world and makes the phone's spec, or says why not. */
export function addedPhone(world: World, r: AddPhone): AddedPhone {
  const phoneId = r.phoneId ?? defaultId(r.owner, r.role, (id) => world.phones.has(id));
  const refuse = (reason: AddPhoneRefusal): AddedPhone => ({
    ok: false,
    reason,
    phoneId,
    error: message('add_phone_refused', { reason, owner: r.owner, phoneId, model: r.model, platform: r.platform, max: MAX_PHONES }),
  });
  const account = world.directory.get(r.owner);
  if (!account) return refuse('unknown_user');
  if (world.phones.has(phoneId)) return refuse('duplicate_id');
  if (!(PHONE_MODELS[r.platform] as readonly string[]).includes(r.model)) return refuse('bad_model');
  if (world.phones.size >= MAX_PHONES) return refuse('too_many_phones');
  const { spec: user } = account;
  // The carrier of the owner's own phone, if the world has it (the one with their number).
  const own = [...world.phones.values()].find((p) => p.spec.number === user.mobile?.number);
  const base = (user.mobile?.number ?? EXAMPLE_MOBILE_NUMBERS[user.region]).replace(/\s/g, '');
  const spec = phoneSchema.parse({
    id: phoneId,
    name: shortName(r.model),
    platform: r.platform,
    model: r.model,
    number: numberFor(world, base, phoneId),
    carrier: own?.spec.carrier ?? 'Carrier',
    region: user.region,
    owner: user.username,
    unlock: r.platform === 'android' ? 'fingerprint' : /\bSE\b/.test(r.model) ? 'touchid' : 'faceid',
    // A new phone comes without the broker's app (the app store installs it); a trading device has it.
    appInstalled: r.role === 'tradingDevice',
  });
  return { ok: true, spec };
}
