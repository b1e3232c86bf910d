import type { Fetcher } from '@apollo/utils.fetcher';
import { IDENTITY_HEADER, signPayload } from '../identity/sign';

/**
 * Signs each subgraph fetch at the moment it leaves, over the body bytes actually sent: Apollo's data
 * source serialises the body only after willSendRequest, so only the fetcher sees them. The identity
 * header (`x-jd-identity`) was set by the data source from the verified caller; this adds its time and
 * signature, bound to `subgraph` and the body (docs/identity-headers.md).
 */
export function signingFetcher(subgraph: string, secret: string, send: Fetcher): Fetcher {
  return (url, init = {}) => {
    const payload = init.headers?.[IDENTITY_HEADER];
    // The data source always sets it; a fetch without it would go out as nobody, so it does not go out.
    if (!payload) return Promise.reject(new Error(`subgraph ${subgraph}: refusing to send a fetch without an identity`));
    const headers = { ...init.headers, ...signPayload(payload, secret, { subgraph, body: init.body ?? '' }) };
    return send(url, { ...init, headers });
  };
}
