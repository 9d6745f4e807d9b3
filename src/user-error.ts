/** An error the user can fix: its message is shown as is, without a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}
