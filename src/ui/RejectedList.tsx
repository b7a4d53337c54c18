import type { ReactNode } from 'react';
import { downloadText } from '../import/download.ts';
import { formatCount } from '../import/limits.ts';
import type { ImportResult, Table } from '../import/types.ts';

const SHOWN_REJECTED = 200;

/** The rows an import left out, each with its field and reason, and the whole list as a CSV download. */
export function RejectedList({ table, result }: { table: Pick<Table, 'columns' | 'fileName' | 'format'>; result: Pick<ImportResult, 'rejected'> }): ReactNode {
  const word = table.format === 'csv' ? '行' : '个要素';
  return (
    <section className="import-rejected" aria-label="未导入的行">
      <h3>
        {formatCount(result.rejected.length)} {word}未导入
        <button
          type="button"
          className="link-button"
          onClick={async () => {
            // papaparse's writer is loaded with the import code, only when needed.
            const { rejectedCsv, rejectedFileName } = await import('../import/rejectedCsv.ts');
            downloadText(rejectedFileName(table.fileName), rejectedCsv(table.columns, result.rejected, table.format === 'csv' ? '行号' : '要素序号'));
          }}
        >
          下载未导入的{word}（CSV，含原因）
        </button>
      </h3>
      <div className="import-preview-wrap">
        <table className="import-preview">
          <thead>
            <tr>
              <th scope="col">{table.format === 'csv' ? '行' : '要素'}</th>
              <th scope="col">字段</th>
              <th scope="col">原因</th>
            </tr>
          </thead>
          <tbody>
            {result.rejected.slice(0, SHOWN_REJECTED).map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.field}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.rejected.length > SHOWN_REJECTED && (
        <p className="import-hint">只列出前 {SHOWN_REJECTED} 条；下载的文件包含全部 {formatCount(result.rejected.length)} 条。</p>
      )}
    </section>
  );
}
