/** Order representations carry what supportContacts @requires (shipTo.countryCode); nothing to look up here. */
export const orderReference = {
  __resolveReference(ref: { id: string; shipTo?: { countryCode?: string } }): { id: string; shipTo?: { countryCode?: string } } {
    return ref;
  },
};
