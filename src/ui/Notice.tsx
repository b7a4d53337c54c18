import { useAppStore } from '../state/store.ts';

/** A dismissable message that is not an error (an ignored link parameter, say). */
export function Notice() {
  const notice = useAppStore((s) => s.notice);
  const setNotice = useAppStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <span>{notice}</span>
      <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label="关闭提示">
        ×
      </button>
    </div>
  );
}
