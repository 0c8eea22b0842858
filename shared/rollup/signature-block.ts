import type { DepartmentSigner } from '../schemas/unit.js';

/** Where the signer writes their name when the Department has set none (Nghị định 30's line). */
export const NAME_LINE = '…………………………';

export interface SignatureBlock {
  /** The title lines in capitals: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC". */
  titles: string[];
  /** The signer's name, or null: the document then leaves the line for it. */
  name: string | null;
}

const upper = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');

/**
 * The signature block of the Department's document: the authority and whom it stands for, the
 * signer's own title, then the name under the space for the signature and seal. With no signer
 * set the head signs ("GIÁM ĐỐC") and the name is left for the hand.
 */
export function signatureBlock(signer: DepartmentSigner | undefined | null): SignatureBlock {
  if (!signer) return { titles: ['GIÁM ĐỐC'], name: null };
  const title = upper(signer.title);
  const titles =
    signer.authority === 'none'
      ? [title]
      : [`${signer.authority}. ${upper(signer.principal)}`, title];
  const name = signer.name.replace(/\s+/g, ' ').trim();
  return { titles, name: name || null };
}
