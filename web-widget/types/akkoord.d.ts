// Types for pages that talk to the Akkoord banner: `window.akkoord`, its events, and the banner config the platform
// serves (GET /api/v1/sites/{siteId}/banner, or carried by the per-site script as `window.akkoordSiteConfig`).
// Reference it from TypeScript with: /// <reference path="akkoord.d.ts" />

export type OptionalCategory = 'analytical' | 'marketing';
export type Category = 'functional' | OptionalCategory;

/** The visitor's current choice, as `akkoord.consent()` returns it and every event carries it. */
export interface ConsentSnapshot {
  functional: true;
  analytical: boolean;
  marketing: boolean;
  /** false until the visitor made a choice (a record made only from Global Privacy Control is not one). */
  decided: boolean;
  /** The platform's id for this visitor's consent records; null until the first record is acknowledged. */
  consentId: string | null;
  /** navigator.globalPrivacyControl when the page loaded. */
  gpc: boolean;
}

export interface ConsentEventDetail extends ConsentSnapshot {
  /** The UI action that made the decision. Absent on the 'consent' event fired at page load for an earlier choice. */
  action?: 'accept_all' | 'reject_all' | 'custom' | 'withdraw';
  /** Cookies of withdrawn categories still readable after the clean-up (HttpOnly ones cannot be deleted by script). */
  remaining?: string[];
}

export type AkkoordEvent = 'consent' | 'change' | 'recorded';

export interface Akkoord {
  /** Opens the first layer, or the preferences with show('preferences'). */
  show(layer?: 'banner' | 'preferences'): Promise<void>;
  hide(): Promise<void>;
  consent(): ConsentSnapshot;
  acceptAll(): Promise<void>;
  /**
   * The "Reject all" decision: stored, recorded with the platform, signalled to the vendors, layers closed; resolves
   * when done. Part of the contract for browser consent tools ("For consent tools" in the README).
   */
  rejectAll(): Promise<void>;
  /** Allows one more category and keeps the rest of the choice (a recorded 'custom' decision), e.g. from an embed's placeholder. */
  allow(category: OptionalCategory): Promise<void>;
  /** The site owner's own embed providers, as rows of host, path, name, kind and category (read by the embeds chunk). */
  embedPresets(): Array<[string, string, string, string, OptionalCategory]>;
  /** Withdraws one category, or every optional one without an argument; deletes their cookies, then (by default) reloads. */
  withdraw(category?: OptionalCategory): Promise<void>;
  /**
   * 'consent' after every decision (and at page load when one was made before), 'change' when a category changed,
   * 'recorded' when the platform has acknowledged the visitor's first record and `consentId` is known.
   */
  on(event: AkkoordEvent, callback: (detail: ConsentEventDetail) => void): () => void;
}

export interface BannerCookie {
  name: string;
  provider: string | null;
  purpose: string | null;
  lifetime: string | null;
  thirdParty?: boolean;
}

export interface BannerCategory {
  key: Category;
  /** true for functional only: always on, shown locked. */
  required: boolean;
  cookies: BannerCookie[];
}

export interface BannerTexts {
  title: string;
  description: string;
  acceptAll: string;
  rejectAll: string;
  preferences: string;
  save: string;
  close: string;
  reopen: string;
  alwaysOn: string;
  privacyPolicy: string;
  gpcNotice: string;
  cookieName: string;
  cookieProvider: string;
  cookiePurpose: string;
  cookieLifetime: string;
  categories: Partial<Record<Category, { title: string; description: string }>>;
}

export interface BannerConfig {
  siteId: string;
  /** Banner version: recorded with every consent, and a new one asks visitors again when categories or cookies changed. */
  version: string;
  language: string;
  languages: string[];
  consentLifetimeDays: number;
  privacyPolicyUrl: string | null;
  texts: BannerTexts;
  categories: BannerCategory[];
  /** Hosts whose scripts and frames are held back until their category is granted. */
  trackerHosts: Partial<Record<OptionalCategory, string[]>>;
  ui: {
    position: 'bottom' | 'top' | 'center' | 'bottom-left' | 'bottom-right';
    floatingButton: boolean;
    reloadOnWithdraw: boolean;
    colors: { background: string; text: string; accent: string; accentText: string };
  };
  /** Time of the last completed scan (ISO 8601), or null. */
  lastScan: string | null;
  /**
   * Present only for a site with more than one domain: the hosts (host or host:port, no wildcards) a decision
   * follows the visitor to. The banner then loads its cross-domain part (akkoord-domains.js).
   */
  domains?: string[];
}

declare global {
  interface Window {
    akkoord?: Akkoord;
    akkoordSiteConfig?: BannerConfig;
  }
  interface WindowEventMap {
    'akkoord:consent': CustomEvent<ConsentEventDetail>;
    'akkoord:change': CustomEvent<ConsentEventDetail>;
  }
}
