package dev.akkoord.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

import dev.akkoord.widget.WidgetAsset;
import dev.akkoord.widget.WidgetService;

class EmbedSnippetTest {

    private static final UUID SITE = UUID.fromString("3f6c0000-0000-4000-8000-000000000001");
    private static final String PLATFORM = "https://consent.example.test";

    @Test
    void shouldOfferTheAsyncPerSiteScriptAndTheStubBeforeIt() {
        WidgetService widgets = new WidgetService();
        WidgetAsset stub = widgets.defaults().orElseThrow(() -> new AssertionError("widget/akkoord-defaults.js missing: build the widget"));
        EmbedSnippet.Snippet snippet = new EmbedSnippet(widgets).snippetFor(PLATFORM, SITE);
        String async = "<script src=\"https://consent.example.test/akkoord/site/3f6c0000-0000-4000-8000-000000000001.js\" async></script>";
        assertEquals(async, snippet.async());
        assertEquals("<script src=\"https://consent.example.test/akkoord-defaults/" + stub.contentHash() + ".js\" integrity=\""
                + stub.integrity() + "\" crossorigin=\"anonymous\"></script>\n" + async, snippet.defaults());
        assertEquals(widgets.embedSnippet(PLATFORM, SITE).orElseThrow(), snippet.html());
    }
}
