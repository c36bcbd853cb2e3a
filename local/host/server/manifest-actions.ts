import { z } from 'zod';

import { MODULE_KEY } from './module-key';

/** The input types an Automation action may declare. */
export const ACTION_INPUT_TYPES = ['string', 'integer', 'number', 'boolean'] as const;
export type ActionInputType = (typeof ACTION_INPUT_TYPES)[number];

/** Forge's verbs for an action. */
export const ACTION_VERBS = ['GET', 'CREATE', 'UPDATE', 'DELETE', 'TRIGGER'] as const;

/** Automation takes at most 20 actions from one app. */
export const MAX_AUTOMATION_ACTIONS = 20;

export interface AutomationActionInput {
  /** The input's name: the key of the payload the function receives. */
  name: string;
  title: string;
  type: ActionInputType;
  required: boolean;
  description: string | undefined;
}

/** An `action` module that an `automation:actionProvider` lists, so Automation offers it. */
export interface AutomationActionModule {
  key: string;
  name: string;
  /** The manifest function Automation invokes, e.g. 'automation-send-email'. */
  functionKey: string;
  actionVerb: (typeof ACTION_VERBS)[number];
  description: string;
  /** In manifest order. */
  inputs: AutomationActionInput[];
  /** `config.resource`: the configuration form; undefined when the action has none. */
  resourceKey: string | undefined;
  /** `resolver.function`: what the form's `invoke` calls. */
  resolverFunctionKey: string | undefined;
  /** The `automation:actionProvider` that lists it. */
  providerKey: string;
}

const inputSchema = z.object({
  title: z.string().min(1),
  type: z.enum(ACTION_INPUT_TYPES),
  required: z.boolean(),
  description: z.string().optional(),
});

const actionSchema = z.object({
  key: z.string().regex(MODULE_KEY),
  name: z.string().min(1),
  // Forge remote actions name an `endpoint` instead; the local host runs Forge functions only.
  function: z
    .string({ error: 'the local host runs actions that name a function (not a Forge remote endpoint)' })
    .min(1),
  actionVerb: z.enum(ACTION_VERBS),
  description: z.string().min(1),
  config: z.object({ resource: z.string().min(1) }).optional(),
  resolver: z.object({ function: z.string().min(1) }).optional(),
  inputs: z.record(z.string().regex(MODULE_KEY), inputSchema),
});

const providerSchema = z.object({
  key: z.string().regex(MODULE_KEY),
  actions: z.array(z.string().min(1)).min(1),
});

const actionModulesSchema = z.object({
  action: z.array(actionSchema).default([]),
  'automation:actionProvider': z.array(providerSchema).default([]),
});

export type AutomationActionsResult = { ok: true; actions: AutomationActionModule[] } | { ok: false; message: string };

const failed = (message: string): AutomationActionsResult => ({ ok: false, message });

/**
 * Reads the manifest's `action` and `automation:actionProvider` modules: the actions Automation offers (those a
 * provider lists, in the providers' order) with their inputs, form resource and resolver. Messages name the
 * module and the field; the caller adds the manifest's path.
 */
export const readAutomationActions = (
  modules: Record<string, unknown>,
  known: { functions: ReadonlyMap<string, string>; resources: ReadonlyMap<string, string> },
): AutomationActionsResult => {
  const parsed = actionModulesSchema.safeParse(modules);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failed(`modules.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const byKey = new Map<string, z.infer<typeof actionSchema>>();
  for (const action of parsed.data.action) {
    if (byKey.has(action.key)) return failed(`action ${action.key} is declared twice.`);
    if (!known.functions.has(action.function))
      return failed(`action ${action.key} names unknown function ${action.function}.`);
    if (action.config && !known.resources.has(action.config.resource)) {
      return failed(`action ${action.key} names unknown resource ${action.config.resource}.`);
    }
    if (action.resolver && !known.functions.has(action.resolver.function)) {
      return failed(`action ${action.key} names unknown function ${action.resolver.function}.`);
    }
    byKey.set(action.key, action);
  }
  const actions: AutomationActionModule[] = [];
  for (const provider of parsed.data['automation:actionProvider']) {
    for (const key of provider.actions) {
      const action = byKey.get(key);
      if (!action) return failed(`action provider ${provider.key} lists unknown action ${key}.`);
      // An action listed by two providers is still one action in Automation's picker.
      if (actions.some((listed) => listed.key === key)) continue;
      actions.push({
        key: action.key,
        name: action.name,
        functionKey: action.function,
        actionVerb: action.actionVerb,
        description: action.description,
        inputs: Object.entries(action.inputs).map(([name, input]) => ({
          name,
          title: input.title,
          type: input.type,
          required: input.required,
          description: input.description,
        })),
        resourceKey: action.config?.resource,
        resolverFunctionKey: action.resolver?.function,
        providerKey: provider.key,
      });
    }
  }
  if (actions.length > MAX_AUTOMATION_ACTIONS) {
    return failed(
      `action providers list ${actions.length} actions; Automation takes at most ${MAX_AUTOMATION_ACTIONS} from one app.`,
    );
  }
  return { ok: true, actions };
};
