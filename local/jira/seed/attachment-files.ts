import { seededRandom } from '../../shared/seeded-random';
import { buildPdf } from '../assets/pdf';
import { encodePng, rgb } from '../assets/png';
import { buildZip } from '../assets/zip';

/**
 * The bytes of every seeded attachment, generated (never stored in git) and deterministic: the same
 * bytes, and so the same sizes, on every run.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Log lines a second or so apart from `start`, until the text reaches `targetBytes`. */
const logText = (start: Date, targetBytes: number, seed: number, messages: readonly string[]): string => {
  const random = seededRandom(seed);
  const lines: string[] = [];
  let size = 0;
  let clock = start.getTime();
  while (size < targetBytes) {
    clock += Math.floor(random() * 1800) + 200;
    const at = new Date(clock);
    const stamp = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${pad(at.getUTCMilliseconds(), 3)}`;
    const message = messages[Math.floor(random() * messages.length)] as string;
    const level = message.startsWith('!') ? 'ERROR' : message.startsWith('?') ? 'WARN ' : 'INFO ';
    const line = `${stamp} ${level} [${pad(Math.floor(random() * 40) + 1, 3)}] ${message.replace(/^[!?]/, '')}\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return lines.join('');
};

const OUTLOOK_MESSAGES = [
  'Sync cycle started for mailbox helpdesk@example.com (shared)',
  'Folder hierarchy up to date: 42 folders',
  'Downloading headers for Inbox (batch 50)',
  '?Autodiscover redirect to outlook.office365.com took 1840 ms',
  '!Sync failed for helpdesk@example.com: 0x80070005-0x000004DC-0x00000524 (access denied)',
  '!Token refresh failed: AADSTS50173 the provided grant has expired due to it being revoked',
  'Retrying in 300 s',
  'OST file C:\\Users\\casey\\AppData\\Local\\Microsoft\\Outlook\\casey@customer.example.ost: 1.8 GB',
  '?Cached credential for helpdesk@example.com is older than the last password change',
  'Sync cycle finished: 0 items downloaded, 1 error',
];

const VPN_MESSAGES = [
  'PanGPS: tunnel is up, gateway vpn-eu1.example.com (10.20.0.1)',
  'PanGPS: keep-alive sent',
  'PanGPS: keep-alive acknowledged in 38 ms',
  '?PanGPS: keep-alive not acknowledged in 5000 ms, retrying',
  '!PanGPS: tunnel is down, reason: network change detected (Wi-Fi roam to BSSID 3c:84:6a:11:22:9f)',
  'PanGPS: reconnecting to portal vpn.example.com',
  'PanGPS: HIP report sent (412 bytes)',
  '?NetworkMonitor: Wi-Fi signal -78 dBm on channel 44 (5 GHz)',
  'NetworkMonitor: default route via 192.168.1.1 on Wi-Fi',
  '!PanGPS: SSL handshake with vpn-eu1.example.com failed: connection reset by peer',
  'PanGPS: split tunnel routes applied (37 include, 4 exclude)',
  'PanGPS: DNS suffix search list set to corp.example.com',
];

const outlookScreenshot = (): Buffer => {
  const [titleR, titleG, titleB] = rgb('#0F6CBD');
  const [bannerR, bannerG, bannerB] = rgb('#FDE7E9');
  const [textR, textG, textB] = rgb('#605E5C');
  const [redR, redG, redB] = rgb('#C50F1F');
  return encodePng(320, 200, (x, y) => {
    if (y < 24) return [titleR, titleG, titleB];
    if (y >= 36 && y < 64 && x >= 12 && x < 308) {
      if (x < 40 && y >= 42 && y < 58) return [redR, redG, redB];
      return [bannerR, bannerG, bannerB];
    }
    const row = y - 80;
    if (row >= 0 && row % 18 < 8 && x >= 12 && x < 300 - ((Math.floor(row / 18) * 37) % 90))
      return [textR, textG, textB];
    return [255, 255, 255];
  });
};

/** A noisy signal-strength heat map: noise does not compress, which is why this file is large. */
const wifiHeatmap = (): Buffer => {
  const random = seededRandom(7);
  return encodePng(600, 600, (x, y) => {
    const dx = x - 420;
    const dy = y - 180;
    const strength = Math.max(0, 1 - Math.sqrt(dx * dx + dy * dy) / 520);
    const jitter = Math.floor(random() * 40);
    return [
      Math.min(255, Math.floor(255 * (1 - strength)) + jitter),
      Math.min(255, Math.floor(220 * strength) + jitter),
      60 + jitter,
    ];
  });
};

const onboardingCsv = (): Buffer => {
  const rows = [
    ['Item', 'Owner', 'Due', 'Status', 'Notes'],
    ['Laptop (MacBook Pro 14", 32 GB)', 'Sam Rivera', '2025-03-14', 'Ordered', 'Asset tag to be assigned on arrival'],
    ['USB-C dock and 27" monitor', 'Sam Rivera', '2025-03-14', 'In stock', 'Desk 4.12'],
    ['Entra ID account and licence (E3)', 'Alex Admin', '2025-03-12', 'Done', 'jordan.lee@example.com'],
    ['MFA enrolment (Authenticator app)', 'Jordan Lee', '2025-03-17', 'Not started', 'First-day task'],
    ['GlobalProtect VPN profile', 'Sam Rivera', '2025-03-17', 'Not started', 'Group: vpn-staff-eu'],
    ['Jira and Confluence access', 'Alex Admin', '2025-03-12', 'Done', 'Group: jira-software-users'],
    ['Shared mailbox: helpdesk@example.com', 'Alex Admin', '2025-03-17', 'Waiting', 'Needs manager approval'],
    ['Badge and building access', 'Facilities', '2025-03-17', 'Requested', '"Level 4, 09:00-19:00"'],
  ];
  const escape = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from(`${rows.map((row) => row.map(escape).join(',')).join('\r\n')}\r\n`, 'utf8');
};

const vpnDiagnosticsZip = (): Buffer => {
  const captured = new Date(Date.UTC(2025, 2, 6, 8, 42, 10));
  const ipconfig = [
    'Wireless LAN adapter Wi-Fi:',
    '   Connection-specific DNS Suffix  . : home',
    '   IPv4 Address. . . . . . . . . . . : 192.168.1.57',
    '   Subnet Mask . . . . . . . . . . . : 255.255.255.0',
    '   Default Gateway . . . . . . . . . : 192.168.1.1',
    '',
    'Unknown adapter PANGP Virtual Ethernet Adapter:',
    '   Connection-specific DNS Suffix  . : corp.example.com',
    '   IPv4 Address. . . . . . . . . . . : 10.20.14.203',
    '   Subnet Mask . . . . . . . . . . . : 255.255.255.255',
    '',
  ].join('\r\n');
  return buildZip(
    [
      { name: 'vpn-diagnostics/PanGPS.log', data: Buffer.from(logText(captured, 3_400_000, 11, VPN_MESSAGES), 'utf8') },
      { name: 'vpn-diagnostics/ipconfig.txt', data: Buffer.from(ipconfig, 'utf8') },
      {
        name: 'vpn-diagnostics/README.txt',
        data: Buffer.from('Collected with GlobalProtect > Settings > Troubleshooting > Collect Logs.\n', 'utf8'),
      },
    ],
    captured,
  );
};

const printerGuidePdf = (): Buffer =>
  buildPdf('Printer setup: PRN-L4-EAST (HP LaserJet M507)', [
    '1. Open Settings > Bluetooth & devices > Printers & scanners.',
    '2. Choose Add device, then Add manually.',
    '3. Select "Add a printer using an IP address or hostname".',
    '4. Hostname: prn-l4-east.corp.example.com  Protocol: IPP',
    '5. Driver: HP Universal Printing PCL 6 (v7.1).',
    '6. Print a test page and check duplex is on by default.',
    '',
    'Secure print: release jobs at the printer with your badge.',
    'Problems? Raise a request in the DEMO project, component Printing.',
  ]);

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const xmlText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Spreadsheet column letters: 0 is A, 25 is Z. The inventory has fewer than 27 columns. */
const column = (index: number): string => String.fromCharCode(65 + index);

const LAPTOP_MODELS = [
  'MacBook Pro 14" M3 Pro',
  'MacBook Air 13" M2',
  'Dell Latitude 7440',
  'Lenovo ThinkPad T14 Gen 4',
  'HP EliteBook 840 G10',
];
const DEPARTMENTS = ['Platform', 'Support', 'Finance', 'Sales', 'People', 'Design', 'Legal', 'Marketing'];
const LAPTOP_STATES = ['In use', 'In use', 'In use', 'Spare', 'Repair', 'Retired'];
const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Jordan',
  'Casey',
  'Robin',
  'Taylor',
  'Morgan',
  'Jamie',
  'Avery',
  'Riley',
  'Quinn',
  'Drew',
];
const LAST_NAMES = ['Rivera', 'Lee', 'Nguyen', 'Okafor', 'Schmidt', 'Kowalski', 'Tanaka', 'Haddad', 'Silva', 'Brown'];

