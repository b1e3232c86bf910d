import type { Office } from '../directory/directory';

/** A directory office as the SupportOffice type reads it. */
export type SupportOfficeRecord = Office & { hoursDescription: string };

/** The directory record as the SupportOffice type reads it (the printed hours become hoursDescription). */
export function asSupportOffice(office: Office): SupportOfficeRecord {
  return { ...office, hoursDescription: office.hours };
}
