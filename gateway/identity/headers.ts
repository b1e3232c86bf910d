/** Header names from docs/identity-headers.md. */
export const IDENTITY_HEADER = 'x-jd-identity';
export const IDENTITY_TS_HEADER = 'x-jd-identity-ts';
export const IDENTITY_SIG_HEADER = 'x-jd-identity-sig';
export const IDENTITY_HEADERS = [IDENTITY_HEADER, IDENTITY_TS_HEADER, IDENTITY_SIG_HEADER] as const;
