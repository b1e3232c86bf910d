import { parseHours } from '../hours/parse-hours';
import type { WeeklySchedule } from '../hours/weekly-schedule';
import type {
  ChannelKind,
  ChannelRecord,
  Department,
  DirectoryFile,
  HotlineRecord,
  HotlineScope,
  OfficeRecord,
  Region,
} from '../data/directory.schema';

export type Office = OfficeRecord & { schedule: WeeklySchedule };
export type Hotline = HotlineRecord & { schedule: WeeklySchedule | null };
export type Channel = ChannelRecord;

export interface OfficeFilter {
  region?: Region | null;
  language?: string | null;
  openAt?: Date | null;
}
export interface HotlineFilter {
  department?: Department | null;
  scope?: HotlineScope | null;
}

/** The validated support directory, indexed for the queries; immutable after start-up. */
export class Directory {
  readonly version: number;
  readonly offices: readonly Office[];
  readonly hotlines: readonly Hotline[];
  readonly channels: readonly Channel[];
  private readonly officeById: Map<string, Office>;
  private readonly officeByCountry = new Map<string, Office>();

  constructor(file: DirectoryFile) {
    this.version = file.version;
    this.offices = file.offices.map((o) => ({ ...o, schedule: parseHours(o.hours, o.timeZone) }));
    this.hotlines = file.hotlines.map((h) => ({ ...h, schedule: h.hours === null ? null : parseHours(h.hours, h.timeZone) }));
    this.channels = file.channels;
    this.officeById = new Map(this.offices.map((o) => [o.id, o]));
    for (const office of this.offices) for (const country of office.countries) this.officeByCountry.set(country, office);
  }

  office(id: string): Office | null {
    return this.officeById.get(id) ?? null;
  }

  /** The regional office whose coverage lists the ISO country code, if any. */
  officeForCountry(countryCode: string): Office | null {
    return this.officeByCountry.get(countryCode) ?? null;
  }

  /** Offices matching every given filter; language matches case-insensitively on the language name. */
  findOffices(filter: OfficeFilter = {}): Office[] {
    const language = filter.language?.trim().toLowerCase();
    return this.offices.filter(
      (o) =>
        (!filter.region || o.region === filter.region) &&
        (!language || o.languages.some((l) => l.toLowerCase() === language)) &&
        (!filter.openAt || o.schedule.openAt(filter.openAt)),
    );
  }

  findHotlines(filter: HotlineFilter = {}): Hotline[] {
    return this.hotlines.filter(
      (h) => (!filter.department || h.department === filter.department) && (!filter.scope || h.scope === filter.scope),
    );
  }

  findChannels(kind?: ChannelKind | null): Channel[] {
    return this.channels.filter((c) => !kind || c.kind === kind);
  }
}
