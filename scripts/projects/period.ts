/**
 * 建设起止年限 -> first and last year. Only years that are printed are read:
 * “十四五”期间 names no year, so both stay null (the note says so).
 */
import { squash } from './normalize.ts';

export interface Period {
  startYear: number | null;
  endYear: number | null;
  note: string | null;
}

const DATE = String.raw`(\d{4})(?:\.\d{1,2}){0,2}`;
const RANGE = new RegExp(`^${DATE}[-—–~至]+${DATE}$`, 'u');
const SINGLE = new RegExp(`^${DATE}$`, 'u');

export function parsePeriod(period: string | null): Period {
  if (period === null) return { startYear: null, endYear: null, note: null };
  const p = squash(period);
  const range = RANGE.exec(p);
  if (range) return { startYear: Number(range[1]), endYear: Number(range[2]), note: null };
  const single = SINGLE.exec(p);
  if (single) {
    return {
      startYear: Number(single[1]),
      endYear: null,
      note: `建设年限只写了“${p}”，读作开工时间，完工年份留空。`,
    };
  }
  if (p === '“十四五”期间') {
    return {
      startYear: null,
      endYear: null,
      note: '建设年限原文为“十四五”期间，未写具体年份，起止年份留空（若按规划期理解即2021—2025年）。',
    };
  }
  throw new Error(`unrecognised 建设起止年限: ${JSON.stringify(period)}`);
}
