import { z } from 'zod';
import { isIsoCountryCode } from './iso-countries';

export const REGIONS = ['NORTH_AMERICA', 'EUROPE', 'ASIA_PACIFIC', 'LATIN_AMERICA', 'MIDDLE_EAST_AFRICA'] as const;
export const DEPARTMENTS = [
  'GENERAL',
  'ENTERPRISE',
  'SELLER',
  'LOGISTICS',
  'FINANCE',
  'REFUNDS',
  'SECURITY',
  'MEDIA',
  'BUSINESS_DEVELOPMENT',
] as const;
export const SCOPES = ['DOMESTIC', 'INTERNATIONAL'] as const;
export const CHANNEL_SCOPES = ['DOMESTIC', 'INTERNATIONAL', 'ALL'] as const;
export const CHANNEL_KINDS = ['EMAIL', 'CHAT', 'SOCIAL', 'WEB', 'POSTAL'] as const;

const zoneName = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
}, 'must be an IANA time-zone name such as "Europe/London"');
const countryCode = z.string().refine(isIsoCountryCode, 'must be an ISO 3166-1 alpha-2 code in upper case');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case');
const sourceRef = z.string().min(1);
const citation = z.object({ source: sourceRef, quote: z.string().min(1) }).strict();

const office = z
  .object({
    id,
    name: z.string().min(1),
    city: z.string().min(1),
    region: z.enum(REGIONS),
    coverage: z.string().min(1),
    countries: z.array(countryCode).min(1),
    address: z.string().min(1).nullable(),
    phone: z.string().min(1).nullable(),
    languages: z.array(z.string().min(1)),
    hours: z.string().min(1),
    timeZone: zoneName,
    email: z.email(),
    source: sourceRef,
  })
  .strict();

const hotline = z
  .object({
    id,
    department: z.enum(DEPARTMENTS),
    label: z.string().min(1),
    number: z.string().regex(/^\+?[0-9][0-9-]+$/, 'must be digits and dashes, optionally starting with +'),
    tollFree: z.boolean().nullable(),
    scope: z.enum(SCOPES),
    hours: z.string().min(1).nullable(),
    timeZone: zoneName,
    languages: z.array(z.string().min(1)),
    contactPerson: z.string().min(1).nullable(),
    source: sourceRef,
  })
  .strict();

const channel = z
  .object({
    id,
    kind: z.enum(CHANNEL_KINDS),
    department: z.enum(DEPARTMENTS),
    scope: z.enum(CHANNEL_SCOPES),
    address: z.string().min(1),
    platform: z.string().min(1).nullable(),
    purpose: z.string().min(1),
    responseTime: z.string().min(1).nullable(),
    hours: z.string().min(1).nullable(),
    languages: z.array(z.string().min(1)),
    source: sourceRef,
  })
  .strict();

/** The shape of subgraphs/offices/data/directory.v<N>.json. */
export const directoryFileSchema = z
  .object({
    version: z.literal(1),
    updated: z.iso.date(),
    // A source document is named by the SHA-256 of its text, so the transcription test can find it wherever it is kept.
    sources: z
      .array(
        z
          .object({
            id: sourceRef,
            sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex SHA-256 of the source text'),
            title: z.string().min(1),
            provides: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
    offices: z.array(office).min(1),
    hotlines: z.array(hotline).min(1),
    channels: z.array(channel).min(1),
    interpretations: z.array(z.object({ what: z.string().min(1), where: citation }).strict()),
    discrepancies: z.array(z.object({ what: z.string().min(1), where: citation, resolution: z.string().min(1) }).strict()),
  })
  .strict();

export type DirectoryFile = z.infer<typeof directoryFileSchema>;
export type OfficeRecord = DirectoryFile['offices'][number];
export type HotlineRecord = DirectoryFile['hotlines'][number];
export type ChannelRecord = DirectoryFile['channels'][number];
export type Region = (typeof REGIONS)[number];
export type Department = (typeof DEPARTMENTS)[number];
export type HotlineScope = (typeof SCOPES)[number];
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
