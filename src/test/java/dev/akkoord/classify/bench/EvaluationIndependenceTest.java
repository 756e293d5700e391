package dev.akkoord.classify.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.classify.KnowledgeBase;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evaluation set stays independent of what the classifier learns from: no evaluation name is written down in any
 * knowledge source, every label cites a public source that is not the Open Cookie Database, and the set is as large
 * and as varied as the classification issue asks.
 */
class EvaluationIndependenceTest {

    private static final List<EvaluationSet.Row> ROWS = EvaluationSet.load();
    private static final List<EvaluationSet.Row> HOLDOUT = EvaluationSet.load(EvaluationSet.HOLDOUT_FILES);
    private static final List<EvaluationSet.Row> BOTH = Stream.concat(ROWS.stream(), HOLDOUT.stream())
            .toList();

    @Test
    void noEvaluationNameIsInAnyKnowledgeSource() {
        KnowledgeBase knowledge = KnowledgeBase.load();
        List<String> listed = BOTH.stream().map(EvaluationSet.Row::name).filter(knowledge::lists).toList();
        assertEquals(List.of(), listed, "evaluation names that a knowledge source lists");
    }

    @Test
    void everyLabelCitesItsOwnSourceAndNotTheOpenCookieDatabase() {
        for (EvaluationSet.Row row : BOTH) {
            assertTrue(row.source().startsWith("https://"), row.toString());
            String source = row.source().toLowerCase();
            assertTrue(!source.contains("opencookiedatabase") && !source.contains("open-cookie-database")
                    && !source.contains("cookiepedia"), row.toString());
            assertTrue(Set.of("vendor", "site").contains(row.party()), row.toString());
        }
    }

    @Test
    void theSetIsLargeAndVariedEnough() {
        Set<String> vendors = ROWS.stream().filter(r -> r.party().equals("vendor")).map(EvaluationSet.Row::vendor)
                .collect(Collectors.toSet());
        long vendorNames = ROWS.stream().filter(r -> r.party().equals("vendor")).count();
        long siteNames = ROWS.stream().filter(r -> r.party().equals("site")).count();
        assertTrue(vendorNames >= 400, vendorNames + " vendor cookie names");
        assertTrue(vendors.size() >= 60, vendors.size() + " vendors");
        assertTrue(siteNames >= 100, siteNames + " first-party site cookies");
        long distinct = ROWS.stream().map(r -> r.name().toLowerCase() + "@" + r.domain()).distinct().count();
        assertEquals(ROWS.size(), distinct, "each name and domain once");
    }

    @Test
    void theHeldOutSetSharesNoNameVendorOrSiteWithTheFirst() {
        Set<String> names = ROWS.stream().map(r -> r.name().toLowerCase()).collect(Collectors.toSet());
        Set<String> owners = ROWS.stream().map(r -> r.vendor().toLowerCase()).collect(Collectors.toSet());
        assertEquals(List.of(), HOLDOUT.stream().filter(r -> names.contains(r.name().toLowerCase())
                || owners.contains(r.vendor().toLowerCase())).toList());
        assertTrue(HOLDOUT.size() >= 200, HOLDOUT.size() + " held-out names");
    }
}
