import type { OfficesContext } from '../context';
import { asSupportOffice, type SupportOfficeRecord } from './office.mapper';

/** SupportOffice entities for the gateway: looked up in the in-memory directory; unknown ids resolve to null. */
export const officeReference = {
  __resolveReference(ref: { id: string }, ctx: OfficesContext): SupportOfficeRecord | null {
    const office = ctx.directory.office(String(ref.id));
    return office ? asSupportOffice(office) : null;
  },
};
