import { isIsoCountryCode } from '../data/iso-countries';
import type { Department, HotlineScope } from '../data/directory.schema';
import type { Channel, Directory, Hotline, Office } from '../directory/directory';

export type SupportMatch = 'REGIONAL_OFFICE' | 'CHINA_DOMESTIC' | 'FALLBACK';

export interface SupportContactsResult {
  countryCode: string;
  match: SupportMatch;
  office: Office | null;
  hotlines: Hotline[];
  channels: Channel[];
}

/** Thrown for a country code that is not an assigned ISO 3166-1 alpha-2 code. */
export class InvalidCountryCodeError extends Error {}

// A shopper's order questions go to these desks; seller, enterprise, media and security lines are not theirs.
const CONSUMER_DEPARTMENTS: ReadonlySet<Department> = new Set(['GENERAL', 'LOGISTICS', 'REFUNDS', 'FINANCE']);

/** Upper-cases and checks a country code; throws InvalidCountryCodeError when it is not ISO 3166-1 alpha-2. */
export function normaliseCountryCode(input: string): string {
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || !isIsoCountryCode(code)) {
    throw new InvalidCountryCodeError(`"${input}" is not an ISO 3166-1 alpha-2 country code (e.g. "US", "DE", "CN")`);
  }
  return code;
}

/**
 * Maps a country to its support hub: mainland China to the domestic hotlines, a covered country to its
 * regional office, and any other country to the FALLBACK (no office; the international 24/7 global helpline).
 */
export function nearestSupportContacts(directory: Directory, countryInput: string): SupportContactsResult {
  const countryCode = normaliseCountryCode(countryInput);
  const scope: HotlineScope = countryCode === 'CN' ? 'DOMESTIC' : 'INTERNATIONAL';
  const office = scope === 'DOMESTIC' ? null : directory.officeForCountry(countryCode);
  const match: SupportMatch = scope === 'DOMESTIC' ? 'CHINA_DOMESTIC' : office ? 'REGIONAL_OFFICE' : 'FALLBACK';
  const hotlines = directory.findHotlines({ scope }).filter((h) => CONSUMER_DEPARTMENTS.has(h.department));
  const channels = directory.channels.filter((c) => CONSUMER_DEPARTMENTS.has(c.department) && (c.scope === 'ALL' || c.scope === scope));
  return { countryCode, match, office, hotlines, channels };
}
