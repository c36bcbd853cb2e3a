/** Resource identifiers Entra knows in every tenant, as a scope prefix (v2) or `resource` value (v1). */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Azure AD Graph: what the v1 endpoint issues tokens for when `resource` is left out. */
export const AAD_GRAPH_APP_ID = '00000002-0000-0000-c000-000000000000';
export const AAD_GRAPH_AUDIENCE = 'https://graph.windows.net';

export type KnownResource = { kind: 'graph'; audience: string } | { kind: 'aad-graph'; audience: string };

const normalise = (resource: string) => resource.trim().toLowerCase().replace(/\/+$/, '');

/** The resource a client asked for, or undefined when this tenant has no such service principal. */
export const knownResource = (resource: string): KnownResource | undefined => {
  const name = normalise(resource);
  if (name === GRAPH_AUDIENCE || name === GRAPH_APP_ID) return { kind: 'graph', audience: GRAPH_AUDIENCE };
  if (name === AAD_GRAPH_AUDIENCE) return { kind: 'aad-graph', audience: AAD_GRAPH_AUDIENCE };
  if (name === AAD_GRAPH_APP_ID) return { kind: 'aad-graph', audience: AAD_GRAPH_APP_ID };
  return undefined;
};

/** Audiences Microsoft Graph accepts in a bearer token. */
export const isGraphAudience = (aud: unknown): boolean => {
  const values = Array.isArray(aud) ? aud : [aud];
  return values.some((value) => typeof value === 'string' && knownResource(value)?.kind === 'graph');
};
