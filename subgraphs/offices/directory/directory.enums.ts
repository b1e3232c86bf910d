import { registerEnumType } from 'type-graphql';

// String enums mirror the data file's values exactly, so records pass straight through to GraphQL.
export enum SupportRegion {
  NORTH_AMERICA = 'NORTH_AMERICA',
  EUROPE = 'EUROPE',
  ASIA_PACIFIC = 'ASIA_PACIFIC',
  LATIN_AMERICA = 'LATIN_AMERICA',
  MIDDLE_EAST_AFRICA = 'MIDDLE_EAST_AFRICA',
}
export enum SupportDepartment {
  GENERAL = 'GENERAL',
  ENTERPRISE = 'ENTERPRISE',
  SELLER = 'SELLER',
  LOGISTICS = 'LOGISTICS',
  FINANCE = 'FINANCE',
  REFUNDS = 'REFUNDS',
  SECURITY = 'SECURITY',
  MEDIA = 'MEDIA',
  BUSINESS_DEVELOPMENT = 'BUSINESS_DEVELOPMENT',
}
export enum HotlineScope {
  DOMESTIC = 'DOMESTIC',
  INTERNATIONAL = 'INTERNATIONAL',
}
export enum ChannelScope {
  DOMESTIC = 'DOMESTIC',
  INTERNATIONAL = 'INTERNATIONAL',
  ALL = 'ALL',
}
export enum ChannelKind {
  EMAIL = 'EMAIL',
  CHAT = 'CHAT',
  SOCIAL = 'SOCIAL',
  WEB = 'WEB',
  POSTAL = 'POSTAL',
}
export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}
export enum SupportMatch {
  REGIONAL_OFFICE = 'REGIONAL_OFFICE',
  CHINA_DOMESTIC = 'CHINA_DOMESTIC',
  FALLBACK = 'FALLBACK',
}

registerEnumType(SupportRegion, {
  name: 'SupportRegion',
  description: 'The region heading an office is listed under in the JD Worldwide Helpline Directory.',
  valuesConfig: {
    NORTH_AMERICA: { description: 'North America (Los Angeles office: USA & Canada).' },
    EUROPE: { description: 'Europe (London: UK & EU; Frankfurt: Germany & Central Europe).' },
    ASIA_PACIFIC: { description: 'Asia-Pacific (Singapore, Tokyo, Seoul, and Hong Kong customer service).' },
    LATIN_AMERICA: { description: 'Latin America (São Paulo office: Brazil & LATAM).' },
    MIDDLE_EAST_AFRICA: { description: 'Middle East & Africa (Dubai: UAE & GCC; Johannesburg: South Africa and the rest of Africa).' },
  },
});
registerEnumType(SupportDepartment, {
  name: 'SupportDepartment',
  description: 'Which JD team a hotline or channel reaches.',
  valuesConfig: {
    GENERAL: { description: 'General customer service: orders, accounts, anything not listed below.' },
    ENTERPRISE: { description: 'Business and enterprise clients (bulk procurement, SLAs).' },
    SELLER: { description: 'Merchants and third-party vendors selling on JD.' },
    LOGISTICS: { description: 'Logistics and delivery: tracking, delivery exceptions.' },
    FINANCE: { description: 'JD Finance and payments: transaction disputes, credit, fraud alerts.' },
    REFUNDS: { description: 'Refunds and returns.' },
    SECURITY: { description: 'Reporting scams and fake JD websites.' },
    MEDIA: { description: 'Press and media enquiries.' },
    BUSINESS_DEVELOPMENT: { description: 'Business development and partnerships.' },
  },
});
registerEnumType(HotlineScope, {
  name: 'HotlineScope',
  description: 'Where a hotline can be dialled from.',
  valuesConfig: {
    DOMESTIC: { description: 'Mainland China only (400- numbers); free from Chinese landlines and mobiles when toll-free.' },
    INTERNATIONAL: { description: 'Callable from abroad (+86- numbers); the caller pays international rates (not toll-free).' },
  },
});
registerEnumType(ChannelScope, {
  name: 'ChannelScope',
  description: 'Which customers a channel is meant for.',
  valuesConfig: {
    DOMESTIC: { description: 'Customers in mainland China (e.g. Weibo, WeChat, walk-in centers).' },
    INTERNATIONAL: { description: 'Customers outside mainland China (e.g. Twitter @JDcom_Global).' },
    ALL: { description: 'Everyone, wherever they are.' },
  },
});
registerEnumType(ChannelKind, {
  name: 'ChannelKind',
  description: 'How a channel is used; `address` is read according to the kind.',
  valuesConfig: {
    EMAIL: { description: 'An email address (`address` is the mailbox).' },
    CHAT: { description: 'Live chat in the JD app or website (`address` is the site).' },
    SOCIAL: { description: 'A social-media account (`platform` names the network, `address` the handle or page name).' },
    WEB: { description: 'A web page (`address` is the URL without scheme, as printed).' },
    POSTAL: { description: 'A postal address (`address` is printed verbatim).' },
  },
});
registerEnumType(Weekday, {
  name: 'Weekday',
  description: "A day of the week in the office's own time zone.",
  valuesConfig: {
    MONDAY: { description: 'Monday.' },
    TUESDAY: { description: 'Tuesday.' },
    WEDNESDAY: { description: 'Wednesday.' },
    THURSDAY: { description: 'Thursday.' },
    FRIDAY: { description: 'Friday.' },
    SATURDAY: { description: 'Saturday.' },
    SUNDAY: { description: 'Sunday.' },
  },
});
registerEnumType(SupportMatch, {
  name: 'SupportMatch',
  description: 'How nearestSupportOffice matched the country.',
  valuesConfig: {
    REGIONAL_OFFICE: { description: "The country is in a regional office's coverage; `office` is that office." },
    CHINA_DOMESTIC: { description: 'Mainland China (CN): no office; `hotlines` are the domestic 400- numbers.' },
    FALLBACK: {
      description: 'No office covers the country: `office` is null and `hotlines` start with the 24/7 global helpline +86-10-5765-6666.',
    },
  },
});
