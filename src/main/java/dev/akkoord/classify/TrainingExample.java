package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the model learns from: every Open Cookie Database entry and every name our vendor table documents, with the
 * vendor it belongs to (so calibration can hold whole vendors out).
 */
record TrainingExample(NameModel.Example example, String group, Named named) {

    /** The name and category the example was made from. */
    record Named(String name, Category category) {
    }

    static List<TrainingExample> from(KnowledgeBase knowledge) {
        List<TrainingExample> examples = new ArrayList<>(knowledge.cookies().size() + 1_000);
        for (KnownCookie cookie : knowledge.cookies()) {
            String group = cookie.platform().isEmpty() ? cookie.name() : cookie.platform();
            examples.add(new TrainingExample(new NameModel.Example(Features.of(new CookieName(cookie.name()),
                    cookie.asObserved()), NameModel.labelOf(cookie.category())), group.toLowerCase(Locale.ROOT),
                    new Named(cookie.name(), cookie.category())));
        }
        for (Vendor vendor : knowledge.vendorTable().rows()) {
            Long lifetime = RetentionPeriods.parseRetention(vendor.retention());
            String host = vendor.hosts().isEmpty() ? null : vendor.hosts().get(0);
            for (NamePattern pattern : vendor.cookies()) {
                // A star is an id or a key: a digit stands for it, which the features fold like any number.
                String name = pattern.text.replace('*', '0');
                CookieFacts facts = new CookieFacts(name, host, lifetime, null, null, null, null);
                examples.add(new TrainingExample(new NameModel.Example(Features.of(new CookieName(name), facts),
                        NameModel.labelOf(vendor.category())), Vendor.slug(vendor.name()),
                        new Named(name, vendor.category())));
            }
        }
        return examples;
    }
}
