package dev.akkoord.scan.crawl;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code <loc>} entries of a sitemap or sitemap index, read as a stream (no document tree, no DTDs, no external
 * entities) and capped, so a hostile or huge sitemap costs little.
 *
 * @param index whether this was a {@code <sitemapindex>} (its entries are further sitemaps)
 * @param locations the entries, at most the cap asked for
 */
record Sitemap(boolean index, List<String> locations) {

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Parses the XML; throws IllegalArgumentException with a readable reason when it is not a sitemap. */
    static Sitemap parse(byte[] xml, int maxLocations) {
        List<String> locations = new ArrayList<>();
        boolean index = false;
        boolean root = true;
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            StringBuilder text = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (root) {
                        root = false;
                        if (!name.equals("urlset") && !name.equals("sitemapindex")) {
                            throw new IllegalArgumentException("not a sitemap: the root element is <" + name + ">");
                        }
                        index = name.equals("sitemapindex");
                    } else if (name.equals("loc")) {
                        text = new StringBuilder();
                    }
                } else if (text != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && text != null && reader.getLocalName().equals("loc")) {
                    String loc = text.toString().strip();
                    text = null;
                    if (!loc.isEmpty()) {
                        locations.add(loc);
                        if (locations.size() >= maxLocations) {
                            break;
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing is held open: the input is a byte array
                }
            }
        }
        if (root) {
            throw new IllegalArgumentException("not a sitemap: empty document");
        }
        return new Sitemap(index, locations);
    }
}
