// JD's directory writes zones as abbreviations; each names one IANA zone whose DST rules luxon applies,
// so "PST" there still means Los Angeles wall-clock time in July (PDT).
export const ZONE_BY_ABBREVIATION: Readonly<Record<string, string>> = {
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  GMT: 'Europe/London',
  BST: 'Europe/London',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  SGT: 'Asia/Singapore',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  BRT: 'America/Sao_Paulo',
  GST: 'Asia/Dubai',
  SAST: 'Africa/Johannesburg',
  CST: 'Asia/Shanghai',
};
