/** A round that cannot be opened or changed as asked, with the field and what to do. */
export class RoundRefused extends Error {
  override readonly name = 'RoundRefused';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
