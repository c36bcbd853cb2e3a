import type { HandlerErrors, HandlerFormValues } from './mail-handler-state';

/** What each group of the handler form gets: the values, their messages, and how to change one. */
export interface HandlerFieldsProps {
  values: HandlerFormValues;
  errors: HandlerErrors;
  update: <K extends keyof HandlerFormValues>(field: K, value: HandlerFormValues[K]) => void;
}
