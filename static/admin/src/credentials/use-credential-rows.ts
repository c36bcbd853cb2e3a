import { useState } from 'react';

import type { ConnectionTestResult } from '../../../../src/contract';
import { deleteCredential, setDefaultCredential, testConnection } from '../shared/invokes';
import type { Notice } from '../shared/section-notice';
import { moreActionsId, type RowBusy } from './credential-list';
import { ROW_TEST_TITLE, type RowTest } from './row-test-panel';
import type { CredentialListState } from './use-credential-list';

interface CredentialRowsOptions {
  list: CredentialListState;
  /** The section's heading, where focus goes when the row it was on is deleted. */
  titleId: string;
  setNotice: (notice: Notice | null) => void;
  focusAfter: (id: string) => void;
  /** Reads the list again: a default, a test or a delete changes what the warnings say. */
  refresh: () => Promise<void>;
  onTested: (id: string, result: ConnectionTestResult) => void;
  onDeleted: (id: string) => void;
}

/** The credential list's row actions: Test connection, Make default and Delete, with what each is doing. */
export const useCredentialRows = (options: CredentialRowsOptions) => {
  const { list, setNotice, focusAfter, refresh } = options;
  const [busy, setBusy] = useState<RowBusy>(null);
  const [confirmingDeleteId, setConfirmingDeleteId] = useState<string | null>(null);
  const [rowTest, setRowTest] = useState<RowTest | null>(null);

  const nameOf = (id: string) => list.credentials.find((item) => item.id === id)?.name ?? 'The credential';

  const onRowTest = async (id: string) => {
    setBusy({ id, action: 'test' });
    setRowTest({ id, name: nameOf(id), outcome: null });
    const result = await testConnection(id);
    setRowTest({
      id,
      name: nameOf(id),
      outcome: result.ok ? { kind: 'result', result: result.data } : { kind: 'error', error: result.error },
    });
    if (result.ok) options.onTested(id, result.data);
    setBusy(null);
    focusAfter(ROW_TEST_TITLE);
  };

  const onMakeDefault = async (id: string) => {
    setNotice(null);
    setBusy({ id, action: 'default' });
    const result = await setDefaultCredential(id);
    setBusy(null);
    if (result.ok) {
      setNotice({ appearance: 'success', text: `${result.data.name} is now the default credential.` });
      await refresh();
    } else {
      setNotice({ appearance: 'error', title: `${nameOf(id)} was not made the default`, text: result.error.message });
    }
    focusAfter(moreActionsId(id));
  };

  const onConfirmDelete = async (id: string) => {
    const name = nameOf(id);
    setNotice(null);
    setBusy({ id, action: 'delete' });
    const result = await deleteCredential(id);
    setBusy(null);
    setConfirmingDeleteId(null);
    if (result.ok) {
      list.setCredentials((current) => current.filter((item) => item.id !== result.data.id));
      options.onDeleted(id);
      if (rowTest?.id === id) setRowTest(null);
      setNotice({ appearance: 'success', text: `${name} was deleted.` });
      focusAfter(options.titleId);
      void refresh();
    } else {
      setNotice({ appearance: 'error', title: `${name} was not deleted`, text: result.error.message });
      focusAfter(moreActionsId(id));
    }
  };

  return {
    busy,
    confirmingDeleteId,
    setConfirmingDeleteId,
    rowTest,
    setRowTest,
    onRowTest,
    onMakeDefault,
    onConfirmDelete,
  };
};
