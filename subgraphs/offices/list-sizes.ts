/**
 * Demand-control list sizes of the directory (kit/federation/demand-control.ts). The directory is a
 * committed data file (10 offices, 10 hotlines, 16 channels in v1); twice today's largest list leaves
 * room for new entries without re-pricing every client's operations.
 */
export const DIRECTORY_LIST_ASSUMED = 32;
/** Opening periods of one office or hotline in a week: a morning and an afternoon a day. */
export const OPENING_PERIODS_ASSUMED = 14;
