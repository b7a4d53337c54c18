import { describe, expect, it } from 'vitest';
import { exportFileName, isoDate } from '../../src/export/fileName.ts';

const day = new Date(2026, 10, 29, 23, 59);

describe('export file names', () => {
  it('say what was exported and when', () => {
    expect(isoDate(day)).toBe('2026-11-29');
    expect(exportFileName('长治项目', ['平顺县', '教育'], day, 'csv')).toBe('长治项目_平顺县_教育_2026-11-29.csv');
    expect(exportFileName('长治项目', [], day, 'geojson')).toBe('长治项目_2026-11-29.geojson');
  });

  it('never carry characters a file system refuses, and stay short', () => {
    const name = exportFileName('长治项目', ['搜索a/b\\c:d*e?"f<g>h|i', ' x y ', '..'], day, 'csv');
    expect(name).toBe('长治项目_搜索a-b-c-d-e-f-g-h-i_xy_2026-11-29.csv');
    // A direction override would show the name reversed in the save dialog; zero-width characters hide in it.
    expect(exportFileName('长治项目', ['医\u202E院\u200b', '\u2060'], day, 'csv')).toBe('长治项目_医院_2026-11-29.csv');
    const long = exportFileName('长治项目', ['很'.repeat(300)], day, 'png');
    expect([...long].length).toBeLessThanOrEqual(120);
    expect(long.endsWith('…_2026-11-29.png')).toBe(true);
  });
});
