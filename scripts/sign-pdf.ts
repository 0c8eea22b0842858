// Signs PDFs for the tests the way e-office signing tools do: @signpdf places the signature
// dictionary (an incremental update), and a pkijs signer writes a CMS (detached, SHA-256) with
// the certificates given, the signing-time attribute or a timestamp token, or neither (PAdES
// baseline: only the dictionary's /M). pkijs keeps Vietnamese names in UTF8String as issued.
import { webcrypto } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Issued } from './test-pki.js';

pkijs.setEngine('test', new pkijs.CryptoEngine({ name: 'test', crypto: webcrypto as Crypto }));

export type TimeKind = 'cms' | 'timestamp' | 'none';

export interface SignOptions {
  /** The certificates the CMS carries besides the signer's (e.g. the intermediate). */
  chain?: Issued[];
  /** Where the signing time is written (default: the signed attribute). */
  time?: TimeKind;
  at?: Date;
  /** Writes a CMS whose messageDigest is of other bytes (a signer that lies). */
  wrongDigest?: boolean;
}

const attr = (type: string, value: asn1js.AsnType) =>
  new pkijs.Attribute({ type, values: [value] });

async function signedData(content: ArrayBuffer, who: Issued, digest: ArrayBuffer, at: Date | null) {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(who.der));
  const attributes = [
    attr('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })),
    attr('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: digest })),
  ];
  if (at) attributes.push(attr('1.2.840.113549.1.9.5', new asn1js.UTCTime({ valueDate: at })));
  void content;
  const sd = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: cert.issuer,
          serialNumber: cert.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [cert],
  });
  await sd.sign(who.keys.privateKey, 0, 'SHA-256');
  return sd;
}

/** A timestamp token over `signature` (TSTInfo signed by `tsa`), as a TSA would answer. */
async function timestampToken(signature: ArrayBuffer, tsa: Issued, at: Date) {
  const imprint = await webcrypto.subtle.digest('SHA-256', signature);
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.2.3.4.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    serialNumber: new asn1js.Integer({ value: 7 }),
    genTime: at,
  });
  const tstDer = tst.toSchema().toBER();
  const cert = pkijs.Certificate.fromBER(new Uint8Array(tsa.der));
  const sd = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: '1.2.840.113549.1.9.16.1.4',
      eContent: new asn1js.OctetString({ valueHex: tstDer }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: cert.issuer,
          serialNumber: cert.serialNumber,
        }),
      }),
    ],
    certificates: [cert],
  });
  await sd.sign(tsa.keys.privateKey, 0, 'SHA-256', tstDer);
  return new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) });
}

class CmsSigner extends Signer {
  constructor(
    private readonly who: Issued,
    private readonly opts: SignOptions,
  ) {
    super();
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    const at = this.opts.at ?? new Date('2026-11-18T02:12:00Z');
    const time = this.opts.time ?? 'cms';
    const bytes = this.opts.wrongDigest ? Buffer.concat([pdf, Buffer.from('x')]) : pdf;
    const digest = await webcrypto.subtle.digest('SHA-256', bytes);
    const sd = await signedData(
      pdf.buffer as ArrayBuffer,
      this.who,
      digest,
      time === 'cms' ? at : null,
    );
    for (const extra of this.opts.chain ?? [])
      sd.certificates!.push(pkijs.Certificate.fromBER(new Uint8Array(extra.der)));
    if (time === 'timestamp') {
      const si = sd.signerInfos[0]!;
      const token = await timestampToken(
        si.signature.valueBlock.valueHexView.slice().buffer,
        this.who,
        at,
      );
      si.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
        type: 1,
        attributes: [attr('1.2.840.113549.1.9.16.2.14', token.toSchema())],
      });
    }
    const info = new pkijs.ContentInfo({
      contentType: '1.2.840.113549.1.7.2',
      content: sd.toSchema(true),
    });
    return Buffer.from(info.toSchema().toBER());
  }
}

/** `pdf` with one more signature by `who` (an incremental update, as a second signer makes). */
export async function signPdf(pdf: Buffer, who: Issued, opts: SignOptions = {}): Promise<Buffer> {
  const placed = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: 'Ký số văn bản',
    contactInfo: '',
    name: who.cert.subject,
    location: 'Việt Nam',
    signingTime: opts.at ?? new Date('2026-11-18T02:12:00Z'),
    signatureLength: 8192,
  });
  return new SignPdf().sign(placed, new CmsSigner(who, opts));
}
