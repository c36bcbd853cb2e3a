import { trustedHtml } from './html';

/** Small inline SVG icons (markup, not script: allowed by the page CSP). */
export const icons = {
  jira: trustedHtml(
    '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><defs><linearGradient id="jl-g1" x1="98%" y1="0%" x2="58%" y2="40%"><stop offset="18%" stop-color="#0052CC"/><stop offset="100%" stop-color="#2684FF"/></linearGradient></defs><path fill="#2684FF" d="M22.2 11.3 12.7 1.8 11.8.9 4.6 8.1 1.5 11.3a.8.8 0 0 0 0 1.2l6.5 6.5 3.8 3.9 7.2-7.2.1-.1 3.1-3.1a.8.8 0 0 0 0-1.2Zm-10.4 3.9L8.6 12l3.2-3.2L15 12l-3.2 3.2Z"/><path fill="url(#jl-g1)" d="M11.8 8.8a5.4 5.4 0 0 1 0-7.6L4.6 8.4l3.9 3.9 3.3-3.5Z"/></svg>',
  ),
  appSwitcher: trustedHtml(
    '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 5.01C4 4.451 4.443 4 5.01 4h1.98C7.549 4 8 4.443 8 5.01v1.98C8 7.549 7.557 8 6.99 8H5.01C4.451 8 4 7.557 4 6.99V5.01zm0 6c0-.558.443-1.01 1.01-1.01h1.98c.558 0 1.01.443 1.01 1.01v1.98C8 13.549 7.557 14 6.99 14H5.01C4.451 14 4 13.557 4 12.99v-1.98zm6-6c0-.558.443-1.01 1.01-1.01h1.98c.558 0 1.01.443 1.01 1.01v1.98C14 7.549 13.557 8 12.99 8h-1.98C10.451 8 10 7.557 10 6.99V5.01zm0 6c0-.558.443-1.01 1.01-1.01h1.98c.558 0 1.01.443 1.01 1.01v1.98c0 .558-.443 1.01-1.01 1.01h-1.98c-.558 0-1.01-.443-1.01-1.01v-1.98zm6-6c0-.558.443-1.01 1.01-1.01h1.98c.558 0 1.01.443 1.01 1.01v1.98C20 7.549 19.557 8 18.99 8h-1.98C16.451 8 16 7.557 16 6.99V5.01zm0 6c0-.558.443-1.01 1.01-1.01h1.98c.558 0 1.01.443 1.01 1.01v1.98c0 .558-.443 1.01-1.01 1.01h-1.98c-.558 0-1.01-.443-1.01-1.01v-1.98zm-12 6c0-.558.443-1.01 1.01-1.01h1.98c.558 0 1.01.443 1.01 1.01v1.98C8 19.549 7.557 20 6.99 20H5.01C4.451 20 4 19.557 4 18.99v-1.98zm6 0c0-.558.443-1.01 1.01-1.01h1.98c.558 0 1.01.443 1.01 1.01v1.98c0 .558-.443 1.01-1.01 1.01h-1.98c-.558 0-1.01-.443-1.01-1.01v-1.98zm6 0c0-.558.443-1.01 1.01-1.01h1.98c.558 0 1.01.443 1.01 1.01v1.98c0 .558-.443 1.01-1.01 1.01h-1.98c-.558 0-1.01-.443-1.01-1.01v-1.98z"/></svg>',
  ),
  chevronDown: trustedHtml(
    '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M8.292 10.293a1.009 1.009 0 0 0 0 1.419l2.939 2.965c.218.215.5.322.779.322s.556-.107.769-.322l2.93-2.955a1.01 1.01 0 0 0 0-1.419.987.987 0 0 0-1.406 0l-2.298 2.317-2.307-2.327a.99.99 0 0 0-1.406 0z"/></svg>',
  ),
  apps: trustedHtml(
    '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M5 5h5v5H5zm0 9h5v5H5zm9-9h5v5h-5zm0 9h5v5h-5z"/></svg>',
  ),
  mail: trustedHtml(
    '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 6.5A1.5 1.5 0 0 1 5.5 5h13A1.5 1.5 0 0 1 20 6.5v11a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 17.5zm2 .9v9.6h12V7.4l-6 4.3zm1.6-.4L12 10.2 16.4 7z"/></svg>',
  ),
  attachment: trustedHtml(
    '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M11.643 17.965c-1.53 1.495-4.016 1.496-5.542.004a3.773 3.773 0 0 1 .002-5.412l7.147-6.985a2.545 2.545 0 0 1 3.552-.003 2.42 2.42 0 0 1-.002 3.471l-6.604 6.454a1.347 1.347 0 0 1-1.88.002 1.28 1.28 0 0 1 .001-1.834l5.66-5.533a.5.5 0 0 1 .708.012l.003.003a.5.5 0 0 1-.009.705l-5.66 5.533a.28.28 0 0 0 0 .402.348.348 0 0 0 .486-.002l6.604-6.454a1.42 1.42 0 0 0 .002-2.04 1.546 1.546 0 0 0-2.155.003l-7.147 6.985a2.773 2.773 0 0 0-.002 3.98c1.14 1.114 3.007 1.114 4.146-.003l6.78-6.627a.5.5 0 0 1 .707.009l.002.002a.5.5 0 0 1-.008.706z"/></svg>',
  ),
  moon: trustedHtml(
    '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12.2 4a8 8 0 1 0 7.8 9.8A6.5 6.5 0 0 1 12.2 4Zm-1.6 2.2a8.5 8.5 0 0 0 7.2 9.2A6 6 0 1 1 10.6 6.2Z"/></svg>',
  ),
  external: trustedHtml(
    '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><path fill="currentColor" d="M14 5h5v5h-2V8.4l-6.3 6.3-1.4-1.4L15.6 7H14zM5 7h6v2H7v8h8v-4h2v6H5z"/></svg>',
  ),
};
