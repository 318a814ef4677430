/** The second argument Next passes to a dynamic route handler. */
export function routeParams<T extends Record<string, string>>(params: T) {
  return { params: Promise.resolve(params) };
}

export const BASE_URL = "http://claimtrail.test";
