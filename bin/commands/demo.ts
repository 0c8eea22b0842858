import { fileURLToPath } from 'node:url';
import type { Target } from '../target.js';
import { formatResults, ingestFiles } from './ingest.js';
import { formatStatus, roundStatusRows } from './status.js';
import { formatImport, importUnits } from './units.js';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/reports', import.meta.url));
export const DEMO_PROVINCE = '40';
export const DEMO_ROUND = '2026-H1';

/** `npm start`: the main job on the embedded stack with the project's example reports. */
export async function demo(target: Target, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  out.write(`tonghop — chạy trên máy (dữ liệu tại ${target.local?.home ?? 'AWS'})\n\n`);
  out.write(formatImport(await importUnits(target)));
  out.write(`\nNộp các báo cáo mẫu trong examples/reports vào hộp thư tỉnh Nghệ An (${DEMO_PROVINCE}), kỳ ${DEMO_ROUND}:\n\n`);
  const results = await ingestFiles(target, [EXAMPLES_DIR], { province: DEMO_PROVINCE, round: DEMO_ROUND, progress: process.stderr.isTTY });
  out.write(formatResults(results));
  out.write(`\nTình hình nộp báo cáo (chỉ các đơn vị đã nộp):\n`);
  out.write(formatStatus(await roundStatusRows(target, DEMO_PROVINCE, DEMO_ROUND), { onlyReported: true }));
  const dead = await target.deadLetters();
  out.write(`\nHàng đợi lỗi (DLQ): ${dead.length} tin.\n`);
}
