import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

// Variants of the genre found by writing unseen reports: each case is one rule of reading, in a
// short report of the project's own wording.

interface Parts {
  header?: string[];
  title?: string[];
  preamble?: string;
  body?: string[];
  signature?: string[];
}

function report(p: Parts): string {
  return [
    ...(p.header ?? [
      'ỦY BAN NHÂN DÂN',
      'XÃ KỲ XUÂN',
      'Số: 76/BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Kỳ Xuân, ngày 14 tháng 11 năm 2025',
    ]),
    '',
    'BÁO CÁO',
    ...(p.title ?? ['Kết quả thực hiện chuyển đổi số năm 2025']),
    '',
    p.preamble ??
      'Thực hiện Công văn số 812/SKHCN-QLKH ngày 03/10/2025 của Sở Khoa học và Công nghệ, ' +
        'Ủy ban nhân dân xã báo cáo như sau:',
    ...(p.body ?? ['I. KẾT QUẢ THỰC HIỆN', 'Đã triển khai.', 'II. KIẾN NGHỊ', 'Đề nghị hỗ trợ.']),
    'Trên đây là báo cáo của UBND xã Kỳ Xuân./.',
    ...(p.signature ?? [
      'Nơi nhận:',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '',
      'Lê Văn An',
    ]),
  ].join('\n');
}
const read = (p: Parts) => readReport(report(p), { registry: registry2025() });

