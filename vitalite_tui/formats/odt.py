"""An OpenDocument text (.odt) from a `Document`, with the standard library alone.

LibreOffice and Word open it for editing: the technician adds a foreword and logos. The
file is a ZIP whose first member, `mimetype`, is stored uncompressed (how a reader knows
it); then the manifest, the styles (A4, Liberation Sans, headings) and the content. Charts
come as images the caller draws (`ChartImage`: PNG bytes and their size in millimetres).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from vitalite_tui.formats.document import (
    Bullets,
    Document,
    Heading,
    Paragraph,
    PoleChart,
    Table,
)

MIMETYPE = "application/vnd.oasis.opendocument.text"

#: A chart drawn as an image: PNG bytes, width and height in millimetres.
ChartImage = Callable[[PoleChart], tuple[bytes, float, float]]

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'office:version="1.3"'
)

_FONT = "Liberation Sans"

_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {_NAMESPACES}>
<office:font-face-decls>
<style:font-face style:name="{_FONT}" svg:font-family="'{_FONT}'"
 style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties style:font-name="{_FONT}" fo:font-size="10.5pt" fo:language="fr"
 fo:country="FR" fo:hyphenate="true"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text">
<style:paragraph-properties fo:margin-bottom="0.18cm" fo:line-height="120%"/>
</style:style>
<style:style style:name="Muted" style:family="paragraph" style:parent-style-name="Standard">
<style:text-properties fo:font-size="8.5pt" fo:color="#555555"/>
</style:style>
<style:style style:name="Strong" style:family="paragraph" style:parent-style-name="Standard">
<style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
 style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
<style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"
 fo:keep-with-next="always"/>
<style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:parent-style-name="Standard" style:default-outline-level="2" style:class="text">
<style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"
 fo:keep-with-next="always"/>
<style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"
 style:parent-style-name="Standard" style:default-outline-level="3" style:class="text">
<style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm"
 fo:keep-with-next="always"/>
<style:text-properties fo:font-size="11pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"
 style:class="chapter">
<style:paragraph-properties fo:text-align="center" fo:margin-top="5cm"
 fo:margin-bottom="0.5cm"/>
<style:text-properties fo:font-size="26pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard"
 style:class="chapter">
<style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
<style:text-properties fo:font-size="15pt"/>
</style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents"
 style:family="paragraph" style:parent-style-name="Standard">
<style:text-properties fo:font-size="9pt"/>
</style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading"
 style:family="paragraph" style:parent-style-name="Table_20_Contents">
<style:text-properties fo:font-weight="bold"/>
</style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.8cm"
 fo:margin-right="1.8cm"/>
</style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4"/>
</office:master-styles>
</office:document-styles>
"""

_AUTOMATIC = """<office:automatic-styles>
<style:style style:name="Break" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:break-before="page"/>
</style:style>
<style:style style:name="Chapter" style:family="paragraph" style:parent-style-name="Heading_20_1">
<style:paragraph-properties fo:break-before="page"/>
</style:style>
<style:style style:name="Centered" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:text-align="center"/>
</style:style>
<style:style style:name="Cell" style:family="table-cell">
<style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/>
</style:style>
<style:style style:name="Grid" style:family="table">
<style:table-properties style:width="17.4cm" table:align="margins"/>
</style:style>
{columns}
</office:automatic-styles>"""

