import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AuthCodes } from './auth-codes';
import { CertificateKeys } from './certificate-keys';
import { parseTenantConfig } from './config';
import type { EmulatorContext } from './context';
import { DeliveryRecorder } from './delivery-stats';
import { DeltaTokens } from './delta-tokens';
import { MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from './errors';
import { ExchangeLimits } from './exchange-limits';
import { FaultMixer } from './fault-mix';
import { FaultInjector } from './faults';
import { graphErrorBody, GraphErrors } from './graph-errors';
import { handleGraphRequest } from './graph-router';
import { send, sendJson } from './http-util';
import { newGuid } from './ids';
import { seedMailbox, writeToMailbox } from './inbound-delivery';
import { JwtIssuer } from './jwt-issuer';
import { handleLoginRequest } from './login-router';
import { MailStore } from './mail-store';
import { MailboxStore } from './mailbox-store';
import { NotificationSender } from './notification-sender';
import { addRedirectUri, revokeSignInSessions } from './portal-actions';
import { RefreshTokens } from './refresh-tokens';
import { Revocations } from './revocations';
import { SignInSessions } from './sign-in-sessions';
import { sweepSubscriptions } from './subscription-routes';
import { SubscriptionStore } from './subscription-store';
import { TenantDirectory } from './tenant-directory';
import type { MicrosoftEmulator, MicrosoftEmulatorOptions } from './types';
import { UserConsents } from './user-consents';

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

const listen = (server: Server, port: number, host: string, name: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error) =>
      reject(
        new MicrosoftEmulatorError(
          MicrosoftEmulatorErrorCode.ListenFailed,
          `The ${name} listener cannot listen on ${host}:${port}`,
          { cause: error },
        ),
      );
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost}:${address.port}`);
    });
  });

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Runs a handler; an emulator bug answers 500 (in the listener's own error shape) instead of hanging the client. */
const guarded =
  (
    handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
    onFailure: (res: ServerResponse) => void,
    shutdown: AbortSignal,
  ) =>
  (req: IncomingMessage, res: ServerResponse) => {
    handler(req, res).catch((error: unknown) => {
      // Closing, or the client went away: nobody is left to answer or to tell.
      if (shutdown.aborted || req.socket.destroyed) {
        res.destroy();
        return;
      }
      // Only the error's name and message: request bodies and tokens never reach the log.
      const described = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
      console.error(`Microsoft emulator failed on ${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}: ${described}`);
      if (res.headersSent) res.destroy();
      else onFailure(res);
    });
  };

/**
 * Starts the Microsoft identity platform (token endpoint, discovery, portal pages) and Microsoft Graph (sendMail,
 * users, mailbox viewer) on two loopback listeners.
 */
export const startMicrosoftEmulator = async (options: MicrosoftEmulatorOptions): Promise<MicrosoftEmulator> => {
  const now = options.now ?? (() => new Date());
  const config = parseTenantConfig(options.config, 'MicrosoftEmulatorOptions.config', { now: now() });
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new MicrosoftEmulatorError(
      MicrosoftEmulatorErrorCode.NotLoopback,
      `The Microsoft emulator listens on loopback only, not on ${host}`,
    );
  }
  const shutdown = new AbortController();
  const urls = { login: '', graph: '' };
  const recorder = new DeliveryRecorder();
  const deltaTokens = new DeltaTokens();
  const subscriptions = new SubscriptionStore();
  const notifier = new NotificationSender(subscriptions, now, shutdown.signal);
  const mail = new MailStore();
  mail.onChange((mailbox, entry, message) => notifier.onChange(mailbox, entry, message.immutableId));
  const revocations = new Revocations();
  const ctx: EmulatorContext = {
    config,
    directory: new TenantDirectory(config),
    keys: new CertificateKeys(config),
    issuer: await JwtIssuer.create(),
    store: new MailboxStore(),
    mail,
    faults: new FaultInjector(),
    counts: { token: 0, graph: 0 },
    now,
    urls,
    tokenLifetimeSeconds: config.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    shutdown: shutdown.signal,
    delivery: {
      mix: new FaultMixer(),
      limits: new ExchangeLimits(options.limits !== false, recorder),
      recorder,
      hook: undefined,
    },
    inbound: {
      deltaTokens,
      subscriptions,
      notifier,
      expireDeltaTokens: () => deltaTokens.expireAll(),
      setNotificationsPaused: (paused) => notifier.setPaused(paused),
    },
    delegated: {
      revocations,
      sessions: new SignInSessions(revocations),
      consents: new UserConsents(),
      codes: new AuthCodes(),
      refreshTokens: new RefreshTokens(revocations),
    },
  };
  // Expiry and reauthorizationRequired follow the emulator's clock, looked at every second.
  const sweeper = setInterval(() => sweepSubscriptions(ctx), 1000);
  sweeper.unref();
  shutdown.signal.addEventListener('abort', () => clearInterval(sweeper));

  const loginServer = createServer(
    guarded(
      (req, res) => handleLoginRequest(ctx, req, res),
      (res) => send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Internal Server Error'),
      shutdown.signal,
    ),
  );
  const graphServer = createServer(
    guarded(
      (req, res) => handleGraphRequest(ctx, req, res),
      (res) => {
        const ids = { requestId: newGuid(), clientRequestId: newGuid() };
        sendJson(
          res,
          500,
          { 'Content-Type': 'application/json', 'request-id': ids.requestId },
          graphErrorBody(GraphErrors.internal(), ids, ctx.now()),
        );
      },
      shutdown.signal,
    ),
  );

  try {
    urls.login = await listen(loginServer, options.loginPort ?? 0, host, 'login');
    urls.graph = await listen(graphServer, options.graphPort ?? 0, host, 'Graph');
  } catch (error) {
    await Promise.all([closeServer(loginServer), closeServer(graphServer)]);
    throw error;
  }

  let closed: Promise<void> | undefined;
  return {
    loginBaseUrl: urls.login,
    graphBaseUrl: urls.graph,
    config,
    sentMessages: (mailbox) => ctx.store.list(mailbox),
    requestCounts: () => ({ ...ctx.counts }),
    resetCounts: () => {
      ctx.counts.token = 0;
      ctx.counts.graph = 0;
    },
    injectFault: (fault) => ctx.faults.inject(fault),
    clearFaults: () => ctx.faults.clear(),
    setFaultMix: (mix) => ctx.delivery.mix.set(mix),
    expireIssuedTokens: () => ctx.issuer.expireIssued(),
    deliveryStats: () => recorder.snapshot(),
    resetDeliveryStats: () => recorder.reset(),
    setSendHook: (hook) => {
      ctx.delivery.hook = hook;
    },
    deliverMail: (request) => {
      const outcome = writeToMailbox(ctx, request);
      if (!outcome.ok) throw new MicrosoftEmulatorError(MicrosoftEmulatorErrorCode.InboundRefused, outcome.reason);
      return outcome.message;
    },
    seedMailbox: (request) => {
      const outcome = seedMailbox(ctx, request);
      if (!outcome.ok) throw new MicrosoftEmulatorError(MicrosoftEmulatorErrorCode.InboundRefused, outcome.reason);
    },
    receivedMessages: (mailbox, folderId) => ctx.mail.list(mailbox, folderId),
    expireDeltaTokens: () => ctx.inbound.expireDeltaTokens(),
    setNotificationsPaused: (paused) => ctx.inbound.setNotificationsPaused(paused),
    notificationAttempts: () => [...notifier.attempts],
    redeliverLastNotification: () => notifier.redeliverLast(),
    setNotifierTiming: (timing) => {
      notifier.timing = { ...notifier.timing, ...timing };
    },
    sendLifecycleEvent: (subscriptionId, event) => {
      const subscription = subscriptions.get(subscriptionId);
      if (subscription === undefined) return false;
      if (event === 'subscriptionRemoved') subscriptions.remove(subscriptionId);
      notifier.lifecycle(subscription, event);
      return true;
    },
    sweepSubscriptions: () => sweepSubscriptions(ctx),
    revokeSignInSessions: (userPrincipalName) => revokeSignInSessions(ctx, userPrincipalName),
    refreshTokens: () => ctx.delegated.refreshTokens.list(),
    addRedirectUri: (clientId, redirectUri) => {
      const problem = addRedirectUri(ctx, clientId, redirectUri);
      if (problem !== undefined)
        throw new MicrosoftEmulatorError(MicrosoftEmulatorErrorCode.RedirectUriRefused, problem);
    },
    close: () => {
      closed ??= (async () => {
        shutdown.abort();
        await Promise.all([closeServer(loginServer), closeServer(graphServer)]);
      })();
      return closed;
    },
  };
};
