import { Directive, Field, ObjectType } from 'type-graphql';

/** An expected failure of a mutation, returned in its payload rather than thrown. */
@Directive('@shareable')
// A value inside its parent: cacheable for as long as the parent is, instead of the default 0.
@Directive('@cacheControl(inheritMaxAge: true)')
@ObjectType({ description: 'An expected failure of a mutation, e.g. an invalid input value.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, if any.' })
  field!: string[] | null;

  @Field({ description: 'Machine-readable reason, e.g. QUANTITY_EXCEEDS_PURCHASED.' })
  code!: string;

  @Field({ description: 'Human-readable explanation.' })
  message!: string;
}

/** A UserError; `field` is the input path at fault (e.g. ['input', 'quantity']). */
export function userError(code: string, message: string, field: string[] | null = null): UserError {
  const e = new UserError();
  e.field = field;
  e.code = code;
  e.message = message;
  return e;
}
