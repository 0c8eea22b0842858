import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/schemas/report.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { safeNext } from '../../web/routes/sign-in.js';
import { PORTAL_JS } from '../../web/static/portal-script.js';
import { readingOf } from '../../web/views/report.js';
import { roundPage } from '../../web/views/unit.js';
import { registry2025 } from '../helpers/fixtures.js';

// Report content is hostile input: whatever a document says, it reaches the page as text.
const unit = registry2025().byCode('16941')!;
const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '</textarea><script>x</script>',
    '&lt;b&gt;',
    'javascript:alert(1)',
  ),
);

function submissionWith(t: string[]): Submission {
  const report: Report = {
    documentType: 'BAO_CAO',
    number: t[0]!,
    issuedOn: '2026-06-05',
    place: t[1]!,
    issuer: { level: 'xa', name: t[2]!, code: null },
    province: null,
    provinceCode: null,
    title: t[3]!,
    recipients: [],
    requestedBy: [],
    basedOn: [],
    signer: { name: t[4]!, title: t[5]! },
    distribution: [],
    sections: [],
    indicators: [
      {
        label: t[6]!,
        value: 12,
        unit: t[7]!,
        numerator: null,
        denominator: null,
        key: null,
        line: 3,
      },
    ],
    encoding: 'unicode',
    diagnostics: [],
  };
  return {
    submissionId: 'abc',
    provinceCode: '40',
    roundId: '2026-H1',
    unitCode: unit.code,
    version: 1,
    status: 'needs_review',
    diagnostics: [{ level: 'error', field: 'x', message: t[8]!, code: 'unit.mismatch' }],
    file: {
      bucket: 'b',
      key: `inbox/40/2026-H1/16941/u/${t[9]}`,
      versionId: null,
      name: t[9]!,
      size: 10,
      sha256: null,
      format: 'txt',
    },
    uploadedAt: '2026-06-08T02:00:00.000Z',
    processedAt: '2026-06-08T02:00:01.000Z',
    report,
  };
}

/** The markup's shape: tags and attribute quotes, which no value may add to. */
const shape = (html: string) => ({
  tags: html.match(/<[a-zA-Z/!][^>]*>/g)?.length ?? 0,
  lt: html.split('<').length,
  quotes: html.split('"').length,
});

describe('portal views escape report content', () => {
  it('no text of a report opens a tag or an attribute, whatever it says', () => {
    const baseline = shape(readingOf(submissionWith(Array(10).fill('x'))).toString());
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 10, maxLength: 10 }), (texts) => {
        const html = readingOf(submissionWith(texts)).toString();
        expect(shape(html)).toEqual(baseline);
      }),
    );
  });

  it('the round page as a whole, file names included', () => {
    const s = submissionWith(Array(10).fill('<script>alert(1)</script>'));
    const html = roundPage({
      identity: {
        sub: 's',
        email: '"><b>@x.vn',
        role: 'commune',
        provinceCode: '40',
        unitCode: unit.code,
      },
      csrf: 'tok',
      unit,
      view: {
        round: {
          provinceCode: '40',
          roundId: '2026-H1',
          title: '<i>kỳ</i>',
          deadline: '2026-06-10T23:59:59+07:00',
          requests: [],
          reminderOffsets: [0],
          kind: 'standing',
        },
        status: 'needs_review',
        timeliness: null,
        versions: [s],
        counted: null,
      },
      now: new Date('2026-06-08T00:00:00Z'),
      pending: [],
      form: { url: 'http://s3.local/b', fields: { key: 'a"><script>x</script>' } },
    }).toString();
    expect(html).not.toMatch(/<script>|<i>kỳ|"><b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('sign-in redirects stay on the site', () => {
  it('only a local path is followed after signing in', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const next = safeNext(s);
        expect(next.startsWith('/')).toBe(true);
        expect(next.startsWith('//')).toBe(false);
        expect(next.startsWith('/\\')).toBe(false);
      }),
    );
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/don-vi/16941')).toBe('/don-vi/16941');
  });
});

describe('the portal script', () => {
  it('runs as served, starting itself, with nothing but a document', () => {
    const seen: string[] = [];
    const document = { querySelectorAll: (q: string) => (seen.push(q), []) };
    new Function('document', PORTAL_JS)(document);
    expect(seen).toEqual(['form[data-presign]', '[data-wait]']);
  });
});

describe('a file the Department sent back', () => {
  it("shows the Department's message, escaped, above what was read", () => {
    const s: Submission = {
      ...submissionWith(Array(10).fill('x')),
      status: 'returned',
      audit: [
        {
          action: 'return',
          by: { sub: 's', email: 'so@example.vn' },
          at: '2026-06-09T02:00:00+07:00',
          reason: 'Thiếu chữ ký <b>và dấu</b>',
          from: 'needs_review',
          to: 'returned',
        },
      ],
    };
    const html = roundPage({
      identity: {
        sub: 's',
        email: 'a@x.vn',
        role: 'commune',
        provinceCode: '40',
        unitCode: unit.code,
      },
      csrf: 'tok',
      unit,
      view: {
        round: {
          provinceCode: '40',
          roundId: '2026-H1',
          title: 'Kỳ',
          deadline: '2026-06-10T23:59:59+07:00',
          requests: [],
          reminderOffsets: [0],
          kind: 'standing',
        },
        status: 'returned',
        timeliness: null,
        versions: [s],
        counted: null,
      },
      now: new Date('2026-06-09T00:00:00Z'),
      pending: [],
      form: { url: 'http://s3.local/b', fields: {} },
    }).toString();
    expect(html).toContain('Thiếu chữ ký &lt;b&gt;và dấu&lt;/b&gt;');
    expect(html).not.toContain('<b>và dấu');
    expect(html.indexOf('Thiếu chữ ký')).toBeLessThan(html.indexOf('Số, ký hiệu'));
  });
});
