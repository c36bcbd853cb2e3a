import { disconnectHandler } from './connect-handler';
import type { ConnectionDeps } from './connection-deps';
import type { GmailConnectionDeps } from './gmail-connection';

/** A handler's connection: Graph's (subscription and delta link) or Gmail's (a polled historyId). */
export type IncomingConnection = ConnectionDeps | GmailConnectionDeps;

export const isGmailConnection = (connection: IncomingConnection): connection is GmailConnectionDeps =>
  'provider' in connection && connection.provider === 'gmail';

/** Stops listening: Graph's subscription goes (Gmail has none), and so does the stored position. */
export const disconnectConnection = async (handlerId: string, connection: IncomingConnection): Promise<void> => {
  if (isGmailConnection(connection)) await connection.states.delete(handlerId);
  else await disconnectHandler(handlerId, connection);
};
