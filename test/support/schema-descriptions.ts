import { isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';

/**
 * Every place among `typeNames` and the `rootFields` (`Query.order`, `Mutation.requestExchange`)
 * whose description is missing or shorter than 10 characters: types, fields, arguments, enum values.
 */
export function missingDescriptions(schema: GraphQLSchema, typeNames: readonly string[], rootFields: readonly string[]): string[] {
  const missing: string[] = [];
  const need = (where: string, text: string | null | undefined) => {
    if (!text || text.trim().length < 10) missing.push(where);
  };
  for (const name of typeNames) {
    const type = schema.getType(name);
    if (!type) {
      missing.push(`${name} (absent)`);
      continue;
    }
    need(name, type.description);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) need(`${name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) need(`${name}.${value.name}`, value.description);
  }
  for (const path of rootFields) {
    const [rootName, fieldName] = path.split('.');
    const root = schema.getType(rootName);
    const field = isObjectType(root) ? root.getFields()[fieldName] : undefined;
    if (!field) {
      missing.push(`${path} (absent)`);
      continue;
    }
    need(path, field.description);
    for (const arg of field.args) need(`${path}(${arg.name})`, arg.description);
  }
  return missing;
}
