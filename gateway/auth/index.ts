export { createAuthenticator } from './authenticate';
export { ANONYMOUS, type Identity } from './identity';
export { issueCustomerToken } from './jwt';
export { partnerKeysSchema, type PartnerKey } from './partner-keys';
