import { useState } from 'react';

import type { TemplateView } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { deleteTemplate } from '../shared/invokes';
import { ListLoading } from '../shared/list-skeleton';
import { type Notice, SectionNotice } from '../shared/section-notice';
import { useFocusAfterRender } from '../shared/use-focus-after-render';
import { TemplateEditor } from './template-editor';
import { deleteTemplateButtonId, openTemplateButtonId, TEMPLATE_COLUMNS, TemplateList } from './template-list';
import { type EditorTarget, isBuiltIn } from './template-state';
import type { TemplateListState } from './use-template-list';

export const TEMPLATES_TITLE = 'templates-title';
const NEW_TEMPLATE_BUTTON = 'new-template';

/** A new key remounts the editor: only when the admin opens another template, not when one is saved. */
interface OpenEditor {
  target: EditorTarget;
  key: number;
}

/** "Email templates": the list, and the editor for the template the admin opened. */
export const TemplateSection = ({ list }: { list: TemplateListState }) => {
  const { templates, load } = list;
  const [editor, setEditor] = useState<OpenEditor | null>(null);
  const [confirmingDeleteId, setConfirmingDeleteId] = useState<string | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** Focus for an element the next render shows, when an action removed the one that had focus. */
  const focusAfter = useFocusAfterRender();

  const open = (target: EditorTarget) => {
    setNotice(null);
    setEditor((current) => ({ target, key: (current?.key ?? 0) + 1 }));
  };

  const openTemplate = (template: TemplateView) =>
    open(isBuiltIn(template) ? { kind: 'view', template } : { kind: 'edit', template });

  const close = () => {
    const target = editor?.target;
    setEditor(null);
    focusAfter(target && target.kind !== 'new' ? openTemplateButtonId(target.template.id) : NEW_TEMPLATE_BUTTON);
  };

  const onSaved = (template: TemplateView) => {
    list.upsert(template);
    setEditor((current) => current && { ...current, target: { kind: 'edit', template } });
  };

  const onConfirmDelete = async (template: TemplateView) => {
    setNotice(null);
    setDeletingId(template.id);
    const result = await deleteTemplate(template.id);
    setDeletingId(null);
    setConfirmingDeleteId(null);
    if (result.ok) {
      list.remove(template.id);
      if (editor?.target.kind === 'edit' && editor.target.template.id === template.id) setEditor(null);
      setNotice({ appearance: 'success', text: `${template.name} was deleted.` });
      focusAfter(TEMPLATES_TITLE);
    } else {
      setNotice({ appearance: 'error', title: `${template.name} was not deleted`, text: result.error.message });
      focusAfter(deleteTemplateButtonId(template.id));
    }
  };

  const selectedId = editor && editor.target.kind !== 'new' ? editor.target.template.id : null;

  return (
    <section
      className="im-section im-section--page"
      aria-labelledby={TEMPLATES_TITLE}
      aria-busy={load.state === 'loading'}
    >
      <div className="im-section__header">
        <h2 id={TEMPLATES_TITLE} tabIndex={-1}>
          Email templates
        </h2>
        <button id={NEW_TEMPLATE_BUTTON} type="button" className="im-button" onClick={() => open({ kind: 'new' })}>
          New template
        </button>
      </div>
      <p className="im-secondary">
        Templates shape the subject and body of the emails people send from issues. Choose which one a project uses
        under Sending settings.
      </p>
      <SectionNotice notice={notice} />
      {load.state === 'loading' && <ListLoading label="Loading templates…" columns={[...TEMPLATE_COLUMNS, '']} />}
      {load.state === 'failed' && (
        <LoadFailed
          title="Templates could not be loaded"
          message={load.error.message}
          onRetry={() => void list.refresh()}
        />
      )}
      {load.state === 'loaded' && (
        <TemplateList
          templates={templates}
          selectedId={selectedId}
          confirmingDeleteId={confirmingDeleteId}
          deletingId={deletingId}
          now={new Date()}
          onOpen={openTemplate}
          onDuplicate={(template) => open({ kind: 'new', copyOf: template })}
          onAskDelete={(template) => {
            setNotice(null);
            setConfirmingDeleteId(template.id);
          }}
          onConfirmDelete={(template) => void onConfirmDelete(template)}
          onKeep={(template) => {
            setConfirmingDeleteId(null);
            focusAfter(deleteTemplateButtonId(template.id));
          }}
        />
      )}
      {editor && (
        <TemplateEditor
          key={editor.key}
          target={editor.target}
          templates={templates}
          focusOnShow
          onSaved={onSaved}
          onDuplicate={(template) => open({ kind: 'new', copyOf: template })}
          onClose={close}
        />
      )}
    </section>
  );
};
