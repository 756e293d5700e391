package dev.akkoord.web;

/**
 * Examples for the API document, taken from real answers of this service (one site, one consent) and shortened
 * where a field repeats. Kept together so the resources stay readable; annotation values must be constants.
 */
public final class ApiExamples {

    public static final String SITE_REQUEST = """
            {"name": "Shop", "domains": ["www.example.test"], "languages": ["nl", "en"]}""";

    public static final String SITE_UPDATE = """
            {"privacyPolicyUrl": "https://www.example.test/privacy", "ui": {"position": "bottom"}}""";

    private static final String SITE_FIELDS = """
            "id": "d47f5b51-a9cc-4cfe-bde4-fb483e216698", "name": "Shop", "domains": ["www.example.test"],
            "languages": ["nl", "en"], "texts": {}, "categories": ["functional", "analytical", "marketing"],
            "consentLifetimeDays": 182, "consentRetentionDays": 1095,
            "ui": {"position": "bottom", "floatingButton": true, "reloadOnWithdraw": true,
              "colors": {"accent": "#1d4ed8", "text": "#1b1b1b", "background": "#ffffff", "accentText": "#ffffff"}},
            "bannerVersion": "3325f3ee8eaf31ab", "createdAt": "2026-12-06T04:01:59.652008Z",
            "updatedAt": "2026-12-06T04:01:59.652008Z\"""";

    public static final String SITE = "{" + SITE_FIELDS + "}";

    public static final String SITE_CREATED = "{" + SITE_FIELDS
            + ", \"apiKey\": \"ak_0dce50a0a709ea6082032d943380aaf4d0976e3a648c7689d42cd0a40f8afa74\"}";

    public static final String SITES = "[" + SITE + "]";

    public static final String API_KEY = """
            {"apiKey": "ak_646a46ad75df8dcddf6b4a9f12756d998d437ceea2aebbfbb0bf9e76fcb45fea"}""";

    public static final String BANNER_VERSIONS = """
            [{"version": "3325f3ee8eaf31ab", "createdAt": "2026-12-06T04:02:00.098924Z"}]""";

    public static final String BANNER_VERSION = """
            {"languages": ["en"], "texts": {"en": {"title": "Cookies on this website", "acceptAll": "Accept all",
              "rejectAll": "Reject all", "preferences": "Preferences", "save": "Save my choices"}},
             "categories": ["functional", "analytical", "marketing"],
             "cookies": {"analytical": [{"name": "_ga", "provider": "Google", "purpose": "Counts visits",
               "lifetime": "13 months"}]},
             "trackerHosts": {"marketing": ["*.doubleclick.net"]},
             "ui": {"position": "bottom", "floatingButton": true, "reloadOnWithdraw": true,
               "colors": {"accent": "#1d4ed8", "text": "#1b1b1b", "background": "#ffffff", "accentText": "#ffffff"}},
             "consentLifetimeDays": 182, "privacyPolicyUrl": null}""";

    public static final String BANNER_CONFIG = """
            {"siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698", "version": "3325f3ee8eaf31ab", "language": "en",
             "languages": ["nl", "en"], "consentLifetimeDays": 182, "privacyPolicyUrl": null,
             "texts": {"title": "Cookies on this website", "acceptAll": "Accept all", "rejectAll": "Reject all"},
             "categories": [{"key": "functional", "required": true, "cookies": []},
               {"key": "analytical", "required": false, "cookies": []},
               {"key": "marketing", "required": false, "cookies": []}],
             "trackerHosts": {"functional": [], "analytical": [], "marketing": []},
             "ui": {"position": "bottom", "floatingButton": true, "reloadOnWithdraw": true,
               "colors": {"accent": "#1d4ed8", "text": "#1b1b1b", "background": "#ffffff", "accentText": "#ffffff"}},
             "lastScan": null}""";

    public static final String CONSENT_REQUEST = """
            {"siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698", "bannerVersion": "3325f3ee8eaf31ab",
             "action": "custom", "categories": {"analytical": true, "marketing": false}, "language": "nl",
             "pageUrl": "https://www.example.test/shop", "gpc": false}""";

