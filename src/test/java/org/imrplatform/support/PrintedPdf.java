package org.imrplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF of the platform read back with PDFBox, as a reader or a screen reader would get it: its text, language,
 * title, structure tags and fonts.
 *
 * @param text the text as PDFBox extracts it, runs of white space made one space
 * @param copied the characters the glyphs stand for (their ToUnicode mapping), as a PDF reader copies or searches
 *        them; PDFBox's text above has ligatures such as ﬁ already taken apart, so it cannot show them
 * @param structure the tags of the structure tree in reading order (H1, P, L, LI, ...), empty when untagged
 * @param notEmbedded the names of fonts used but not embedded
 * @param images how many images the pages show
 */
public record PrintedPdf(int pages, String text, String copied, String language, String title, boolean marked,
        List<String> structure, List<String> fonts, List<String> notEmbedded, int images) {

    public static PrintedPdf read(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDMarkInfo mark = document.getDocumentCatalog().getMarkInfo();
            List<String> structure = new ArrayList<>();
            if (document.getDocumentCatalog().getStructureTreeRoot() != null) {
                tags(document.getDocumentCatalog().getStructureTreeRoot(), structure);
            }
            List<String> fonts = new ArrayList<>();
            List<String> notEmbedded = new ArrayList<>();
            List<PDImageXObject> images = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                resources(page.getResources(), fonts, notEmbedded, images);
            }
            StringBuilder copied = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> glyphs) throws IOException {
                    glyphs.forEach(glyph -> copied.append(glyph.getUnicode()));
                    copied.append(' ');
                    super.writeString(text, glyphs);
                }
            };
            return new PrintedPdf(document.getNumberOfPages(), stripper.getText(document).replaceAll("\\s+", " "),
                    copied.toString(),
                    document.getDocumentCatalog().getLanguage(), document.getDocumentInformation().getTitle(),
                    mark != null && mark.isMarked(), structure, fonts, notEmbedded, images.size());
        }
    }

    /**
     * What every PDF of the platform is: tagged (PDF/UA), in the language asked for, titled, its text in embedded
     * fonts only, with letters as typed (no ligature characters such as ﬁ or ﬀ, which searches do not find).
     */
    public PrintedPdf assertAccessible(String language, String title) {
        assertThat(marked).as("marked as tagged").isTrue();
        assertThat(structure).as("structure tree").isNotEmpty();
        assertThat(this.language).isEqualTo(language);
        assertThat(this.title).isEqualTo(title);
        assertThat(fonts).as("fonts").isNotEmpty().allMatch(name -> name.endsWith("DejaVuSans")
                || name.endsWith("DejaVuSans-Bold"));
        assertThat(notEmbedded).as("fonts not embedded").isEmpty();
        assertThat(copied.codePoints().filter(c -> c >= 0xFB00 && c <= 0xFB06).toArray())
                .as("ligatures in " + copied).isEmpty();
        return this;
    }

    private static void tags(PDStructureNode node, List<String> tags) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                tags(element, tags);
            }
        }
    }

    private static void resources(PDResources resources, List<String> fonts, List<String> notEmbedded,
            List<PDImageXObject> images) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.add(font.getName());
            if (!font.isEmbedded()) {
                notEmbedded.add(font.getName());
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                resources(form.getResources(), fonts, notEmbedded, images);
            } else if (object instanceof PDImageXObject image) {
                images.add(image);
            }
        }
    }
}
