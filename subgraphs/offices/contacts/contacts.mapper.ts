import type { SupportContactsResult } from '../routing/nearest-contacts';
import { asSupportOffice } from '../office/office.mapper';

/** The routing result as the SupportContacts type reads it. */
export function asSupportContacts(result: SupportContactsResult) {
  return { ...result, office: result.office ? asSupportOffice(result.office) : null };
}
