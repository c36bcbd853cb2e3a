/**
 * The Microsoft clouds a credential can live in. Choosing one sets the sign-in host, the Graph address and the
 * scope; the egress list in manifest.yml names exactly these hosts. `uploadHosts` are where the cloud's
 * `createUploadSession` points attachment uploads (Outlook's own hosts, not Graph's).
 */
export const MICROSOFT_CLOUDS = {
  microsoft365: {
    label: 'Microsoft 365',
    loginHost: 'login.microsoftonline.com',
    graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    scope: 'https://graph.microsoft.com/.default',
    uploadHosts: ['outlook.office.com', 'outlook.office365.com'],
  },
  'microsoft365-usgov': {
    label: 'Microsoft 365 US Government (GCC High)',
    loginHost: 'login.microsoftonline.us',
    graphBaseUrl: 'https://graph.microsoft.us/v1.0',
    scope: 'https://graph.microsoft.us/.default',
    uploadHosts: ['outlook.office365.us'],
  },
  'microsoft365-usgov-dod': {
    label: 'Microsoft 365 US Government (DoD)',
    loginHost: 'login.microsoftonline.us',
    graphBaseUrl: 'https://dod-graph.microsoft.us/v1.0',
    scope: 'https://dod-graph.microsoft.us/.default',
    uploadHosts: ['outlook-dod.office365.us'],
  },
  'microsoft365-china': {
    label: 'Microsoft 365 operated by 21Vianet (China)',
    loginHost: 'login.chinacloudapi.cn',
    graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn/v1.0',
    scope: 'https://microsoftgraph.chinacloudapi.cn/.default',
    uploadHosts: ['partner.outlook.cn'],
  },
} as const;

export type MicrosoftCloud = keyof typeof MICROSOFT_CLOUDS;
export const MICROSOFT_CLOUD_KEYS = Object.keys(MICROSOFT_CLOUDS) as [MicrosoftCloud, ...MicrosoftCloud[]];

/** The v2 token endpoint of a tenant in a cloud, as Entra's Overview > Endpoints shows it. */
export const tokenEndpointOf = (cloud: MicrosoftCloud, tenant: string): string =>
  `https://${MICROSOFT_CLOUDS[cloud].loginHost}/${tenant}/oauth2/v2.0/token`;
