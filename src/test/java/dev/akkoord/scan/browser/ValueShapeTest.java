package dev.akkoord.scan.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** What a cookie's value looks like, the IAB consent records among them, without keeping the value. */
class ValueShapeTest {

    @Test
    void recognisesTheIabConsentRecords() {
        // a TCF v2 string with a publisher segment, a US Privacy string, a GPP string
        assertEquals(ValueShape.CONSENT_STRING, ValueShape.of(
                "CQBw3kAQBw3kAAHABBENBPFgAP_AAH_AAAqIKPNV_G__bWlr8X73aftkeY1P9_h77sQxBhfJE-4FzLvW_JwXx2ExNA36tqIKmRIAu3TBIQNlGJDURVCgaogVryDMaEyUoTNKJ6BkiFMRI2dYCFxvm4tjeQCY5vr991dx2B-t7dr83dzyy4hHn3a5_2S1WJCdA5-tDfv9bROb-9IOd_x8v4v8_F_rE2_eT1l_tevp7B9-ct87_XW-9_fff79Ll9-AAAA.YAAAAAAAAAAA"));
        assertEquals(ValueShape.CONSENT_STRING, ValueShape.of("1YNN"));
        assertEquals(ValueShape.CONSENT_STRING, ValueShape.of("DBABMA~CQBw3kAQBw3kAAHABBENBPFgAP_AAH_AAAqIKPN"));
    }

    @Test
    void aRandomTokenIsNotAConsentRecord() {
        assertNotEquals(ValueShape.CONSENT_STRING, ValueShape.of("Cx9f3kQ2mZt8LwQpR7sVnB4yHc1dJ0eUaKiOgTfWbYr"));
        assertNotEquals(ValueShape.CONSENT_STRING, ValueShape.of("CQ1"));
        assertEquals("uuid", ValueShape.of("3f2a8c1d-9e0b-4c3a-8f6e-2d1b0a9c8d7e"));
        assertEquals("json", ValueShape.of("{\"necessary\":true}"));
        assertNotEquals(ValueShape.CONSENT_STRING, ValueShape.of("1YNNX"));
    }
}
