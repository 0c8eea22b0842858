/** The portal page of one unit and round: where a mail sends its reader (never a storage path). */
export const portalPageUrl = (portalUrl: string, unitCode: string, roundId: string) =>
  `${portalUrl.replace(/\/+$/, '')}/don-vi/${encodeURIComponent(unitCode)}/ky/${encodeURIComponent(roundId)}`;

/** How a mail tells a unit where to upload. */
export function uploadHint(
  portalUrl: string | undefined,
  unitCode: string,
  roundId: string,
): string {
  const what = 'Nộp báo cáo (DOCX, PDF hoặc ảnh chụp văn bản đã ký)';
  return portalUrl
    ? `${what} và xem kết quả đọc tại: ${portalPageUrl(portalUrl, unitCode, roundId)}`
    : `${what} trên cổng tonghop của Sở KHCN.`;
}
