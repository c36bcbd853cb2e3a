import type { ConnectionTestResult, ResolverError } from '../../../src/contract';
import { SectionMessage } from '../../shared/components/section-message';
import { formatDateTime } from './format';

interface ConnectionTestMessageProps {
  /** A test that ran (passed or failed), or the resolver's error when it could not run. */
  result: ConnectionTestResult | ResolverError;
}

/** The backend's message carries the guidance (e.g. "copy the secret Value, not the Secret ID"). */
export function ConnectionTestMessage({ result }: ConnectionTestMessageProps) {
  if ('ok' in result && result.ok) {
    return (
      <SectionMessage appearance="success" title="Connection works">
        <p>{result.message}</p>
        <p className="im-secondary">Tested {formatDateTime(result.testedAt)}</p>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage appearance="error" title="Connection failed">
      <p>{result.message}</p>
      <p className="im-secondary">
        Error code <code>{result.code}</code>
      </p>
    </SectionMessage>
  );
}