    public static final String RECEIPT = """
            {"consentId": "8577caad351d2445ee29e97572578e25", "recordId": 1,
             "recordedAt": "2026-12-06T04:02:01.898735Z",
             "receipt": "087067e69c8a63999406dcd10a63373ea25da20192dde202dfe422eba73154bd",
             "signed": {"siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698", "recordId": 1, "seq": 1,
               "hash": "087067e69c8a63999406dcd10a63373ea25da20192dde202dfe422eba73154bd",
               "recordedAt": "2026-12-06T04:02:01.898735Z", "batchFirst": 1, "batchLast": 1,
               "batchRoot": "41a121304ee6eb1d6f732edd1f123bb2a5785c0b5ac844da837f62228702d3c7", "proof": [],
               "signedAt": "2026-12-06T04:02:01.943185Z", "keyId": "36677c917218eed9",
               "signature": "rnsTQLoFOBYfCTFalXb4wviaS/0+g6ka21l8B5lWq3s7D37aRbyKcAfelr4IKs9kOCT+x4rJduKEK7\
            FtTu/wAw=="}}""";

    public static final String HISTORY = """
            {"consentId": "8577caad351d2445ee29e97572578e25", "records": [{"recordId": 1,
              "siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698", "recordedAt": "2026-12-06T04:02:01.898735Z",
              "action": "custom", "categories": {"analytical": true, "functional": true, "marketing": false},
              "bannerVersion": "3325f3ee8eaf31ab", "language": "nl", "pageUrl": "https://www.example.test/shop",
              "gpc": false, "ipTruncated": "127.0.0.0", "userAgent": "Mozilla/5.0 (X11; Linux x86_64)",
              "receipt": "087067e69c8a63999406dcd10a63373ea25da20192dde202dfe422eba73154bd"}]}""";

    public static final String LATEST_DECISION = """
            {"consentId": "8577caad351d2445ee29e97572578e25", "siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698",
             "recordedAt": "2026-12-06T04:02:01.898735Z", "action": "custom",
             "categories": {"analytical": true, "functional": true, "marketing": false},
             "bannerVersion": "3325f3ee8eaf31ab", "origin": "https://www.example.test"}""";

    public static final String CONSENT_PAGE = """
            {"records": [{"recordId": 1, "siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698", "seq": 1,
              "consentId": "8577caad351d2445ee29e97572578e25", "recordedAt": "2026-12-06T04:02:01.898735Z",
              "action": "custom", "analytical": true, "marketing": false, "bannerVersion": "3325f3ee8eaf31ab",
              "language": "nl", "pageUrl": "https://www.example.test/shop", "gpc": false,
              "ipTruncated": "127.0.0.0", "userAgent": "Mozilla/5.0 (X11; Linux x86_64)",
              "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
              "hash": "087067e69c8a63999406dcd10a63373ea25da20192dde202dfe422eba73154bd"}],
             "nextCursor": null}""";

    public static final String CONSENT_CSV = """
            record_id,site_id,seq,consent_id,recorded_at,action,functional,analytical,marketing,banner_version,\
            language,page_url,gpc,ip_truncated,user_agent,prev_hash,hash
            1,d47f5b51-a9cc-4cfe-bde4-fb483e216698,1,8577caad351d2445ee29e97572578e25,2026-12-06T04:02:01.898735Z,\
            custom,true,true,false,"3325f3ee8eaf31ab","nl","https://www.example.test/shop",false,"127.0.0.0",\
            "Mozilla/5.0 (X11; Linux x86_64)",0000000000000000000000000000000000000000000000000000000000000000,\
            087067e69c8a63999406dcd10a63373ea25da20192dde202dfe422eba73154bd
            """;

    public static final String CHAIN_REPORT = """
            {"siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698", "intact": true, "firstSeq": 1, "lastSeq": 1,
             "checked": 1, "anchorSeq": null, "signedCheckpoints": 0, "problems": []}""";

    public static final String PUBLIC_KEYS = """
            {"keys": [{"keyId": "36677c917218eed9", "algorithm": "Ed25519",
              "publicKey": "MCowBQYDK2VwAyEAMtNxQa8tQjTp3mBbdH1hiKVrcy9XYGXXaDVZD0QeAnI=",
              "created": "2026-12-06T03:59:26.765Z"}]}""";

