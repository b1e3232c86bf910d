import { userError, type UserError } from '../types/user-error';

/** JD's after-sales create takes at most 1000 characters of `questionDesc`. */
export const MAX_DESCRIPTION_CHARS = 1000;
/** A client idempotency key, hashed into JD's `thirdApplyId`, has 1 to 128 characters. */
export const MAX_IDEMPOTENCY_KEY_CHARS = 128;

/**
 * The input checks every mutation that files a JD after-sales application shares (apply, request
 * exchange): the idempotency key's length and the description's, counted in characters, not UTF-16 units.
 */
export function applicationTextProblems(input: { idempotencyKey?: string | null; description?: string | null }): UserError[] {
  const problems: UserError[] = [];
  const key = input.idempotencyKey;
  if (key != null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_CHARS)) {
    problems.push(
      userError('IDEMPOTENCY_KEY_INVALID', `The idempotency key must have 1 to ${MAX_IDEMPOTENCY_KEY_CHARS} characters.`, [
        'input',
        'idempotencyKey',
      ]),
    );
  }
  if (input.description != null && [...input.description].length > MAX_DESCRIPTION_CHARS) {
    problems.push(
      userError('DESCRIPTION_TOO_LONG', `The description may have at most ${MAX_DESCRIPTION_CHARS} characters.`, ['input', 'description']),
    );
  }
  return problems;
}
