/**
 * Reply and forward prefixes of mail clients in common languages: English RE/FW/FWD, German AW/WG, Nordic SV/VS/VB,
 * Dutch Antw/Doorst, French TR/RE/Réf, Spanish RV/Fwd, Italian R/RIF/I, Portuguese Res/Enc, Polish Odp/PD,
 * Turkish YNT/İLT, Chinese 回复/答复/转发, Japanese 返信/転送.
 */
const PREFIXES = [
  ...['re', 'fw', 'fwd', 'aw', 'wg', 'sv', 'vs', 'vb', 'antw', 'doorst', 'tr', 'réf', 'ref', 'rv', 'r', 'rif', 'i'],
  ...['res', 'enc', 'odp', 'pd', 'ynt', 'i̇lt', 'ilt', '回复', '答复', '转发', '返信', '転送'],
];

/** One prefix: the word, an optional counter (`RE[2]:`, `RE(2):`), a colon (also the full-width one). */
const PREFIX = new RegExp(`^(?:${PREFIXES.join('|')})(?:\\[\\d{1,3}\\]|\\(\\d{1,3}\\))?\\s{0,3}[:：]`, 'iu');

/** A subject longer than this is cut: mail services' subjects stay far below, and the app only compares and shows it. */
export const MAX_SUBJECT_CHARS = 1_000;

/**
 * A subject without its reply and forward prefixes (`RE: AW: Fwd: [DEMO-1] Printer`), white space collapsed:
 * the summary of an issue made from a forwarded mail, and what two subjects are compared by.
 */
export const normalizeSubject = (subject: string | null | undefined): string => {
  let rest = (subject ?? '')
    .slice(0, MAX_SUBJECT_CHARS)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  for (let match = PREFIX.exec(rest); match !== null; match = PREFIX.exec(rest)) {
    rest = rest.slice(match[0].length).trimStart();
  }
  return rest;
};
