import type { SignInService } from '../shared/ports/accounts.js';
import type { ConfirmationStore } from '../shared/ports/confirmation-store.js';
import type { PasswordReset, RateLimiter } from '../shared/ports/password-reset.js';
import type { RoundStore } from '../shared/ports/round-store.js';
import type { SubmissionStore } from '../shared/ports/submission-store.js';
import type { UnitStore } from '../shared/ports/unit-store.js';
import type { DeskDeps } from './desk/desk-deps.js';
import type { Identity } from './identity.js';

/** A browser-to-S3 upload form: where to POST and the signed fields to send with the file. */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

export interface UploadSigner {
  /**
   * A pre-signed POST that lets the browser write only under `prefix`, at most `maxBytes`, with
   * the uploader pinned in the object's metadata; `redirect` for the form that works without JS.
   */
  presign(input: {
    prefix: string;
    uploader: Identity;
    maxBytes: number;
    redirect?: string;
  }): Promise<UploadForm>;
  /** A download of one stored version, signed at the moment of the click. */
  download(key: string, versionId: string | null, fileName: string): Promise<string>;
  /** The same, to be shown in the page (a PDF in a frame): inline, with its content type. */
  inline(key: string, versionId: string | null, contentType: string): Promise<string>;
}

export interface PortalConfig {
  /** The portal's own address, e.g. https://portal.example.vn (no trailing slash). */
  portalUrl: string;
  /** The origin the browser uploads to (S3), allowed by the CSP's connect-src and form-action. */
  uploadOrigin: string;
  /** Which provinces this deployment serves (one per stack on AWS; any on the embedded stack). */
  provinces: string[] | 'all';
}

/** Everything the portal reads and calls; built from AWS adapters (handler, `tonghop serve`). */
export interface PortalDeps {
  config: PortalConfig;
  signIn: SignInService;
  /** "Quên mật khẩu?": the pool's reset by mailed code, rate-limited per address. */
  passwordReset?: { reset: PasswordReset; limiter: RateLimiter };
  verifyToken: (idToken: string) => Promise<Identity | null>;
  units: UnitStore;
  rounds: RoundStore;
  submissions: SubmissionStore;
  uploads: UploadSigner;
  /** The units' confirmations of figures read and the Department's pre-sign checks. */
  confirmations?: ConfirmationStore;
  /** The Department's desk (web/routes/staff-*); absent in tests of the communes' pages alone. */
  desk?: DeskDeps;
  now?: () => Date;
}
