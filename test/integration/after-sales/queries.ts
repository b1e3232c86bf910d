export const SERVICE_FIELDS = `
  id skuId quantity type expectation status step description images needsDetectionReport appliedAt result cancellable
  exchangeSkuId priceDifference { amount currency minorUnits }
  schedule { title at }
  order { id }
`;

export const SERVICE = `query ($id: ID!) { afterSalesService(id: $id) { ${SERVICE_FIELDS} } }`;

export const ORDER_ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Order {
      id
      afterSalesServices { id status skuId }
      afterSalesEligibility { skuId eligible reasons { code message } windowEndsAt }
    }
  }
}`;

export const ORDER_SERVICES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Order { id afterSalesServices { id status type } } }
}`;

export const APPLY = `mutation ($input: ApplyForAfterSalesInput!) {
  applyForAfterSales(input: $input) {
    service { ${SERVICE_FIELDS} }
    userErrors { field code message }
  }
}`;

export const APPLY_THEN_LIST = `mutation ($input: ApplyForAfterSalesInput!) {
  applyForAfterSales(input: $input) {
    service { id order { id afterSalesServices { id } } }
    userErrors { code }
  }
}`;

export const CANCEL = `mutation ($id: ID!) {
  cancelAfterSales(id: $id) { service { id status step cancellable schedule { title } } userErrors { field code message } }
}`;

export const orderReps = (...ids: string[]) => ids.map((id) => ({ __typename: 'Order', id }));
