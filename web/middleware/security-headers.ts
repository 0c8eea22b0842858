import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { PortalDeps } from '../deps.js';

/**
 * CSP without inline script or style: scripts and styles come from /static only; the browser
 * may send to and submit forms to the upload origin (S3) and nowhere else. HSTS for a year.
 */
export function securityHeaders(deps: PortalDeps): MiddlewareHandler {
  const upload = deps.config.uploadOrigin;
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", upload],
      formAction: ["'self'", upload],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      // The Department's desk shows an original PDF in a frame, by a link signed for the page.
      frameSrc: [upload],
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], geolocation: [], microphone: [] },
  });
}
