import { validateIncomingJob as generated } from '../../generated/incoming-job';
import { type StandaloneValidate, standaloneValidator } from '../../shared/validator';
import type { IncomingJobFields } from './incoming-job-schema';
import type { IncomingJob } from './incoming-jobs';

const validate = standaloneValidator<IncomingJobFields>(generated as StandaloneValidate);

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** The fields each kind needs, on top of the schema: undefined for a body that is no job of this queue. */
const asJob = (fields: IncomingJobFields): IncomingJob | undefined => {
  const { kind, handlerId } = fields;
  switch (kind) {
    case 'notified':
      return fields.messageIds === undefined ? undefined : { kind, handlerId, messageIds: fields.messageIds };
    case 'lifecycle':
      return fields.subscriptionId === undefined || fields.event === undefined
        ? undefined
        : { kind, handlerId, subscriptionId: fields.subscriptionId, event: fields.event };
    case 'message': {
      // A job queued before a deploy carries the id as `graphMessageId`: it is still processed.
      const messageId = fields.messageId ?? fields.graphMessageId;
      return messageId === undefined
        ? undefined
        : {
            kind,
            handlerId,
            messageId,
            ...optional('processAgain', fields.processAgain),
            ...optional('attempt', fields.attempt),
            ...optional('messageKey', fields.messageKey),
          };
    }
    default:
      return { kind, handlerId };
  }
};

/** An event's body as a job of the incoming-mail queue, or undefined. */
export const readIncomingJob = (body: unknown): IncomingJob | undefined => {
  const parsed = validate(body);
  return parsed.ok ? asJob(parsed.value) : undefined;
};
