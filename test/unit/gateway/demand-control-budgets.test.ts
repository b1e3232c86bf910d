/**
 * What the known clients send stays within the default budgets (issue 10 §2): the 7 persisted mobile
 * operations (at their sample variables and at the largest page the schema accepts) and every explorer
 * example, each against the budget of the callers who send it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExamples } from '../../../gateway/explorer';
import { DEFAULT_BUDGETS, type CallerKind } from '../../../gateway/demand-control/config';
import { operationPricer } from '../../support/price-operation';

const price = operationPricer();
const MANIFEST = join(__dirname, '..', '..', '..', 'persisted-operations', 'manifest.json');
const MOBILE_VARIABLES = join(__dirname, '..', '..', '..', 'gateway', 'explorer', 'examples', 'mobile-variables.json');

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { operations: { name: string; body: string }[] };
const mobileVariables = JSON.parse(readFileSync(MOBILE_VARIABLES, 'utf8')) as Record<string, Record<string, unknown>>;

// The largest page Query.orders and a quote accept (BAD_USER_INPUT beyond): a client may always ask for it.
const LARGEST = { first: 100 };

describe('persisted mobile operations within the customer budget', () => {
  it('there are the 7 of them', () => {
    expect(manifest.operations).toHaveLength(7);
  });

  it.each(manifest.operations.map((op) => [op.name, op] as const))('%s', (name, op) => {
    const withSample = price(op.body, mobileVariables[name] ?? {});
    const atLargest = price(op.body, { ...mobileVariables[name], ...(op.body.includes('$first') ? LARGEST : {}) });
    expect(withSample).toBeGreaterThan(0);
    expect(Math.max(withSample, atLargest)).toBeLessThanOrEqual(DEFAULT_BUDGETS.customer);
  });

  it('the one that needs no customer fits the anonymous budget too', () => {
    const nearest = manifest.operations.find((op) => op.name === 'MobileNearestSupportOffice')!;
    expect(price(nearest.body, mobileVariables.MobileNearestSupportOffice)).toBeLessThanOrEqual(DEFAULT_BUDGETS.anonymous);
  });
});

describe('explorer examples within the budget of their callers', () => {
  const callers: Record<string, CallerKind[]> = { customer: ['customer'], mobile: ['customer'], partner: ['partner', 'anonymous'] };
  const examples = loadExamples();

  it('covers every group', () => {
    expect(new Set(examples.map((e) => e.group))).toEqual(new Set(Object.keys(callers)));
  });

  it.each(examples.map((e) => [e.file, e] as const))('%s', (_file, example) => {
    const cost = price(example.query, JSON.parse(example.variables) as Record<string, unknown>, example.operationName);
    for (const kind of callers[example.group]) expect(cost).toBeLessThanOrEqual(DEFAULT_BUDGETS[kind]);
  });

  it('the dashboard of 10 orders fits a customer, and costs about twice the default 5', () => {
    const dashboard = examples.find((e) => e.operationName === 'CustomerDashboard')!;
    const five = price(dashboard.query, { first: 5 });
    const ten = price(dashboard.query, { first: 10 });
    expect(ten).toBeLessThanOrEqual(DEFAULT_BUDGETS.customer);
    expect(ten).toBeGreaterThan(1.9 * five);
  });
});
