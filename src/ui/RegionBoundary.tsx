import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../errorMessage.ts';

export interface RecoveryAction {
  label: string;
  /** Runs before the region is drawn again (hide the imported layers, reset the view …). */
  run: () => void | Promise<void>;
}

interface Props {
  /** What the region is, for the message: 地图, 项目面板, 导入对话框 … */
  region: string;
  /** Ways out besides 重试; each draws the region again after it ran. */
  actions?: readonly RecoveryAction[];
  /** The whole page below the header: there is no "rest" to speak of. */
  whole?: boolean;
  children: ReactNode;
}

/**
 * One region of the page that may fail on its own: when something inside it
 * throws while drawing, the region shows what failed and ways out, and the
 * rest of the page keeps working (one damaged record must never blank the app).
 */
export class RegionBoundary extends Component<Props, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Left in the console for whoever reports the problem; the page says it in words.
    console.error(`${this.props.region}出错了`, error, info.componentStack);
  }

  private recover = async (action?: RecoveryAction) => {
    try {
      await action?.run();
    } catch (err) {
      console.error(`${action?.label}失败`, err);
    } finally {
      this.setState({ error: null, failed: false });
    }
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const { region, actions = [], whole = false } = this.props;
    return (
      <div className="region-error" role="alert" data-region={region}>
        <p>
          <strong>{region}出错了</strong>：{errorMessage(this.state.error).slice(0, 300) || '未知错误'}
        </p>
        {!whole && <p>页面的其他部分不受影响。</p>}
        <p className="region-error-actions">
          {actions.map((a) => (
            <button key={a.label} type="button" onClick={() => void this.recover(a)}>
              {a.label}
            </button>
          ))}
          <button type="button" onClick={() => void this.recover()}>
            重试
          </button>
        </p>
      </div>
    );
  }
}
