/** Generates buyers: JD pins, local names and addresses across every office region, Plus membership. */
import type { Rng } from '../rng';
import { DESTINATIONS, fillPhone, type Destination } from './regions';
import type { SandboxAddress, SandboxCustomer } from './types';

/** A consignee name the way the destination writes it. */
export function localName(rng: Rng, d: Destination): string {
  const given = rng.pick(d.givenNames);
  const family = rng.pick(d.familyNames);
  if (!d.familyFirst) return `${given} ${family}`;
  return d.countryCode === 'CN' ? `${family}${given}` : `${family} ${given}`;
}

/** An address at destination `d`. */
export function addressIn(rng: Rng, d: Destination): SandboxAddress {
  return { countryCode: d.countryCode, province: d.province, city: d.city, county: d.county, street: rng.pick(d.streets) };
}

/** A customer at destination `d` with pin `pin`. */
export function makeCustomer(rng: Rng, pin: string, d: Destination, plusMember: boolean): SandboxCustomer {
  return { pin, fullname: localName(rng, d), mobile: fillPhone(d.phone, () => rng.int(0, 9)), plusMember, address: addressIn(rng, d) };
}

/** One destination per country first, then the other cities: small scales still span every region. */
const COVERAGE_ORDER: readonly Destination[] = [
  ...DESTINATIONS.filter((d, i) => DESTINATIONS.findIndex((x) => x.countryCode === d.countryCode) === i),
  ...DESTINATIONS.filter((d, i) => DESTINATIONS.findIndex((x) => x.countryCode === d.countryCode) !== i),
];

/** `count` customers; the first ones cover every destination once, the rest lean domestic (CN). */
export function generateCustomers(rng: Rng, count: number): SandboxCustomer[] {
  const customers: SandboxCustomer[] = [];
  const domestic = DESTINATIONS.filter((d) => d.countryCode === 'CN');
  const pins = new Set<string>();
  for (let i = 0; i < count; i++) {
    const d = i < COVERAGE_ORDER.length ? COVERAGE_ORDER[i] : rng.chance(0.45) ? rng.pick(domestic) : rng.pick(DESTINATIONS);
    let pin = `jd_${rng.int(0, 0xffffffff).toString(16).padStart(8, '0')}${rng.int(0, 0xfff).toString(16)}`;
    while (pins.has(pin)) pin += 'x';
    pins.add(pin);
    customers.push(makeCustomer(rng, pin, d, rng.chance(0.3)));
  }
  return customers;
}