/**
 * The laptop fleet as an Office Open XML workbook (a ZIP of XML parts, stored uncompressed), one sheet of 7,100
 * rows: big enough (over 3 MB) that a mail client needs an upload session for it.
 */
const laptopFleetInventory = (): Buffer => {
  const random = seededRandom(23);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const header = [
    'Asset tag',
    'Serial number',
    'Model',
    'Assigned to',
    'Department',
    'Purchased',
    'Warranty ends',
    'OS build',
    'Status',
  ];
  const cell = (ref: string, value: string | number): string =>
    typeof value === 'number'
      ? `<c r="${ref}"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${xmlText(value)}</t></is></c>`;
  const rows: string[] = [
    `<row r="1">${header.map((title, index) => cell(`${column(index)}1`, title)).join('')}</row>`,
  ];
  for (let n = 1; n <= 7_100; n += 1) {
    const purchased = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1800) * 86_400_000);
    const warranty = new Date(purchased.getTime() + 3 * 365 * 86_400_000);
    const serial = Array.from(
      { length: 10 },
      () => '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(random() * 34)],
    ).join('');
    const values: (string | number)[] = [
      `LT-${String(n).padStart(5, '0')}`,
      serial,
      pick(LAPTOP_MODELS),
      `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      pick(DEPARTMENTS),
      purchased.toISOString().slice(0, 10),
      warranty.toISOString().slice(0, 10),
      22_631 + Math.floor(random() * 900),
      pick(LAPTOP_STATES),
    ];
    const r = n + 1;
    rows.push(`<row r="${r}">${values.map((value, index) => cell(`${column(index)}${r}`, value)).join('')}</row>`);
  }
  const sheet = `${XML_DECLARATION}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const part = (text: string): Buffer => Buffer.from(text, 'utf8');
  return buildZip(
    [
      {
        name: '[Content_Types].xml',
        data: part(
          `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
        ),
      },
      {
        name: '_rels/.rels',
        data: part(
          `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      },
      {
        name: 'xl/workbook.xml',
        data: part(
          `${XML_DECLARATION}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Laptops" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: part(
          `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      },
      { name: 'xl/worksheets/sheet1.xml', data: part(sheet) },
    ],
    new Date(Date.UTC(2025, 2, 4, 9, 28, 0)),
  );
};

export const ATTACHMENT_FILES = {
  outlookScreenshot,
  outlookSyncLog: (): Buffer =>
    Buffer.from(logText(new Date(Date.UTC(2025, 2, 3, 7, 55, 0)), 48_000, 3, OUTLOOK_MESSAGES), 'utf8'),
  onboardingCsv,
  vpnDiagnosticsZip,
  wifiHeatmap,
  printerGuidePdf,
  laptopFleetInventory,
} satisfies Record<string, () => Buffer>;

export type AttachmentFileName = keyof typeof ATTACHMENT_FILES;

const cache = new Map<AttachmentFileName, Buffer>();

/** Generated once per process: several emulators (as in tests) share the same immutable bytes. */
export const attachmentBytes = (name: AttachmentFileName): Buffer => {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = ATTACHMENT_FILES[name]();
    cache.set(name, bytes);
  }
  return bytes;
};
