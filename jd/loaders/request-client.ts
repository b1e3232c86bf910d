import type { JdCallOptions, JdClient } from '../client';

/**
 * The shared client as one request sees it: every call carries the request's options (signal, deadline,
 * caller, background), each unless the call names its own. The loaders call this view, so none of them
 * can forget to pass them.
 */
export function forRequest(client: JdClient, request: JdCallOptions | undefined): JdClient {
  if (!request || Object.values(request).every((value) => value === undefined)) return client;
  return {
    call: (method, params, options) => client.call(method, params, { ...request, ...options }),
    createAfterSalesApplication: (params, options) => client.createAfterSalesApplication(params, { ...request, ...options }),
  };
}
