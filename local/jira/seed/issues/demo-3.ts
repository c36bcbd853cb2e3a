import { code, codeBlock, doc, em, h, mention, ol, p, quote, strong, ul } from '../adf-builders';
import type { SeedIssue } from '../seed-types';
import { ALEX_ADMIN, JORDAN_MEMBER, SAM_AGENT } from '../users';

export const DEMO_3: SeedIssue = {
  id: '10003',
  key: 'DEMO-3',
  summary: 'VPN disconnects every 10 minutes on home Wi-Fi (GlobalProtect 6.1)',
  type: 'Bug',
  status: 'Waiting for customer',
  priority: 'Highest',
  reporter: JORDAN_MEMBER,
  assignee: SAM_AGENT,
  labels: ['vpn', 'globalprotect', 'remote-work'],
  components: ['VPN'],
  created: '2025-03-05T07:48:03.000Z',
  updated: '2025-03-07T16:12:44.000Z',
  statusChanged: '2025-03-07T16:12:44.000Z',
  description: doc(
    p(
      'When working from home the VPN drops roughly every ',
      strong('10 minutes'),
      ' and reconnects after about 30 seconds. Calls in Teams freeze each time.',
    ),
    h(3, 'Details'),
    ul([p('Client: GlobalProtect ', code('6.1.3-12'), ' on macOS 14.3')], 'Gateway: vpn-eu1.example.com', [
      p('Happens on ', em('Wi-Fi only'), '; on a wired connection the tunnel stays up all day.'),
    ]),
    h(3, 'Log excerpt'),
    codeBlock(
      'bash',
      "$ grep 'tunnel is down' ~/Library/Logs/PaloAltoNetworks/GlobalProtect/PanGPS.log | tail -3\n" +
        '2025-03-05 07:31:02 PanGPS: tunnel is down, reason: network change detected\n' +
        '2025-03-05 07:41:15 PanGPS: tunnel is down, reason: network change detected\n' +
        '2025-03-05 07:51:20 PanGPS: tunnel is down, reason: network change detected',
    ),
    p('Full diagnostics bundle and a Wi-Fi heat map of my flat are attached.'),
  ),
  environment: doc(p('macOS 14.3 (MacBook Pro M2), GlobalProtect 6.1.3-12, mesh Wi-Fi with two access points.')),
  watchers: [JORDAN_MEMBER, SAM_AGENT],
  comments: [
    {
      author: SAM_AGENT,
      created: '2025-03-05T09:15:00.000Z',
      body: doc(
        p(
          'Thanks Jordan. Which Wi-Fi band are you on, 2.4 GHz or 5 GHz? And does the drop line up with moving between rooms?',
        ),
      ),
    },
    {
      author: JORDAN_MEMBER,
      created: '2025-03-05T09:47:21.000Z',
      body: doc(p('5 GHz. I sit still at my desk, but the mesh has a second access point in the hallway.')),
    },
    {
      author: SAM_AGENT,
      created: '2025-03-05T10:20:42.000Z',
      body: doc(
        p(
          'That fits the log: every drop says ',
          code('network change detected'),
          ' with a new BSSID. The laptop is roaming between your two access points.',
        ),
        p('Could you try the following and report back?'),
        ol(
          'Forget the network and rejoin it.',
          'In the mesh app, turn off "Fast roaming (802.11r)".',
          'Collect logs again after an hour.',
        ),
      ),
    },
    {
      author: JORDAN_MEMBER,
      created: '2025-03-06T08:45:10.000Z',
      body: doc(
        p(
          'Turned off fast roaming. It was better for an hour, then dropped twice. New diagnostics bundle attached (it is big, sorry).',
        ),
      ),
    },
    {
      author: SAM_AGENT,
      created: '2025-03-06T13:02:55.000Z',
      body: doc(
        p(
          mention(ALEX_ADMIN.accountId, ALEX_ADMIN.displayName),
          " the gateway logs show the same client re-authenticating every 10 minutes. Is the HIP check interval still set to 10 minutes after last week's change?",
        ),
      ),
    },
    {
      author: ALEX_ADMIN,
      created: '2025-03-07T09:30:18.000Z',
      body: doc(
        p('Yes, it is. From the change record:'),
        quote(p('Reduce HIP report interval from 60 to 10 minutes for the compliance pilot group.')),
        p('Jordan is in the pilot group by mistake. I have removed him; the change takes effect at his next login.'),
      ),
    },
    {
      author: SAM_AGENT,
      created: '2025-03-07T16:12:44.000Z',
      body: doc(
        p(
          'Jordan, please sign out of GlobalProtect, sign in again and tell us whether the drops stop. I will close this if we do not hear back by Friday.',
        ),
      ),
    },
  ],
  attachments: [
    {
      id: '10103',
      mediaId: 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310103',
      filename: 'vpn-diagnostics.zip',
      mimeType: 'application/zip',
      author: JORDAN_MEMBER,
      created: '2025-03-06T08:44:37.000Z',
      file: 'vpnDiagnosticsZip',
    },
    {
      id: '10104',
      mediaId: 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310104',
      filename: 'wifi-signal-heatmap.png',
      mimeType: 'image/png',
      author: JORDAN_MEMBER,
      created: '2025-03-05T07:48:03.000Z',
      file: 'wifiHeatmap',
    },
  ],
};
