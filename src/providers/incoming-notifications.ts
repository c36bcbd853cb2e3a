/*
 * What a mail service that pushes its notifications posts to the app's web trigger (Microsoft Graph's change and
 * lifecycle notifications): checked and queued as incoming-mail jobs. Only this, so the trigger loads no client.
 */
export { type ReceiveDeps, receiveNotifications } from './microsoft/incoming/notifications/receive-notifications';
