import { useCallback, useEffect, useState } from 'react';

import type { ResolverError, ResolverResult, TemplateView } from '../../../../src/contract';
import { loadPart } from '../shared/invokes';
import { upsertTemplate } from './template-state';

export type TemplateListLoad = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded' };

/**
 * The stored templates, loaded once for the page: the templates section edits them and the sending settings offer
 * them per project, so a saved or deleted template shows in both at once.
 */
export const useTemplateList = () => {
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  const [load, setLoad] = useState<TemplateListLoad>({ state: 'loading' });

  /** Shows what was read; the state was already 'loading' (the first read) or set so by `refresh`. */
  const show = useCallback((result: ResolverResult<TemplateView[]>) => {
    if (result.ok) {
      setTemplates(result.data);
      setLoad({ state: 'loaded' });
    } else {
      setLoad({ state: 'failed', error: result.error });
    }
  }, []);

  const refresh = useCallback(async () => {
    setLoad({ state: 'loading' });
    show(await loadPart('templates'));
  }, [show]);

  useEffect(() => {
    void loadPart('templates').then(show);
  }, [show]);

  const upsert = useCallback((template: TemplateView) => setTemplates((list) => upsertTemplate(list, template)), []);
  const remove = useCallback((id: string) => setTemplates((list) => list.filter((item) => item.id !== id)), []);

  return { templates, load, refresh, upsert, remove };
};

export type TemplateListState = ReturnType<typeof useTemplateList>;