describe('header variants', () => {
  it('reads a date typed in figures after "ngày", and the place before it', () => {
    const header = ['UBND XÃ KỲ XUÂN', 'Số 76/BC-UBND', 'Kỳ Xuân, ngày 05/11/2025'];
    const r = read({ header });
    expect(r.issuedOn).toBe('2025-11-05');
    expect(r.place).toBe('Kỳ Xuân');
    expect(r.number).toBe('76/BC-UBND');
  });

  it('a year alone under a công văn subject ("… quý IV" over "năm 2025") stays in the subject', () => {
    // Read as a date's end, the year was dropped from the subject: a wrong title.
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2030 }), fc.boolean(), (year, dateBeside) => {
        const text = [
          'ỦY BAN NHÂN DÂN',
          'XÃ SÔNG MÃ',
          'Số: 945/UBND-VHXH',
          'V/v báo cáo số liệu chuyển đổi số quý IV',
          `năm ${year}`,
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          dateBeside ? `Sông Mã, ngày 5 tháng 12 năm ${year}` : `Sông Mã, ngày 5 tháng 12`,
          ...(dateBeside ? [] : [`năm ${year}`]),
          'Kính gửi: Sở Khoa học và Công nghệ tỉnh Sơn La.',
          'Ủy ban nhân dân xã Sông Mã báo cáo như sau:',
          '- Thành lập 8 tổ công nghệ số cộng đồng.',
        ].join('\n');
        const r = readReport(text, { registry: registry2025(), provinceCode: null });
        expect(r.title).toBe(`báo cáo số liệu chuyển đổi số quý IV năm ${year}`);
        expect(r.issuedOn).toBe(`${year}-12-05`);
      }),
      { numRuns: 20 },
    );
  });

  it('a date line broken before its year ("năm 2025" below) is the header, never the title (property)', () => {
    // A photocopy's toner streak cut the date line: "năm 202" was given as the report's title.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2020, max: 2030 }),
        fc.boolean(),
        (day, month, year, typeLine) => {
          const text = [
            'ỦY BAN NHÂN DÂN',
            'XÃ SÔNG MÃ',
            'Số: 945/BC-UBND',
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc',
            `Sông Mã, ngày ${day} tháng ${month}`,
            `năm ${year}`,
            ...(typeLine ? ['BÁO CÁO'] : []),
            'Kết quả triển khai Đề án 06',
            'Kính gửi: Sở Khoa học và Công nghệ tỉnh Sơn La.',
            'Ủy ban nhân dân xã Sông Mã báo cáo như sau:',
            'I. KẾT QUẢ',
            'Thành lập 8 tổ công nghệ số cộng đồng.',
          ].join('\n');
          const r = readReport(text, { registry: registry2025(), provinceCode: null });
          expect(r.title).toBe('Kết quả triển khai Đề án 06');
          const pad = (n: number) => String(n).padStart(2, '0');
          expect(r.issuedOn).toBe(`${year}-${pad(month)}-${pad(day)}`);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('titles', () => {
  it('a title wrapped before "thực hiện" goes on; the capital "Thực hiện" opens the body', () => {
    const title = [
      'Báo cáo kết quả',
      'thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị',
      'năm 2025',
    ];
    const r = read({ title });
    expect(r.title).toBe(
      'Báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị năm 2025',
    );
    expect(r.requestedBy.map((d) => d.number)).toEqual(['812/SKHCN-QLKH']);
    expect(r.number).toBe('76/BC-UBND');
  });
});

describe('typed text with a stray OCR letter', () => {
  it('mends only the words with characters no Vietnamese word has', () => {
    const r = read({
      title: ['Tình hình thực hiện Nghj quyết số 57-NQ/TW về ứng dụng Zalo, wifi, 4G'],
    });
    expect(r.title).toBe('Tình hình thực hiện Nghị quyết số 57-NQ/TW về ứng dụng Zalo, wifi, 4G');
    expect(r.titleOriginal).toMatch(/Nghj/);
  });
});

describe('request clauses that lead through a directive', () => {
  it.each([
    'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh tại Văn bản số 5120/UBND-KGVX ngày 01/10/2025',
    'Theo đề nghị của Sở Khoa học và Công nghệ tại Công văn số 5120/UBND-KGVX ngày 01/10/2025',
    'Thực hiện yêu cầu của Sở Khoa học và Công nghệ theo Công văn Công văn số 5120/UBND-KGVX',
    'Phúc đáp Công văn số 5120/UBND-KGVX ngày 01/10/2025 của Ủy ban nhân dân tỉnh',
  ])('%s', (lead) => {
    const r = read({ preamble: `${lead}, Ủy ban nhân dân xã Kỳ Xuân báo cáo như sau:` });
    expect(r.requestedBy.map((d) => d.number)).toEqual(['5120/UBND-KGVX']);
  });

  it('an item ends at its subject ("về …"): a decree the subject cites is no request', () => {
    const preamble =
      'Thực hiện Công văn số 3365/SKHCN-QLKH ngày 17/11/2025 của Sở Khoa học và Công nghệ về báo cáo ' +
      'kết quả thực hiện Nghị quyết số 57-NQ/TW, Ủy ban nhân dân xã báo cáo như sau:';
    expect(read({ preamble }).requestedBy.map((d) => d.number)).toEqual(['3365/SKHCN-QLKH']);
  });

  it('"về việc" before the document does not end the item: "chỉ đạo … về việc … tại Văn bản số"', () => {
    const preamble =
      'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về việc báo cáo chuyển đổi số tại Văn bản số ' +
      '5120/UBND-KGVX ngày 01/10/2025, xã báo cáo như sau:';
    expect(read({ preamble }).requestedBy.map((d) => d.number)).toEqual(['5120/UBND-KGVX']);
  });

  it('a directive without a document names none', () => {
    const r = read({ preamble: 'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, xã báo cáo như sau:' });
    expect(r.requestedBy).toEqual([]);
  });
});

describe('section headings', () => {
  it('reads "PHẦN THỨ NHẤT" with its words on the next line', () => {
    const body = [
      'PHẦN THỨ NHẤT',
      'KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025',
      'Đã triển khai.',
      'PHẦN THỨ HAI',
      'NHỮNG TỒN TẠI, HẠN CHẾ',
      'Thiếu thiết bị.',
      'Phần thứ ba: Nhiệm vụ trọng tâm năm 2026',
      'Tiếp tục.',
    ];
    expect(read({ body }).sections.map((s) => s.kind)).toEqual(['results', 'difficulties', 'plan']);
  });

  it.each([
    [
      [
        '1. Kết quả đạt được',
        'Đã làm.',
        '2. Khó khăn, vướng mắc',
        'Thiếu.',
        '3. Đề xuất',
        'Hỗ trợ.',
      ],
    ],
    [
      [
        'A. KẾT QUẢ THỰC HIỆN',
        'Đã làm.',
        'B. KHÓ KHĂN',
        'Thiếu.',
        'C. ĐỀ XUẤT, KIẾN NGHỊ',
        'Hỗ trợ.',
      ],
    ],
  ])('reads parts numbered without Roman numerals: %j', (body) => {
    expect(read({ body }).sections.map((s) => s.kind)).toEqual([
      'results',
      'difficulties',
      'proposals',
    ]);
  });

  it('"Công tác triển khai" reports results, "Những việc chưa làm được" difficulties', () => {
    const body = [
      'I. CÔNG TÁC TRIỂN KHAI THỰC HIỆN',
      'Đã làm.',
      'II. NHỮNG VIỆC CHƯA LÀM ĐƯỢC',
      'Chưa.',
    ];
    expect(read({ body }).sections.map((s) => s.kind)).toEqual(['results', 'difficulties']);
  });

  it('numbered items with figures are no parts', () => {
    const body = ['1. Kết quả số hóa đạt 90%.', '2. Khó khăn: thiếu máy.', '3. Đề xuất: cấp thêm.'];
    expect(read({ body }).sections).toEqual([]);
  });
});

describe('figures', () => {
  it('a label ending in "năm:" before a counted noun is a figure, a year is not', () => {
    const body = [
      'I. KẾT QUẢ THỰC HIỆN',
      '- Hồ sơ thủ tục hành chính tiếp nhận trong năm: 1.902 hồ sơ.',
      '- Kế hoạch năm 2025 đã hoàn thành.',
    ];
    const values = read({ body }).indicators.map((i) => i.value);
    expect(values).toContain(1902);
    expect(values).not.toContain(2025);
  });
});

describe('document numbers', () => {
  it.each([
    ['Số: 2l5/BC-UBND', null],
    ['S6:215/BC-UBND', '215/BC-UBND'],
    ['Số215/BC-UBND', '215/BC-UBND'],
  ])(
    '"%s" is read as %s: digits glued to a letter are a misread, unless it is "Số"',
    (line, number) => {
      const header = ['UBND XÃ KỲ XUÂN', line, 'Kỳ Xuân, ngày 14 tháng 11 năm 2025'];
      expect(read({ header }).number).toBe(number);
    },
  );
});

describe('signature block', () => {
  it('a wrapped sentence with "Ủy ban nhân dân" at a line start is no signature', () => {
    const preamble =
      'Thực hiện Kế hoạch số 77/KH-SKHCN ngày 15/7/2025 của Sở Khoa học và Công\n' +
      'nghệ, Ủy ban nhân dân xã Kỳ Xuân báo cáo như sau:';
    const signature = ['Nơi nhận:', '- Lưu: VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', 'Lê Văn An'];
    const r = read({ preamble, body: ['I. KẾT QUẢ', 'Đã làm.'], signature });
    expect(r.signer).toEqual({ name: 'Lê Văn An', title: 'PHÓ CHỦ TỊCH' });
  });

  it.each([
    ['Đinh Thj Kim Oanh', 'Đinh Thi Kim Oanh'],
    ["Trưo'ng Công Hậu", 'Trương Công Hậu'],
    ['Nguy€n Th1 H0a', null],
  ])('reads the name "%s" as %s', (written, name) => {
    const signature = ['Nơi nhận:', '- Lưu: VT.', 'T/M. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', written];
    expect(read({ signature }).signer.name).toBe(name);
  });

  it.each([['PHƯỜNG NAM HỒNG LĨNH'], ['* XA KY XUAN *']])(
    'a seal read as "%s" is no name',
    (seal) => {
      const signature = [
        'Nơi nhận:',
        '- Lưu: VT.',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        seal,
        'Võ Thị Thu Hà',
      ];
      expect(read({ signature }).signer.name).toBe('Võ Thị Thu Hà');
    },
  );

  it('a name under a title that lost its capitals (.VnTimeH) is read with capitals', () => {
    const signature = [
      'Nơi nhận:',
      '- Lưu: VT.',
      'tm. ủy ban nhân dân',
      'chủ tịch',
      'nguyễn văn thành',
    ];
    expect(read({ signature }).signer.name).toBe('Nguyễn Văn Thành');
  });
});
