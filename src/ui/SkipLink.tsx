import { focusFirst } from './panelFocus.ts';

/**
 * 跳到项目列表: the first stop of the Tab key, seen only when it has focus,
 * past the header, the map and the filters to the list (or to the panel's
 * content when a project, the table or the notes are shown instead).
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#project-list"
      onClick={(e) => {
        e.preventDefault();
        focusFirst(document.getElementById('project-list'), document.getElementById('panel-body'));
      }}
    >
      跳到项目列表
    </a>
  );
}