    public static final String PUBLIC_KEY = """
            {"keyId": "36677c917218eed9", "algorithm": "Ed25519",
             "publicKey": "MCowBQYDK2VwAyEAMtNxQa8tQjTp3mBbdH1hiKVrcy9XYGXXaDVZD0QeAnI=",
             "created": "2026-12-06T03:59:26.765Z"}""";

    public static final String STATS = """
            {"siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698", "from": "2026-12-01", "to": "2026-12-01", "by": "DAY",
             "buckets": [{"start": "2026-12-01",
               "byAction": {"reject_all": 1, "custom": 1, "accept_all": 2, "withdraw": 0, "gpc": 0},
               "decisions": 4, "analyticalGranted": 3, "marketingGranted": 2, "total": 4, "analyticalRate": 0.75,
               "marketingRate": 0.5}],
             "total": {"start": "2026-12-01",
               "byAction": {"reject_all": 1, "custom": 1, "accept_all": 2, "withdraw": 0, "gpc": 0},
               "decisions": 4, "analyticalGranted": 3, "marketingGranted": 2, "total": 4, "analyticalRate": 0.75,
               "marketingRate": 0.5}}""";

    public static final String COOKIE_OVERRIDE_REQUEST = """
            {"category": "analytical", "purpose": "Counts visits", "vendor": "Google", "retention": "13 months"}""";

    public static final String COOKIE_OVERRIDE = """
            {"name": "_ga", "category": "analytical", "purpose": "Counts visits", "vendor": "Google",
             "retention": "13 months"}""";

    public static final String COOKIE_OVERRIDES = """
            {"overrides": {"_ga": "analytical"}, "cookies": [{"name": "_ga", "category": "analytical",
              "purpose": "Counts visits", "vendor": "Google", "retention": "13 months"}]}""";

    public static final String HOST_REQUEST = """
            {"category": "marketing"}""";

    public static final String HOST = """
            {"host": "*.doubleclick.net", "category": "marketing"}""";

    public static final String HOSTS = """
            {"hosts": {"*.doubleclick.net": "marketing"}}""";

    public static final String CLASSIFY_REQUEST = """
            [{"name": "_ga"}, {"name": "PHPSESSID", "domain": "www.example.test"}]""";

    public static final String CLASSIFY_CSV = """
            name,domain
            _ga,
            PHPSESSID,www.example.test
            """;

    public static final String CLASSIFIED = """
            [{"name": "_ga", "category": "analytical", "confidence": 0.95, "source": "vendor",
              "vendor": "Google Analytics", "purpose": "Gives the browser a random ID and keeps the current session \
            so the site can count visitors and visits.",
              "reason": "Matches Google Analytics's documented cookie _ga \
            (https://developers.google.com/analytics/devguides/collection/ga4/cookie-usage)"},
             {"name": "PHPSESSID", "category": "functional", "confidence": 0.95, "source": "database",
              "vendor": "PHP.net", "reason": "Listed in the Open Cookie Database"}]""";

    public static final String SCAN_ACCEPTED = """
            {"id": "5b0c9f5e-3f8a-4d43-9d1e-2a7c1f0b6e21", "status": "queued"}""";

    /** A running scan; a finished one has its results, and a failed or partial one says why in failure. */
    public static final String SCAN = """
            {"id": "5b0c9f5e-3f8a-4d43-9d1e-2a7c1f0b6e21", "siteId": "d47f5b51-a9cc-4cfe-bde4-fb483e216698",
             "status": "running", "trigger": "request", "queuedAt": "2026-12-06T04:10:00.120Z",
             "startedAt": "2026-12-06T04:10:00.480Z", "finishedAt": null, "attempts": 1,
             "progress": {"pagesDone": 3, "pagesQueued": 9}, "failure": null, "failureKind": null, "results": null,
             "diff": null}""";

    public static final String SCANS = "[" + SCAN + "]";

    /** The start of every script build: the answers are minified JavaScript, too long to show. */
    public static final String SCRIPT = "(()=>{var ae=Object.defineProperty;…})();";

    private ApiExamples() {
    }
}
