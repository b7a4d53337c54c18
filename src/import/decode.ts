/**
 * Bytes of a user's file -> text, or an ImportError that says what is wrong:
 * too large, empty, not text (a spreadsheet workbook, a PDF, binary garbage),
 * or in an encoding we cannot read. Reads UTF-8 (with or without BOM),
 * UTF-16 with BOM (Excel's “Unicode 文本”) and GBK/GB18030 (Excel's default
 * for a Chinese CSV), which browsers and Node decode natively.
 */
import { ImportError } from './types.ts';
import { LIMITS, formatBytes } from './limits.ts';

export interface DecodedText {
  text: string;
  encoding: string;
  notes: string[];
}

/** Refuses a file by its size before it is read. */
export function checkFileSize(fileName: string, size: number): void {
  if (!Number.isFinite(size) || size < 0) throw new ImportError(fileName, '无法读取文件大小');
  if (size === 0) throw new ImportError(fileName, '文件是空的（0 字节）');
  if (size > LIMITS.fileBytes) {
    throw new ImportError(
      fileName,
      `文件大小 ${formatBytes(size)} 超过上限 ${formatBytes(LIMITS.fileBytes)}：请拆分文件或删去不需要的列后再导入`,
    );
  }
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: '这是 Excel 工作簿（.xlsx）或其他压缩文件，不是 CSV：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再导入' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '这是旧版 Excel/WPS 工作簿（.xls/.et），不是 CSV：请“另存为 → CSV UTF-8（逗号分隔）”后再导入' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: '这是 PDF 文件：请导入 CSV 或 GeoJSON 文件' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: '这是 PNG 图片：请导入 CSV 或 GeoJSON 文件' },
  { bytes: [0xff, 0xd8, 0xff], what: '这是 JPEG 图片：请导入 CSV 或 GeoJSON 文件' },
  { bytes: [0x1f, 0x8b], what: '这是 gzip 压缩文件：请先解压' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when many characters are ones no text file has: C0 controls but tab, CR, LF; DEL; U+FFFD. */
function mostlyControls(text: string): boolean {
  const sample = text.slice(0, 65536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) bad++;
  }
  // A stray control character or two is cleaned from the cells; dozens mean a binary file.
  return bad > 8 && bad / sample.length > 0.01;
}

export function decodeBytes(fileName: string, bytes: Uint8Array): DecodedText {
  checkFileSize(fileName, bytes.length);
  for (const s of SIGNATURES) if (startsWith(bytes, s.bytes)) throw new ImportError(fileName, s.what);

  const notes: string[] = [];
  let text: string | null = null;
  let encoding = 'utf-8';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = tryDecode('utf-8', bytes.subarray(3));
    if (text === null) throw new ImportError(fileName, '文件以 UTF-8 标记（BOM）开头，但内容不是有效的 UTF-8：文件可能已损坏');
    notes.push('文件以 UTF-8 BOM 开头（已去除）');
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = tryDecode(encoding, bytes.subarray(2));
    if (text === null) throw new ImportError(fileName, `文件以 UTF-16 标记开头，但内容不是有效的 ${encoding.toUpperCase()}：文件可能已损坏`);
    notes.push(`文件按 ${encoding.toUpperCase()}（Excel“Unicode 文本”）读取`);
  } else {
    // NUL bytes never occur in UTF-8 or GBK text: a binary file.
    const head = bytes.subarray(0, 8192);
    if (head.includes(0)) throw new ImportError(fileName, '文件不是文本（含有二进制数据）：请导入 CSV 或 GeoJSON 文件');
    text = tryDecode('utf-8', bytes);
    if (text === null) {
      text = tryDecode('gb18030', bytes);
      if (text === null) {
        throw new ImportError(
          fileName,
          '无法识别文件的编码（既不是 UTF-8 也不是 GBK）：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或用记事本另存为 UTF-8 后再导入',
        );
      }
      encoding = 'gb18030';
      notes.push('文件不是 UTF-8，已按 GBK/GB18030（Excel 中文 CSV 的默认编码）读取：请核对预览中的中文是否正确');
    }
  }
  if (mostlyControls(text)) {
    throw new ImportError(fileName, '文件不是文本（含有大量控制字符）：请导入 CSV 或 GeoJSON 文件');
  }
  if (text.trim() === '') throw new ImportError(fileName, '文件中只有空白，没有数据');
  return { text, encoding, notes };
}
