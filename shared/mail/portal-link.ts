/** The portal page of one unit and round: where a mail sends its reader (never a storage path). */
export const portalPageUrl = (portalUrl: string, unitCode: string, roundId: string) =>
  `${portalUrl.replace(/\/+$/, '')}/don-vi/${encodeURIComponent(unitCode)}/ky/${encodeURIComponent(roundId)}`;

/** The Department's board of one round: who reported, who is late, what waits for review. */
export const boardPageUrl = (portalUrl: string, roundId: string) =>
  `${portalUrl.replace(/\/+$/, '')}/so?ky=${encodeURIComponent(roundId)}`;

/** The sign-in page: where an invitation or a password reset sends its reader. */
export const signInPageUrl = (portalUrl: string) => `${portalUrl.replace(/\/+$/, '')}/dang-nhap`;

/** How a mail tells a unit where to upload: always the unit's own page of the round. */
export function uploadHint(portalUrl: string, unitCode: string, roundId: string): string {
  return (
    'Nộp báo cáo (DOCX, PDF hoặc ảnh chụp văn bản đã ký) và xem kết quả đọc tại trang của đơn vị: ' +
    portalPageUrl(portalUrl, unitCode, roundId)
  );
}
