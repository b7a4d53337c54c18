import { Suspense, lazy, useEffect, useState } from 'react';
import type { Dataset } from '../data/loadDataset.ts';
import { chooseDroppedFile } from '../import/droppedFiles.ts';
import { followOtherTabs, useLayerStore } from '../state/layers.ts';
import { RegionBoundary } from './RegionBoundary.tsx';
import { useAppStore } from '../state/store.ts';
import './import.css';

// The dialog brings the file readers (papaparse, gcoord): loaded the first time it opens.
const ImportDialog = lazy(async () => ({ default: (await import('./ImportDialog.tsx')).ImportDialog }));

function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

/**
 * Lives in the map pane: reads the stored layers once (and again when another
 * tab changes them), hosts the import dialog, and takes files dragged onto the
 * map. A file dropped anywhere else is stopped, so the browser never navigates
 * away to show it.
 */
export function ImportHost({ dataset }: { dataset: Dataset }) {
  const dialogOpen = useLayerStore((s) => s.dialogOpen);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    void useLayerStore.getState().init();
    return followOtherTabs();
  }, []);
  // Opening a plan project closes an imported row's detail, so "back" leads to the list.
  useEffect(
    () =>
      useAppStore.subscribe((st, prev) => {
        if (st.selectedProject !== null && st.selectedProject !== prev.selectedProject) useLayerStore.getState().selectRow(null);
      }),
    [],
  );

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      {dragging && !dialogOpen && (
        <div
          className="import-dropzone"
          data-testid="import-dropzone"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            // One file at a time: the dialog names the others, which are not imported.
            const { file, ignored } = chooseDroppedFile(e.dataTransfer.files);
            setDragging(false);
            if (file) useLayerStore.getState().openImport(file, ignored);
          }}
        >
          <p>松开鼠标以导入 CSV 或 GeoJSON 文件</p>
        </div>
      )}
      {dialogOpen && (
        <RegionBoundary region="导入对话框" actions={[{ label: '关闭导入', run: () => useLayerStore.getState().closeImport() }]}>
          <Suspense fallback={<p className="import-loading" role="status">正在打开导入…</p>}>
            <ImportDialog dataset={dataset} />
          </Suspense>
        </RegionBoundary>
      )}
    </>
  );
}

/** 导入数据, in the header bar. */
export function ImportButton() {
  const open = useLayerStore((s) => s.openImport);
  return (
    <button type="button" className="import-button" onClick={() => open()}>
      导入数据
    </button>
  );
}