_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}" \
manifest:version="1.3"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
{pictures}</manifest:manifest>
"""

#: The width of the text between the margins, in centimetres.
_TEXT_WIDTH_CM = 17.4


#: Characters XML 1.0 cannot hold (the store never keeps them; a stray one must not break
#: the whole file).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _paragraph(style: str, text: str) -> str:
    """Paragraphs as typed: a blank line parts two, a line break and a tab are kept."""
    text = _NOT_XML.sub("", text)
    paragraphs = []
    for part in re.split(r"\n\s*\n", text) or [""]:
        lines = [escape(line).replace("\t", "<text:tab/>") for line in part.split("\n")]
        paragraphs.append(
            f'<text:p text:style-name="{style}">{"<text:line-break/>".join(lines)}</text:p>'
        )
    return "".join(paragraphs)


class _Writer:
    def __init__(self, chart_image: ChartImage) -> None:
        self.chart_image = chart_image
        self.body: list[str] = []
        self.pictures: dict[str, bytes] = {}
        self.column_styles: list[str] = []
        self.tables = 0

    def heading(self, block: Heading) -> None:
        level = min(max(block.level, 1), 3)
        style = "Chapter" if level == 1 and self.body else f"Heading_20_{level}"
        self.body.append(
            f'<text:h text:style-name="{style}" text:outline-level="{level}">'
            f"{escape(block.text)}</text:h>"
        )

    def paragraph(self, block: Paragraph) -> None:
        style = "Muted" if block.muted else "Strong" if block.bold else "Standard"
        self.body.append(_paragraph(style, block.text))

    def bullets(self, block: Bullets) -> None:
        items = "".join(
            f"<text:list-item>{_paragraph('Standard', i)}</text:list-item>" for i in block.items
        )
        self.body.append(f"<text:list>{items}</text:list>")

    def table(self, block: Table) -> None:
        self.tables += 1
        name = f"Tableau{self.tables}"
        columns = []
        for index, share in enumerate(block.widths):
            style = f"{name}.C{index}"
            width = share * _TEXT_WIDTH_CM
            self.column_styles.append(
                f'<style:style style:name="{style}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width:.2f}cm"/>'
                "</style:style>"
            )
            columns.append(f'<table:table-column table:style-name="{style}"/>')

        def row(cells: tuple[str, ...], style: str) -> str:
            inner = "".join(
                f'<table:table-cell table:style-name="Cell" office:value-type="string">'
                f"{_paragraph(style, cell)}</table:table-cell>"
                for cell in cells
            )
            return f"<table:table-row>{inner}</table:table-row>"

        header = row(block.header, "Table_20_Heading")
        header = f"<table:table-header-rows>{header}</table:table-header-rows>"
        rows = "".join(row(cells, "Table_20_Contents") for cells in block.rows)
        self.body.append(
            f'<table:table table:name="{name}" table:style-name="Grid">'
            f"{''.join(columns)}{header}{rows}</table:table>"
        )

    def chart(self, block: PoleChart) -> None:
        data, width, height = self.chart_image(block)
        path = f"Pictures/graphique-{len(self.pictures) + 1}.png"
        self.pictures[path] = data
        self.body.append(
            '<text:p text:style-name="Centered">'
            f'<draw:frame draw:name={quoteattr(block.title)} text:anchor-type="as-char" '
            f'svg:width="{width / 10:.2f}cm" svg:height="{height / 10:.2f}cm">'
            f'<draw:image xlink:href="{path}" xlink:type="simple" xlink:show="embed" '
            'xlink:actuate="onLoad"/>'
            f"<svg:desc>{escape(block.title)}</svg:desc>"
            "</draw:frame></text:p>"
        )

    def page_break(self) -> None:
        self.body.append('<text:p text:style-name="Break"/>')


def odt_bytes(document: Document, chart_image: ChartImage) -> bytes:
    """The bytes of the .odt file of `document`."""
    writer = _Writer(chart_image)
    cover = document.cover
    writer.body.append(_paragraph("Title", cover.title))
    writer.body.append(_paragraph("Subtitle", cover.subtitle))
    for line in cover.lines:
        writer.body.append(_paragraph("Centered", line))
    for block in document.blocks:
        if isinstance(block, Heading):
            writer.heading(block)
        elif isinstance(block, Paragraph):
            writer.paragraph(block)
        elif isinstance(block, Bullets):
            writer.bullets(block)
        elif isinstance(block, Table):
            writer.table(block)
        elif isinstance(block, PoleChart):
            writer.chart(block)
        else:
            writer.page_break()
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NAMESPACES}>'
        + _AUTOMATIC.format(columns="".join(writer.column_styles))
        + f"<office:body><office:text>{''.join(writer.body)}</office:text></office:body>"
        "</office:document-content>\n"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {_NAMESPACES}>'
        f"<office:meta><dc:title>{escape(document.title)}</dc:title>"
        "<dc:language>fr-FR</dc:language><meta:generator>vitalite-tui</meta:generator>"
        "</office:meta></office:document-meta>\n"
    )
    pictures = "".join(
        f'<manifest:file-entry manifest:full-path="{path}" manifest:media-type="image/png"/>\n'
        for path in writer.pictures
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # First and stored: how a reader recognises an OpenDocument file.
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml", _MANIFEST.format(mimetype=MIMETYPE, pictures=pictures)
        )
        archive.writestr("styles.xml", _STYLES)
        archive.writestr("meta.xml", meta)
        archive.writestr("content.xml", content)
        for path, data in writer.pictures.items():
            archive.writestr(path, data, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()
