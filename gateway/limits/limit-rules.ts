import { Kind, type GraphQLError, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { OperationLimitError, type LimitName } from './operation-limit-error';
import type { OperationLimits } from './operation-limits';

/*
 * Depth, aliases and directives are counted by GraphQL Armor's validation rules (Escape's maintained
 * plugins, also used by Hive and Yoga): they follow fragments once each and are tested against
 * fragment cycles, which a hand-written visitor tends to get wrong. They run as Apollo Server
 * validation rules, i.e. after parsing and before the gateway plans or calls any subgraph.
 * Armor has no root-field limit, so rootFieldsRule below is ours.
 */

// Armor reports the count only in its message ("… limit of 12 exceeded, found 40."); its tests pin it.
const found = (error: GraphQLError): number | undefined => {
  const match = /found (\d+)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
};

/** Armor's callbacks: no throw (Apollo would answer 500), report our coded error to the validation context instead. */
const reportAs = (limitName: LimitName, limit: number) => ({
  propagateOnRejection: false,
  onReject: [
    (ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(new OperationLimitError(limitName, limit, found(error))),
  ],
});

/** Fields at the root of each operation, through inline fragments and fragment spreads (each fragment once). */
export function countRootFields(selectionSet: SelectionSetNode, context: ValidationContext, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, context, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += countRootFields(fragment.selectionSet, context, seen);
    }
  }
  return count;
}

function rootFieldsRule(limit: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const actual = countRootFields(operation.selectionSet, context);
      if (actual > limit) context.reportError(new OperationLimitError('rootFields', limit, actual));
    },
  });
}

/** The validation rules of the limits that are set (0 = off). */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const rules: ValidationRule[] = [];
  // flattenFragments: a fragment is a way of writing a selection, not a level of nesting.
  if (limits.depth > 0) rules.push(maxDepthRule({ n: limits.depth, flattenFragments: true, ...reportAs('depth', limits.depth) }));
  if (limits.aliases > 0) rules.push(maxAliasesRule({ n: limits.aliases, ...reportAs('aliases', limits.aliases) }));
  if (limits.directives > 0) rules.push(maxDirectivesRule({ n: limits.directives, ...reportAs('directives', limits.directives) }));
  if (limits.rootFields > 0) rules.push(rootFieldsRule(limits.rootFields));
  return rules;
}
